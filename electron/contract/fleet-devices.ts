// One row per device out of many files: a device is its Entra device id; a file that does not
// show the id (a report, a device that never joined) counts as the device of the same name when
// the other files name exactly one id for it, else as a device of its own name. A redacted file
// is a device of its own: its placeholders are numbered per file, so every redacted device is
// HOST-1 with the id dddddddd-…-000000000001. The newest capture wins (capturedAt, then the
// file's modified time, then the path), with the count.

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

/** The redactor's device id placeholder (engine/redact/placeholder-table.ts): dddddddd, then a count. */
const REDACTED_DEVICE_ID = /^dddddddd-0000-0000-0000-[0-9]{12}$/i;
/** The redactor's host placeholder, alone or as the first label of a DNS name (HOST-1.domain-1.example). */
const REDACTED_HOST = /^host-[0-9]+(\.|$)/i;

/**
 * True when the row names its device by placeholders only: the device id is the redactor's, or
 * there is no id and the name is the redactor's. A real id always wins (a lab machine may be
 * called HOST-1).
 */
export function isRedactedDevice(row: FleetSummaryRow): boolean {
  if (row.deviceId !== null) return REDACTED_DEVICE_ID.test(row.deviceId);
  return row.deviceName !== null && REDACTED_HOST.test(row.deviceName);
}

function nameKey(row: FleetSummaryRow): string | null {
  return row.deviceName === null ? null : row.deviceName.toLowerCase();
}

/** Device ids by device name, for the names that map to exactly one id. */
function idsByName(rows: readonly FleetFileRow[]): Map<string, string> {
  const seen = new Map<string, Set<string>>();
  for (const { row } of rows) {
    const name = nameKey(row);
    if (name === null || row.deviceId === null || isRedactedDevice(row)) continue;
    const ids = seen.get(name) ?? new Set<string>();
    ids.add(row.deviceId.toLowerCase());
    seen.set(name, ids);
  }
  const unique = new Map<string, string>();
  for (const [name, ids] of seen) if (ids.size === 1) unique.set(name, [...ids][0] as string);
  return unique;
}

export function deviceKeyOf(row: FleetSummaryRow, byName: ReadonlyMap<string, string> = new Map()): string {
  if (isRedactedDevice(row)) return `path:${row.path ?? ''}`;
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
