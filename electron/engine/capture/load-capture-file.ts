import { readFile, stat } from 'node:fs/promises';
import { MAX_CAPTURE_BYTES } from './capture-schema';
import { type CaptureReadResult, readCapture } from './read-capture';

/** Reads a capture from disk; a missing, huge or damaged file gives a one-line reason. */
export async function loadCaptureFile(path: string): Promise<CaptureReadResult> {
  try {
    const info = await stat(path);
    if (!info.isFile()) return { ok: false, reason: `${path} is not a file` };
    if (info.size > MAX_CAPTURE_BYTES) return readCapture('', info.size);
    return readCapture(await readFile(path, 'utf8'), info.size);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return { ok: false, reason: `${path}: no such file` };
    if (code === 'EACCES' || code === 'EPERM') return { ok: false, reason: `${path}: permission denied` };
    return { ok: false, reason: `${path}: ${error instanceof Error ? error.message : String(error)}` };
  }
}
