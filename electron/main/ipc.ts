// The IPC side of the API: one ipcMain handler per method. Each checks who is calling before
// anything else, then goes through the shared, validating dispatch (so a call with malformed
// arguments never reaches a handler).

import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import { type createApiHandlers, dispatch } from '../api';
import { API_METHODS, channelOf } from '../api-channels';

type Handlers = ReturnType<typeof createApiHandlers>;

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

const oneLine = (error: unknown) =>
  (error instanceof Error ? error.message : String(error)).split(/\r?\n/)[0] || 'internal error';

/** Registers every API method; returns the function that removes them again. */
export function registerIpcHandlers(options: {
  ipcMain: Pick<IpcMain, 'handle' | 'removeHandler'>;
  handlers: Handlers;
  isAppUrl: (url: string) => boolean;
}): () => void {
  for (const method of API_METHODS) {
    options.ipcMain.handle(channelOf(method), async (event, ...args: unknown[]) => {
      if (trustedSenderUrl(event, options.isAppUrl) === null) throw new Error('unauthorized sender');
      let result: Awaited<ReturnType<typeof dispatch>>;
      try {
        result = await dispatch(options.handlers, method, args);
      } catch (error) {
        console.error(`${method} failed:`, error);
        throw new Error(`${method}: ${oneLine(error)}`);
      }
      if (!result.ok) throw new Error(oneLine(result.message));
      return result.value;
    });
  }
  return () => {
    for (const method of API_METHODS) options.ipcMain.removeHandler(channelOf(method));
  };
}
