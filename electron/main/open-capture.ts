// File ▸ Open capture…: a native file dialog (the renderer cannot open one from a menu click),
// then the file's text goes to the renderer, which opens it through the validated API.

import path from 'node:path';
import { type BrowserWindow, dialog, type OpenDialogOptions } from 'electron';
import { MAX_CAPTURE_BYTES } from '../engine/capture/capture-schema';
import { decodeTextFile } from '../engine/files/decode-text-file';
import { fileLabel } from '../engine/files/one-line';
import { readOutsideFile } from '../engine/files/read-outside-file';
import type { OpenCaptureCommand } from '../menu-channel';

export type ReadCaptureForRenderer =
  | { ok: true; command: OpenCaptureCommand }
  | { ok: false; reason: string };

/**
 * Reads the picked file under the rules for every file from outside (a regular file, no larger
 * than a capture can be, checked before reading) and decodes it, UTF-8 or UTF-16.
 */
export async function readCaptureForRenderer(file: string): Promise<ReadCaptureForRenderer> {
  const fileName = fileLabel(path.basename(file));
  const read = await readOutsideFile(file, { maxBytes: MAX_CAPTURE_BYTES, label: path.basename(file) });
  if (!read.ok) {
    if (read.problem === 'unreadable') return { ok: false, reason: read.reason };
    return {
      ok: false,
      reason: `${fileName} is larger than any capture (limit ${MAX_CAPTURE_BYTES / 1024 / 1024} MB)`,
    };
  }
  const decoded = decodeTextFile(read.bytes);
  if (!decoded.valid)
    return { ok: false, reason: `${fileName}: the text is not valid ${decoded.encoding.toUpperCase()}` };
  return { ok: true, command: { command: 'open-capture', fileName, text: decoded.text } };
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
