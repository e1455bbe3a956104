// Captures and reports are replaced whole or not at all: the text goes to a new file next to
// the target, is flushed, and is renamed over it. A full disk, a crash or a file held open by
// another program leaves the previous file as it was, and no half-written file behind.

import { randomBytes } from 'node:crypto';
import { lstat, open, realpath, rename, unlink } from 'node:fs/promises';
import path from 'node:path';
import { fileLabel, oneLine } from '@contract/one-line';
import { describeFileError } from '../../engine/files/describe-file-error';

export type AtomicWrite = { ok: true } | { ok: false; reason: string };

/** Where the text really goes: through a symbolic link to its file, so the link stays a link. */
async function resolveTarget(target: string): Promise<{ file: string; mode?: number } | { refusal: string }> {
  try {
    const info = await lstat(target);
    const file = info.isSymbolicLink() ? await realpath(target) : target;
    const real = file === target ? info : await lstat(file);
    if (!real.isFile()) return { refusal: real.isDirectory() ? 'is a folder' : 'is not a regular file' };
    return { file, mode: real.mode & 0o777 };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { file: target };
    throw error;
  }
}

/** Writes `data` to `target` atomically, or says in one line why nothing changed. */
export async function writeFileAtomic(target: string, data: string | Uint8Array): Promise<AtomicWrite> {
  const label = fileLabel(target);
  let temp: string | undefined;
  try {
    const resolved = await resolveTarget(target);
    if ('refusal' in resolved) return { ok: false, reason: oneLine(`${label} ${resolved.refusal}`) };
    const { file, mode } = resolved;
    const name = path.join(
      path.dirname(file),
      `.${path.basename(file)}.${randomBytes(6).toString('hex')}.tmp`,
    );
    // 'wx': a fresh file of our own, never an existing one (or a link planted under that name).
    const handle = await open(name, 'wx', mode ?? 0o666);
    temp = name;
    try {
      await handle.writeFile(data, typeof data === 'string' ? 'utf8' : undefined);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, file);
    return { ok: true };
  } catch (error) {
    if (temp !== undefined) await unlink(temp).catch(() => undefined);
    // Before the temporary file exists, a missing path means the folder is missing.
    if ((error as NodeJS.ErrnoException).code === 'ENOENT' && temp === undefined)
      return { ok: false, reason: oneLine(`${label}: no such folder`) };
    return { ok: false, reason: describeFileError(label, error) };
  }
}
