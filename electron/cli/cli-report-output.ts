// How `check` hands its report on: the format (text, JSON, Markdown, HTML) and whether names
// and ids are redacted. Exports (files) are redacted by default; the terminal is not.

import type { Report } from '@contract/report-types';
import type { Capture } from '@contract/types';
import { learnFromCapture, redactCapture } from '../engine/redact/redact-capture';
import { redactReport } from '../engine/redact/redact-report';
import { createRedactor, type Redactor } from '../engine/redact/redactor';
import { renderHtml } from '../engine/report/render-html';
import { renderJson } from '../engine/report/render-json';
import { renderMarkdown } from '../engine/report/render-markdown';
import { renderText } from '../engine/report/render-text';

export const REPORT_FORMATS = ['text', 'json', 'markdown', 'html'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

const BY_EXTENSION: ReadonlyArray<[RegExp, ReportFormat]> = [
  [/\.json$/i, 'json'],
  [/\.(md|markdown)$/i, 'markdown'],
  [/\.html?$/i, 'html'],
];

/**
 * The format asked for: `--format`, else `--json`, else the extension of `--out`, else text.
 * Returns a reason when `--format` names no known format.
 */
export function chooseFormat(options: {
  format?: string;
  json?: boolean;
  out?: string;
}): { ok: true; format: ReportFormat } | { ok: false; reason: string } {
  if (options.format !== undefined) {
    const format = REPORT_FORMATS.find((f) => f === options.format?.toLowerCase());
    return format
      ? { ok: true, format }
      : {
          ok: false,
          reason: `--format: expected one of ${REPORT_FORMATS.join(', ')}, got "${options.format}"`,
        };
  }
  if (options.json) return { ok: true, format: 'json' };
  const byName = options.out
    ? BY_EXTENSION.find(([pattern]) => pattern.test(options.out ?? ''))?.[1]
    : undefined;
  return { ok: true, format: byName ?? 'text' };
}

/** `--redact` / `--no-redact`; without either, a file is redacted and the terminal is not. */
export function shouldRedact(options: { redact?: boolean; 'no-redact'?: boolean; out?: string }): boolean {
  if (options.redact) return true;
  if (options['no-redact']) return false;
  return options.out !== undefined;
}

export interface RenderedReport {
  text: string;
  /** "redacted: 1 user, 3 hosts …" when names were replaced. */
  redactionNote?: string;
}

/** The report in the chosen format; redacted with what the capture teaches, so both agree. */
export function renderReport(
  report: Report,
  capture: Capture,
  format: ReportFormat,
  options: { redact: boolean; colour: boolean },
): RenderedReport {
  let shown = report;
  let redactor: Redactor | undefined;
  if (options.redact) {
    redactor = createRedactor();
    learnFromCapture(capture, redactor);
    shown = redactReport(report, redactor);
  }
  const text =
    format === 'json'
      ? renderJson(shown)
      : format === 'markdown'
        ? renderMarkdown(shown)
        : format === 'html'
          ? renderHtml(shown)
          : renderText(shown, { colour: options.colour && !options.redact });
  return redactor ? { text, redactionNote: countsNote(redactor) } : { text };
}

/** A capture with names and ids replaced (`capture --redact`), and what was replaced. */
export function redactedCapture(capture: Capture): { capture: Capture; note: string } {
  const redactor = createRedactor();
  const redacted = redactCapture(capture, redactor);
  return { capture: redacted, note: countsNote(redactor) };
}

function countsNote(redactor: Redactor): string {
  const counts = Object.entries(redactor.counts())
    .filter(([, n]) => (n ?? 0) > 0)
    .map(([kind, n]) => `${n} ${kind}${n === 1 ? '' : 's'}`);
  return counts.length > 0 ? `redacted: ${counts.join(', ')}` : 'redacted: nothing identifying found';
}
