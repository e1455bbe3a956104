// The preload script: exposes the typed API as `window.doctor` and nothing else. It imports only
// channel names at run time (the contract's types are erased), so the bundle has no zod in it.

import { API_METHODS, channelOf, PROGRESS_CHANNEL } from '@contract/api-channels';
import type { ProgressEvent } from '@contract/api-contract';
import { type DesktopDoctorApi, MENU_CHANNEL, type MenuCommand } from '@contract/menu-channel';
import { contextBridge, type IpcRendererEvent, ipcRenderer } from 'electron';

type IpcRendererLike = Pick<typeof ipcRenderer, 'invoke' | 'on' | 'removeListener'>;

/** Passes the payload only: the renderer never sees the IPC event (or ipcRenderer through it). */
function subscribe<T>(ipc: IpcRendererLike, channel: string, listener: (payload: T) => void): () => void {
  if (typeof listener !== 'function') throw new TypeError('listener must be a function');
  const forward = (_event: IpcRendererEvent, payload: T) => listener(payload);
  ipc.on(channel, forward);
  let subscribed = true;
  return () => {
    if (!subscribed) return;
    subscribed = false;
    ipc.removeListener(channel, forward);
  };
}

export function createDoctorApi(ipc: IpcRendererLike): DesktopDoctorApi {
  const methods = Object.fromEntries(
    API_METHODS.map((method) => [method, (...args: unknown[]) => ipc.invoke(channelOf(method), ...args)]),
  );
  // Main validates every argument and sends values of the contract's types.
  return Object.freeze({
    ...methods,
    onProgress: (listener: (event: ProgressEvent) => void) => subscribe(ipc, PROGRESS_CHANNEL, listener),
    onMenuCommand: (listener: (command: MenuCommand) => void) => subscribe(ipc, MENU_CHANNEL, listener),
  }) as unknown as DesktopDoctorApi;
}

contextBridge.exposeInMainWorld('doctor', createDoctorApi(ipcRenderer));
