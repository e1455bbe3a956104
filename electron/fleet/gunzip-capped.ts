// Gzipped captures and reports from a share: the size limit is on what the file expands to, not
// only on the file, so a small "zip bomb" is refused after the limit is reached, never inflated
// whole in memory.

import { gunzipSync } from 'node:zlib';
import { formatSize } from '../host/files/read-outside-file';

export type GunzipResult = { ok: true; bytes: Buffer } | { ok: false; reason: string };

/** The gzip magic number (RFC 1952): decided by the bytes, whatever the file is called. */
export function isGzip(bytes: Uint8Array): boolean {
  return bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b;
}

// zlib's codes for a damaged stream, in words.
const WORDS: Record<string, string> = {
  Z_BUF_ERROR: 'it ends too early',
  Z_DATA_ERROR: 'the compressed data is damaged',
};

/** The expanded bytes, at most `maxBytes`, or one short reason. */
export function gunzipCapped(bytes: Uint8Array, maxBytes: number): GunzipResult {
  try {
    return { ok: true, bytes: gunzipSync(bytes, { maxOutputLength: maxBytes }) };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException | null)?.code ?? '';
    if (code === 'ERR_BUFFER_TOO_LARGE') {
      return { ok: false, reason: `expands to more than ${formatSize(maxBytes)}, the limit` };
    }
    return { ok: false, reason: `not a readable gzip file (${WORDS[code] ?? (code || 'unknown error')})` };
  }
}
