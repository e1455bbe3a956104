// The fleet as NDJSON: one summary row per line, each under 2,048 characters, as Log Analytics'
// data collection rules and Azure Data Explorer ingest it (see docs/fleet.md).

import { type FleetSummaryRow, summaryLine } from '@contract/fleet-summary';

export function fleetNdjson(rows: readonly FleetSummaryRow[]): string {
  return rows.map((row) => `${summaryLine(row)}\n`).join('');
}
