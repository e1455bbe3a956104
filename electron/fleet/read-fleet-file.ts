// One file of a fleet folder to one summary row: read through the shared outside-file reader,
// expanded when gzipped (the limit applies to what it expands to), decoded, then read as a
// report (which carries its verdict) or as a capture (which is diagnosed). Every way a file can
// be wrong gives a short reason; nothing here throws.

import { decodeTextFile } from '@contract/decode-text-file';
import type { FleetSummaryRow } from '@contract/fleet-summary';
import { MAX_CAPTURE_BYTES } from '@contract/limits';
import { oneLine } from '@contract/one-line';
import { readCapture } from '../engine/capture/read-capture';
import { readOutsideFile } from '../host/files/read-outside-file';
import { gunzipCapped, isGzip } from './gunzip-capped';
import { readReportSummary } from './read-report';
import { summarizeCapture } from './summarize-capture';

/** No file is read past this, nor expanded past it: the limit of any capture. */
export const MAX_FLEET_FILE_BYTES = MAX_CAPTURE_BYTES;

export type FleetFileResult =
  | { ok: true; row: FleetSummaryRow }
  /** lasting: the same bytes would fail the same way (worth caching); false for I/O trouble. */
  | { ok: false; reason: string; lasting: boolean };

// Reports as the tool writes them name their format first; anything else is tried as a capture.
const REPORT_HEAD = /^\s*\{\s*"format"\s*:\s*"whfb-doctor\/report"/;
const HEAD_CHARS = 256;

function refuse(reason: string): FleetFileResult {
  return { ok: false, reason, lasting: true };
}

/** Summarizes a file's bytes (already read); `file` names it in the row. */
export function summarizeFleetBytes(
  raw: Uint8Array,
  file: string,
  maxBytes = MAX_FLEET_FILE_BYTES,
): FleetFileResult {
  let bytes = raw;
  if (isGzip(raw)) {
    const expanded = gunzipCapped(raw, maxBytes);
    if (!expanded.ok) return refuse(expanded.reason);
    bytes = expanded.bytes;
  }
  const decoded = decodeTextFile(bytes);
  if (!decoded.valid) {
    return refuse(`not a capture or report: the text is not valid ${decoded.encoding.toUpperCase()}`);
  }
  const { text } = decoded;
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (REPORT_HEAD.test(body.slice(0, HEAD_CHARS))) return fromReport(body, file);
  const capture = readCapture(text, bytes.length);
  if (capture.ok) {
    try {
      return {
        ok: true,
        row: summarizeCapture(capture.capture, { kind: 'capture', file }, 'capture', file).row,
      };
    } catch (error) {
      // The engine never throws by design; if it ever does, this file is listed, the run goes on.
      return refuse(oneLine(`the checks failed on this capture: ${String(error)}`));
    }
  }
  // A report whose format field is not the first one.
  if (body.includes('"whfb-doctor/report"')) {
    const report = readReportSummary(body, file);
    if (report.ok) return report;
  }
  return refuse(capture.reason);
}

function fromReport(text: string, file: string): FleetFileResult {
  const report = readReportSummary(text, file);
  return report.ok ? report : refuse(report.reason);
}

/** Reads and summarizes one file of a fleet folder. */
export async function summarizeFleetFile(
  file: string,
  maxBytes = MAX_FLEET_FILE_BYTES,
): Promise<FleetFileResult> {
  // Listed beside its path, so the reason names it "it": "it is not a file (a named pipe)".
  const read = await readOutsideFile(file, { maxBytes, label: 'it' });
  if (!read.ok) {
    return { ok: false, reason: read.reason.replace(/^it: /, ''), lasting: read.problem === 'too-large' };
  }
  return summarizeFleetBytes(read.bytes, file, maxBytes);
}
