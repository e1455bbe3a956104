// What the fleet view shows of its devices: the first failing check in words, the order of a
// sorted column, the filters, and the counts behind the bar chart. Pure, so the view stays thin.
import type { FleetSummaryRow } from '@contract/fleet-summary';

export const FLEET_COLUMNS = [
  'deviceName',
  'user',
  'osBuild',
  'joinType',
  'trustModel',
  'rootCause',
  'capturedAt',
  'files',
] as const;
export type FleetColumn = (typeof FLEET_COLUMNS)[number];

export interface FleetSort {
  column: FleetColumn;
  direction: 'ascending' | 'descending';
}

export const COLUMN_TITLES: Record<FleetColumn, string> = {
  deviceName: 'Device',
  user: 'User',
  osBuild: 'Build',
  joinType: 'Join type',
  trustModel: 'Trust model used',
  rootCause: 'First failing check',
  capturedAt: 'Captured at',
  files: 'Files',
};

/** The same words as the `fleet` command's table: a failure without a check is "unknown". */
export function firstFailing(row: FleetSummaryRow): string {
  return row.rootCause ?? (row.status === 'fail' ? 'unknown' : 'none');
}

function cellText(row: FleetSummaryRow, column: FleetColumn): string | null {
  if (column === 'rootCause') return firstFailing(row);
  if (column === 'files') return String(row.files);
  return row[column];
}

export function cellValue(row: FleetSummaryRow, column: FleetColumn): string {
  return cellText(row, column) ?? '—';
}

// Numeric-aware, so build 22631.4460 sorts after 19045.1 and 10 files after 9.
const collator = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });

/** Sorted by one column; empty cells last either way, then by device name. */
export function sortRows(rows: readonly FleetSummaryRow[], sort: FleetSort): FleetSummaryRow[] {
  const sign = sort.direction === 'ascending' ? 1 : -1;
  return [...rows].sort((a, b) => {
    const x = cellText(a, sort.column);
    const y = cellText(b, sort.column);
    if (x !== y) {
      if (x === null) return 1;
      if (y === null) return -1;
      const order = collator.compare(x, y);
      if (order !== 0) return sign * order;
    }
    return collator.compare(a.deviceName ?? '', b.deviceName ?? '');
  });
}

export interface FleetFilter {
  text: string;
  /** '' for any. */
  trustModel: string;
  rootCause: string;
}

export function filterRows(rows: readonly FleetSummaryRow[], filter: FleetFilter): FleetSummaryRow[] {
  const needle = filter.text.trim().toLowerCase();
  return rows.filter(
    (row) =>
      (filter.trustModel === '' || row.trustModel === filter.trustModel) &&
      (filter.rootCause === '' || firstFailing(row) === filter.rootCause) &&
      (needle === '' ||
        [row.deviceName, row.user, row.deviceId, row.osBuild, row.path].some((text) =>
          text?.toLowerCase().includes(needle),
        )),
  );
}

/** How many rows have each value, most first. */
export function tally(
  rows: readonly FleetSummaryRow[],
  key: (row: FleetSummaryRow) => string,
): [string, number][] {
  const counts = new Map<string, number>();
  for (const row of rows) counts.set(key(row), (counts.get(key(row)) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
}

/** Rows of a virtualised table: the ones in view, and a few either side so scrolling shows no gap. */
export interface RowWindow {
  /** First row rendered (0-based). */
  start: number;
  /** One past the last row rendered. */
  end: number;
}

/**
 * Which rows to render: `offset` is how far the viewport's top is below the first row (negative
 * while the rows start lower down), `height` how tall the viewport is, rows all `rowHeight` tall.
 */
export function rowWindow(
  count: number,
  offset: number,
  height: number,
  rowHeight: number,
  overscan: number,
): RowWindow {
  if (count === 0 || rowHeight <= 0) return { start: 0, end: 0 };
  const first = Math.floor(Math.max(0, offset) / rowHeight);
  const last = Math.ceil(Math.max(0, offset + height) / rowHeight);
  const start = Math.min(count, Math.max(0, first - overscan));
  const end = Math.min(count, Math.max(start, last + overscan));
  return { start, end };
}
