import { CAPTURE_FORMAT, CAPTURE_VERSION, captureSchema, toCapture } from '@contract/capture-schema';
import { MAX_CAPTURE_BYTES } from '@contract/limits';
import { MAX_REASON_CHARS, oneLine } from '@contract/one-line';
import type { Capture } from '@contract/types';
import { scanCaptureJson } from './scan-capture-json';

export type CaptureReadResult = { ok: true; capture: Capture } | { ok: false; reason: string };

const PREVIEW_CHARS = 40;
const PATH_KEY_CHARS = 40;

/** UTF-8 size of text, without encoding it (the limit is in bytes; text arrives as characters). */
export function utf8Length(text: string): number {
  let bytes = 0;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff) {
      // A surrogate pair is one 4-byte character; a lone surrogate becomes U+FFFD (3 bytes).
      const next = text.charCodeAt(index + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        bytes += 4;
        index++;
      } else bytes += 3;
    } else bytes += 3;
  }
  return bytes;
}

function sizeOf(text: string): number {
  // Each character is at least one byte and at most three: count only when it can matter.
  return text.length > MAX_CAPTURE_BYTES || text.length * 3 <= MAX_CAPTURE_BYTES
    ? text.length
    : utf8Length(text);
}

/** A value from the file, for a message: short, one line, never the whole of a huge or deep value. */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'missing';
  if (typeof value === 'string') {
    const shown = JSON.stringify(oneLine(value, PREVIEW_CHARS));
    return value.length > PREVIEW_CHARS
      ? `${shown} (${value.length.toLocaleString('en-US')} characters)`
      : shown;
  }
  if (Array.isArray(value)) return '[…]';
  if (value === null || typeof value !== 'object') return oneLine(String(value), PREVIEW_CHARS);
  return '{…}';
}

/** Reads capture JSON text. Every way it can be wrong gives a one-line reason, never an exception. */
export function readCapture(text: string, byteLength = sizeOf(text)): CaptureReadResult {
  if (byteLength > MAX_CAPTURE_BYTES) {
    const mb = (byteLength / 1024 / 1024).toFixed(1);
    return {
      ok: false,
      reason: `file is ${mb} MB, larger than any capture (limit ${MAX_CAPTURE_BYTES / 1024 / 1024} MB)`,
    };
  }
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const scan = scanCaptureJson(body);
  if (!scan.ok) return scan;
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch (error) {
    return { ok: false, reason: oneLine(`not a capture file: not valid JSON (${String(error)})`) };
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    return { ok: false, reason: 'not a capture file: the JSON is not an object' };
  }
  const { format, version } = json as Record<string, unknown>;
  if (format !== CAPTURE_FORMAT) {
    return {
      ok: false,
      reason: oneLine(`not a capture file: format is ${describeValue(format)}, expected "${CAPTURE_FORMAT}"`),
    };
  }
  if (version !== CAPTURE_VERSION) {
    return {
      ok: false,
      reason: oneLine(
        `capture version ${describeValue(version)} is not supported (this version reads ${CAPTURE_VERSION})`,
      ),
    };
  }
  const parsed = captureSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.map((key) => oneLine(String(key), PATH_KEY_CHARS)).join('.') || 'capture';
    return {
      ok: false,
      reason: oneLine(`capture is damaged: ${where}: ${issue?.message ?? 'invalid'}`, MAX_REASON_CHARS),
    };
  }
  return { ok: true, capture: toCapture(parsed.data) };
}
