// File ▸ Open capture…: a native file dialog (the renderer cannot open one from a menu click),
// then main reads the file and opens it in the session; only the report goes to the renderer.

import path from 'node:path';
import { decodeTextFile } from '@contract/decode-text-file';
import { MAX_CAPTURE_BYTES } from '@contract/limits';
import { fileLabel } from '@contract/one-line';
import { type BrowserWindow, dialog, type OpenDialogOptions } from 'electron';
import { readOutsideFile } from '../host/files/read-outside-file';

export type CaptureFileText = { ok: true; fileName: string; text: string } | { ok: false; reason: string };

/**
 * Reads the picked file under the rules for every file from outside (a regular file, no larger
 * than a capture can be, checked before reading) and decodes it, UTF-8 or UTF-16.
 */
export async function readCaptureFile(file: string): Promise<CaptureFileText> {
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
  return { ok: true, fileName, text: decoded.text };
}

/** Shows the dialog; hands the file's text on to be opened, or explains in a message box why not. */
export async function openCaptureFromMenu(
  window: BrowserWindow | null,
  open: (fileName: string, text: string) => Promise<void>,
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
  const read = await readCaptureFile(file);
  if (read.ok) {
    await open(read.fileName, read.text);
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
