// File ▸ Open capture…: a native file dialog (the renderer cannot open one from a menu click),
// then the file's text goes to the renderer, which opens it through the validated API.

import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { type BrowserWindow, dialog, type OpenDialogOptions } from 'electron';
import { MAX_CAPTURE_BYTES } from '../engine/capture/capture-schema';
import type { OpenCaptureCommand } from '../menu-channel';

export type ReadCaptureForRenderer =
  | { ok: true; command: OpenCaptureCommand }
  | { ok: false; reason: string };

/** Reads the picked file, refusing anything larger than a capture can be. */
export async function readCaptureForRenderer(file: string): Promise<ReadCaptureForRenderer> {
  const fileName = path.basename(file);
  try {
    const info = await stat(file);
    if (!info.isFile()) return { ok: false, reason: `${fileName} is not a file` };
    if (info.size > MAX_CAPTURE_BYTES) {
      return {
        ok: false,
        reason: `${fileName} is larger than any capture (limit ${MAX_CAPTURE_BYTES / 1024 / 1024} MB)`,
      };
    }
    return { ok: true, command: { command: 'open-capture', fileName, text: await readFile(file, 'utf8') } };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return { ok: false, reason: `${fileName}: no such file` };
    if (code === 'EACCES' || code === 'EPERM') return { ok: false, reason: `${fileName}: permission denied` };
    return { ok: false, reason: `${fileName}: ${error instanceof Error ? error.message : String(error)}` };
  }
}

/** Shows the dialog; sends the file to the renderer, or explains in a message box why not. */
export async function openCaptureFromMenu(
  window: BrowserWindow | null,
  send: (command: OpenCaptureCommand) => void,
): Promise<void> {
  const options: OpenDialogOptions = {
    title: 'Open capture',
    properties: ['openFile'],
    filters: [
      { name: 'WHfB Doctor capture', extensions: ['json'] },
      { name: 'All files', extensions: ['*'] },
    ],
  };
  const picked = window ? await dialog.showOpenDialog(window, options) : await dialog.showOpenDialog(options);
  const file = picked.filePaths[0];
  if (picked.canceled || file === undefined) return;
  const read = await readCaptureForRenderer(file);
  if (read.ok) {
    send(read.command);
    return;
  }
  const box = {
    type: 'error' as const,
    title: 'Open capture',
    message: 'The capture could not be opened.',
    detail: read.reason,
  };
  if (window) await dialog.showMessageBox(window, box);
  else await dialog.showMessageBox(box);
}
