// A saved file's name is built from parts the app controls or has cleaned: the capture's own
// capturedAt comes from whoever wrote the file and may hold anything (slashes, "..", control
// characters, megabytes of text).

const MAX_STAMP_CHARS = 24;
const MAX_PART_CHARS = 60;

/**
 * "2026-11-25T09-00-00-000Z" from an ISO date: only digits, T, Z and dashes, at most 24; the
 * time now when what is left does not begin with a year.
 */
export function fileStamp(capturedAt: string, now: Date = new Date()): string {
  const kept = capturedAt
    .slice(0, 64)
    .replace(/[:.]/g, '-')
    .replace(/[^0-9TZ-]/g, '')
    .replace(/-{2,}/g, '-')
    .slice(0, MAX_STAMP_CHARS)
    .replace(/-$/, '');
  return /^\d{4}/.test(kept) ? kept : now.toISOString().replace(/[:.]/g, '-');
}

/** A name part: lower-case letters, digits and single dashes, or the fallback. */
export function safeNamePart(name: string, fallback: string): string {
  const kept = name
    .slice(0, 256)
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .slice(0, MAX_PART_CHARS)
    .replace(/^-/, '')
    .replace(/-$/, '');
  return kept || fallback;
}

/** "whfb-capture-healthy-hybrid-2026-11-25T09-00-00-000Z.json" (or "-device-" for a device or file). */
export function captureFileName(scenario: string | null, capturedAt: string, now?: Date): string {
  const name = scenario === null ? 'device' : safeNamePart(scenario, 'device');
  return `whfb-capture-${name}-${fileStamp(capturedAt, now)}.json`;
}

/** What a saved document is, as far as its name goes. */
export type DocumentFileKind = 'html' | 'markdown' | 'json' | 'summary' | 'capture';

const DOCUMENT_FILES: Record<Exclude<DocumentFileKind, 'capture'>, { prefix: string; extension: string }> = {
  html: { prefix: 'report', extension: 'html' },
  markdown: { prefix: 'report', extension: 'md' },
  json: { prefix: 'report', extension: 'json' },
  summary: { prefix: 'summary', extension: 'md' },
};

/**
 * "whfb-report-healthy-hybrid-2026-11-25T09-00-00-000Z.html", "whfb-summary-device-….md"; a
 * capture is named as "Save capture" names it.
 */
export function reportFileName(
  kind: DocumentFileKind,
  scenario: string | null,
  capturedAt: string,
  now?: Date,
): string {
  if (kind === 'capture') return captureFileName(scenario, capturedAt, now);
  const { prefix, extension } = DOCUMENT_FILES[kind];
  const name = scenario === null ? 'device' : safeNamePart(scenario, 'device');
  return `whfb-${prefix}-${name}-${fileStamp(capturedAt, now)}.${extension}`;
}
