// The app's fleet view sends files' text (the renderer read them): each one is summarised by the
// same reader as the `fleet` command, as its UTF-8 bytes, so both give the same row or reason.

import type { FleetFileSummary } from '@contract/api-contract';
import { MAX_REASON_CHARS, oneLine } from '@contract/one-line';
import { summarizeFleetBytes } from './read-fleet-file';

/** One file's text to its summary row, or a short one-line reason; never throws. */
export function summarizeFleetText(fileName: string, text: string): FleetFileSummary {
  const result = summarizeFleetBytes(new TextEncoder().encode(text), fileName);
  return result.ok
    ? { ok: true, fileName, row: result.row }
    : { ok: false, fileName, reason: oneLine(result.reason, MAX_REASON_CHARS) };
}
