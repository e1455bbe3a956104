// One row per device out of many files: a device is its Entra device id; a file that does not
// show the id (a report, a device that never joined) counts as the device of the same name when
// the other files name exactly one id for it, else as a device of its own name. The newest
// capture wins (capturedAt, then the file's modified time, then the path), with the count.

import type { FleetSummaryRow } from './fleet-summary';

export interface FleetFileRow {
  row: FleetSummaryRow;
  mtimeMs: number;
}

export interface FleetDevice {
  key: string;
  row: FleetSummaryRow;
}

function timeOf(capturedAt: string): number {
  const time = Date.parse(capturedAt);
  return Number.isNaN(time) ? Number.NEGATIVE_INFINITY : time;
}

/** True when `a` is newer than `b`. */
function isNewer(a: FleetFileRow, b: FleetFileRow): boolean {
  const ta = timeOf(a.row.capturedAt);
  const tb = timeOf(b.row.capturedAt);
  if (ta !== tb) return ta > tb;
  if (a.mtimeMs !== b.mtimeMs) return a.mtimeMs > b.mtimeMs;
  return (a.row.path ?? '') < (b.row.path ?? '');
}

function nameKey(row: FleetSummaryRow): string | null {
  return row.deviceName === null ? null : row.deviceName.toLowerCase();
}

/** Device ids by device name, for the names that map to exactly one id. */
function idsByName(rows: readonly FleetFileRow[]): Map<string, string> {
  const seen = new Map<string, Set<string>>();
  for (const { row } of rows) {
    const name = nameKey(row);
    if (name === null || row.deviceId === null) continue;
    const ids = seen.get(name) ?? new Set<string>();
    ids.add(row.deviceId.toLowerCase());
    seen.set(name, ids);
  }
  const unique = new Map<string, string>();
  for (const [name, ids] of seen) if (ids.size === 1) unique.set(name, [...ids][0] as string);
  return unique;
}

export function deviceKeyOf(row: FleetSummaryRow, byName: ReadonlyMap<string, string> = new Map()): string {
  if (row.deviceId !== null) return `id:${row.deviceId.toLowerCase()}`;
  const name = nameKey(row);
  if (name !== null) {
    const id = byName.get(name);
    return id === undefined ? `name:${name}` : `id:${id}`;
  }
  return `path:${row.path ?? ''}`;
}

function compareText(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return a.localeCompare(b, 'en');
}

/** One row per device, sorted by device name, user and key; `files` counts the device's files. */
export function groupDevices(rows: readonly FleetFileRow[]): FleetDevice[] {
  const byName = idsByName(rows);
  const groups = new Map<string, { newest: FleetFileRow; count: number }>();
  for (const file of rows) {
    const key = deviceKeyOf(file.row, byName);
    const group = groups.get(key);
    if (!group) groups.set(key, { newest: file, count: 1 });
    else {
      group.count++;
      if (isNewer(file, group.newest)) group.newest = file;
    }
  }
  const devices = [...groups].map(([key, group]) => ({
    key,
    row: { ...group.newest.row, files: group.count },
  }));
  return devices.sort(
    (a, b) =>
      compareText(a.row.deviceName, b.row.deviceName) ||
      compareText(a.row.user, b.row.user) ||
      compareText(a.key, b.key),
  );
}
