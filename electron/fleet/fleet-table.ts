// The fleet for a person at a terminal: one line per device, then how many devices used each
// trust model and how many stop at each root cause. Values are already one clean line each.

import type { FleetSummaryRow } from '@contract/fleet-summary';

const COLUMNS: readonly [string, (row: FleetSummaryRow) => string, number][] = [
  ['DEVICE', (row) => row.deviceName ?? row.deviceId ?? '-', 40],
  ['USER', (row) => row.user ?? '-', 28],
  ['BUILD', (row) => row.osBuild ?? '-', 12],
  ['JOIN', (row) => row.joinType ?? '-', 6],
  ['TRUST MODEL USED', (row) => row.trustModel, 20],
  ['POLICY ASKS FOR', (row) => row.policyTrustModel, 20],
  ['STATUS', (row) => row.status, 13],
  ['ROOT CAUSE', (row) => row.rootCause ?? '-', 24],
  ['FILES', (row) => String(row.files), 5],
];

function fitCell(text: string, width: number): string {
  return text.length > width ? `${text.slice(0, width - 1)}…` : text.padEnd(width);
}

function tally(rows: readonly FleetSummaryRow[], key: (row: FleetSummaryRow) => string): string {
  const counts = new Map<string, number>();
  for (const row of rows) counts.set(key(row), (counts.get(key(row)) ?? 0) + 1);
  return [...counts]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .map(([name, count]) => `${name} ${count}`)
    .join(', ');
}

export function fleetTable(rows: readonly FleetSummaryRow[]): string {
  const widths = COLUMNS.map(([title, cell, max]) =>
    Math.min(max, Math.max(title.length, ...rows.map((row) => cell(row).length))),
  );
  const line = (cells: string[]) =>
    cells
      .map((cell, index) => fitCell(cell, widths[index] ?? cell.length))
      .join('  ')
      .trimEnd();
  const lines = [line(COLUMNS.map(([title]) => title))];
  for (const row of rows) lines.push(line(COLUMNS.map(([, cell]) => cell(row))));
  lines.push('');
  lines.push(`${rows.length} device${rows.length === 1 ? '' : 's'}`);
  if (rows.length > 0) {
    lines.push(`Trust model used: ${tally(rows, (row) => row.trustModel)}`);
    lines.push(
      `Root cause: ${tally(rows, (row) => row.rootCause ?? (row.status === 'fail' ? 'unknown' : 'none'))}`,
    );
  }
  return `${lines.join('\n')}\n`;
}
