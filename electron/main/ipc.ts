// The IPC side of the API: one ipcMain handler per method. Each checks who is calling before
// anything else, then goes through the shared, validating dispatch (so a call with malformed
// arguments never reaches a handler). Every call resolves to the contract's envelope, never a
// rejection: Electron would put its own words ("Error invoking remote method …") before ours.

import { API_METHODS, channelOf } from '@contract/api-channels';
import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import { type ApiHandlers, dispatch, failure } from '../api/dispatch';

interface SenderFrame {
  url: string;
  parent: unknown;
}

/** The frame that sent the call when it is the app's own top-level page, else null. */
export function trustedSenderUrl(
  event: Pick<IpcMainInvokeEvent, 'senderFrame'>,
  isAppUrl: (url: string) => boolean,
): string | null {
  let frame: SenderFrame | null;
  try {
    frame = event.senderFrame;
  } catch {
    return null;
  }
  if (!frame || frame.parent !== null || typeof frame.url !== 'string') return null;
  return isAppUrl(frame.url) ? frame.url : null;
}

/** Registers every API method; returns the function that removes them again. */
export function registerIpcHandlers(options: {
  ipcMain: Pick<IpcMain, 'handle' | 'removeHandler'>;
  handlers: ApiHandlers;
  isAppUrl: (url: string) => boolean;
}): () => void {
  for (const method of API_METHODS) {
    options.ipcMain.handle(channelOf(method), async (event, ...args: unknown[]) => {
      if (trustedSenderUrl(event, options.isAppUrl) === null)
        return failure('refused', 'unauthorized sender');
      return dispatch(options.handlers, method, args);
    });
  }
  return () => {
    for (const method of API_METHODS) options.ipcMain.removeHandler(channelOf(method));
  };
}
