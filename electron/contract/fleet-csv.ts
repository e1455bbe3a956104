// The fleet as CSV (RFC 4180, CRLF) for a spreadsheet. Device and user names come from the
// devices: a cell that a spreadsheet would run as a formula (=, +, -, @, a tab or a carriage
// return first, or their full-width forms) is prefixed with an apostrophe, which the
// spreadsheet shows as text.

import type { FleetSummaryRow } from './fleet-summary';

export const CSV_COLUMNS = [
  'deviceId',
  'deviceName',
  'user',
  'osBuild',
  'joinType',
  'trustModel',
  'policyTrustModel',
  'sessionCredential',
  'status',
  'rootCause',
  'capturedAt',
  'toolVersion',
  'source',
  'files',
  'path',
] as const satisfies readonly (keyof FleetSummaryRow)[];

const FORMULA_START = /^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/;
const NEEDS_QUOTES = /[",\r\n]|^\s|\s$/;

/** One cell: formula starts defused, then quoted when it holds a quote, comma, line break or edge space. */
export function csvCell(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  let text = String(value);
  if (FORMULA_START.test(text)) text = `'${text}`;
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function fleetCsv(rows: readonly FleetSummaryRow[]): string {
  const lines = [CSV_COLUMNS.join(',')];
  for (const row of rows) lines.push(CSV_COLUMNS.map((column) => csvCell(row[column])).join(','));
  return `${lines.join('\r\n')}\r\n`;
}
