import { MAX_CAPTURE_BYTES } from '@contract/limits';
import { type CaptureReadResult, readCapture } from '../../engine/capture/read-capture';
import { readCaptureBytes } from '../../engine/capture/read-capture-bytes';
import { readOutsideFile } from './read-outside-file';

/** Reads a capture from disk; a missing, special, huge or damaged file gives a one-line reason. */
export async function loadCaptureFile(path: string): Promise<CaptureReadResult> {
  const read = await readOutsideFile(path, { maxBytes: MAX_CAPTURE_BYTES });
  if (read.ok) return readCaptureBytes(read.bytes);
  // The size reason of a capture says what the file is not, as readCapture does.
  return read.problem === 'too-large' ? readCapture('', read.size) : { ok: false, reason: read.reason };
}
