import type { Capture } from '../types';
import {
  CAPTURE_FORMAT,
  CAPTURE_VERSION,
  captureSchema,
  MAX_CAPTURE_BYTES,
  toCapture,
} from './capture-schema';

export type CaptureReadResult = { ok: true; capture: Capture } | { ok: false; reason: string };

/** Reads capture JSON text. Every way it can be wrong gives a one-line reason, never an exception. */
export function readCapture(text: string, byteLength = text.length): CaptureReadResult {
  if (byteLength > MAX_CAPTURE_BYTES) {
    const mb = (byteLength / 1024 / 1024).toFixed(1);
    return {
      ok: false,
      reason: `file is ${mb} MB, larger than any capture (limit ${MAX_CAPTURE_BYTES / 1024 / 1024} MB)`,
    };
  }
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    return { ok: false, reason: `not a capture file: not valid JSON (${firstLine(error)})` };
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    return { ok: false, reason: 'not a capture file: the JSON is not an object' };
  }
  const { format, version } = json as Record<string, unknown>;
  if (format !== CAPTURE_FORMAT) {
    return {
      ok: false,
      reason: `not a capture file: format is ${JSON.stringify(format) ?? 'missing'}, expected "${CAPTURE_FORMAT}"`,
    };
  }
  if (version !== CAPTURE_VERSION) {
    return {
      ok: false,
      reason: `capture version ${JSON.stringify(version)} is not supported (this version reads ${CAPTURE_VERSION})`,
    };
  }
  const parsed = captureSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.join('.') || 'capture';
    return { ok: false, reason: `capture is damaged: ${where}: ${issue?.message ?? 'invalid'}` };
  }
  return { ok: true, capture: toCapture(parsed.data) };
}

function firstLine(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split('\n')[0] ?? '';
}
