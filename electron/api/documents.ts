// "Export…" and "Save capture": the open session's report or capture as a file's text, redacted
// when asked, with one redactor that has learnt the whole capture first so the report and the
// capture get the same placeholders.

import type { ExportKind, ExportRequest, ExportResult } from '@contract/api-contract';
import type { Report } from '@contract/report-types';
import type { Capture } from '@contract/types';
import { serializeCapture } from '../engine/capture/write-capture';
import { captureFileName, reportFileName } from '../engine/files/safe-file-name';
import { learnFromCapture, redactCapture } from '../engine/redact/redact-capture';
import { redactReport } from '../engine/redact/redact-report';
import { createRedactor } from '../engine/redact/redactor';
import { renderHtml } from '../engine/report/render-html';
import { renderJson } from '../engine/report/render-json';
import { renderMarkdown } from '../engine/report/render-markdown';
import { renderMarkdownSummary } from '../engine/report/render-markdown-summary';
import { reportOf, type Session } from './session-store';

const scenarioOf = (session: Session) => (session.source.kind === 'scenario' ? session.source.name : null);

/** The capture as it is, for "Save capture". */
export function exportCapture(session: Session | null): ExportResult {
  if (!session) return { ok: false, reason: 'nothing to save yet' };
  return {
    ok: true,
    // capturedAt comes from the file that was opened: only its cleaned digits reach the name.
    fileName: captureFileName(scenarioOf(session), session.capture.capturedAt),
    text: serializeCapture(session.capture),
  };
}

export function exportDocument(session: Session | null, request: ExportRequest): ExportResult {
  if (!session) return { ok: false, reason: 'nothing to export yet' };
  const report = reportOf(session);
  let shown = { report, capture: session.capture };
  if (request.redact) {
    const redactor = createRedactor();
    learnFromCapture(session.capture, redactor);
    shown =
      request.kind === 'capture'
        ? { report, capture: redactCapture(session.capture, redactor) }
        : { report: redactReport(report, redactor), capture: session.capture };
  }
  return {
    ok: true,
    fileName: reportFileName(request.kind, scenarioOf(session), session.capture.capturedAt),
    text: documentText(request.kind, shown.report, shown.capture),
  };
}

/** The text of an exported document, from a report and capture already redacted when asked. */
function documentText(kind: ExportKind, report: Report, capture: Capture): string {
  switch (kind) {
    case 'html':
      return renderHtml(report);
    case 'markdown':
      return renderMarkdown(report);
    case 'json':
      return renderJson(report);
    case 'summary':
      return renderMarkdownSummary(report);
    case 'capture':
      return serializeCapture(capture);
  }
}
