import { decodeTextFile } from '@contract/decode-text-file';
import { type CaptureReadResult, readCapture } from './read-capture';

/**
 * A capture file's bytes: UTF-8, or UTF-16 when a Windows tool re-saved it (decoded first, by
 * its byte order mark or its shape), then read as capture JSON.
 */
export function readCaptureBytes(bytes: Uint8Array): CaptureReadResult {
  const decoded = decodeTextFile(bytes);
  if (!decoded.valid) {
    return {
      ok: false,
      reason: `not a capture file: the text is not valid ${decoded.encoding.toUpperCase()}`,
    };
  }
  return readCapture(decoded.text, bytes.length);
}
