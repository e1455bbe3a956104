// Files from outside (a capture from another machine, output an administrator saved) are read
// by one function: a regular file only, its size known before a byte is read, and the bytes
// read from the descriptor that was checked, so a FIFO cannot hang us and /dev/zero cannot
// fill memory, even if the path is swapped between the look and the read.

import { constants, type Stats } from 'node:fs';
import { type FileHandle, open, stat } from 'node:fs/promises';
import { fileLabel, oneLine } from '@contract/one-line';
import { describeFileError } from '../../engine/files/describe-file-error';

// Non-blocking so that opening a FIFO returns at once instead of waiting for a writer; no
// controlling terminal from opening a tty. Neither exists on Windows, where they are 0.
const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0) | (constants.O_NOCTTY ?? 0);

export type OutsideFileRead =
  | { ok: true; bytes: Buffer }
  | { ok: false; problem: 'too-large'; size: number; reason: string }
  | { ok: false; problem: 'unreadable'; reason: string };

export interface OutsideFileOptions {
  /** Files larger than this are refused without being read. */
  maxBytes: number;
  /** How the file is named in a reason (the path by default, cleaned and shortened). */
  label?: string;
}

function kindOf(info: Stats): string | null {
  if (info.isFile()) return null;
  if (info.isDirectory()) return '';
  if (info.isFIFO()) return ' (a named pipe)';
  if (info.isSocket()) return ' (a socket)';
  // What is left of what stat can say: a character or block device.
  return ' (a device)';
}

/** "25.0 MB", "4.0 KB", "65 bytes". */
export function formatSize(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
  if (bytes >= 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${bytes} bytes`;
}

function tooLarge(label: string, size: number, maxBytes: number): OutsideFileRead {
  const reason = oneLine(`${label} is ${formatSize(size)}, over the limit of ${formatSize(maxBytes)}`);
  return { ok: false, problem: 'too-large', size, reason };
}

function refuseSpecial(label: string, info: Stats): OutsideFileRead | null {
  const kind = kindOf(info);
  return kind === null
    ? null
    : { ok: false, problem: 'unreadable', reason: oneLine(`${label} is not a file${kind}`) };
}

/** Reads at most `limit` bytes, however the file changes while it is read. */
async function readAtMost(handle: FileHandle, limit: number, expected: number): Promise<Buffer> {
  // One byte more than announced, to notice a file that grew since fstat.
  let buffer = Buffer.alloc(Math.max(1, Math.min(limit, expected + 1)));
  let length = 0;
  for (;;) {
    if (length === buffer.length) {
      if (length >= limit) break;
      const bigger = Buffer.alloc(Math.min(limit, buffer.length * 2));
      buffer.copy(bigger, 0, 0, length);
      buffer = bigger;
    }
    const { bytesRead } = await handle.read(buffer, length, buffer.length - length, length);
    if (bytesRead === 0) break;
    length += bytesRead;
  }
  return buffer.subarray(0, length);
}

/** The bytes of a regular file no larger than `maxBytes`, or a one-line reason why not. */
export async function readOutsideFile(file: string, options: OutsideFileOptions): Promise<OutsideFileRead> {
  const label = fileLabel(options.label ?? file);
  const { maxBytes } = options;
  let handle: FileHandle | undefined;
  try {
    // A first look by path, so a pipe or device is not even opened in the usual case...
    const seen = await stat(file);
    const special = refuseSpecial(label, seen);
    if (special) return special;
    if (seen.size > maxBytes) return tooLarge(label, seen.size, maxBytes);
    handle = await open(file, OPEN_FLAGS);
    // ...and the deciding look at what was actually opened.
    const info = await handle.stat();
    const swapped = refuseSpecial(label, info);
    if (swapped) return swapped;
    if (info.size > maxBytes) return tooLarge(label, info.size, maxBytes);
    const bytes = await readAtMost(handle, maxBytes + 1, info.size);
    if (bytes.length > maxBytes) return tooLarge(label, bytes.length, maxBytes);
    return { ok: true, bytes };
  } catch (error) {
    return { ok: false, problem: 'unreadable', reason: describeFileError(label, error) };
  } finally {
    await handle?.close().catch(() => undefined);
  }
}
