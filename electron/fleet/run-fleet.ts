// A fleet run: walk the paths, take every unchanged file from the cache, read the rest in the
// worker pool, keep one row per device. Files that cannot be read are listed with their reason;
// none of them stops the run.

import path from 'node:path';
import { type FleetFileRow, groupDevices } from '@contract/fleet-devices';
import { type FleetSummaryRow, SUMMARY_FORMAT, SUMMARY_VERSION } from '@contract/fleet-summary';
import { REPORT_VERSION } from '@contract/report-types';
import { TOOL_VERSION } from '../engine/capture/write-capture';
import type { CacheEntry, CacheRecord, FleetCache } from './fleet-cache';
import type { FleetPool } from './fleet-pool';
import type { FleetError, FleetResult } from './fleet-result';
import type { FleetFileResult } from './read-fleet-file';
import { type FleetFileEntry, walkFleetPaths } from './walk-fleet-paths';

/** Part of every cache key: a new tool, report or summary version reads every file again. */
export const FLEET_ENGINE = `${TOOL_VERSION}/report-${REPORT_VERSION}/summary-${SUMMARY_VERSION}`;
/** Results written to the cache per transaction: an interrupted run keeps what it read. */
const CACHE_FLUSH_EVERY = 500;

export interface FleetRunOptions {
  paths: readonly string[];
  cache: FleetCache;
  /** The pool for this many files to read (started only once the count is known); closed after. */
  pool: (filesToRead: number) => Promise<FleetPool>;
  /** The cache key's engine part (tests change it). */
  engine?: string;
  onProgress?: (done: number, total: number) => void;
}

function cachedRow(entry: CacheEntry): FleetSummaryRow | null {
  if (entry.row === null) return null;
  try {
    const row = JSON.parse(entry.row) as FleetSummaryRow;
    return row.format === SUMMARY_FORMAT && row.version === SUMMARY_VERSION ? row : null;
  } catch {
    return null;
  }
}

function isFresh(entry: CacheEntry | undefined, file: FleetFileEntry, engine: string): entry is CacheEntry {
  return (
    entry !== undefined &&
    entry.size === file.size &&
    entry.mtimeMs === file.mtimeMs &&
    entry.engine === engine
  );
}

/** Cached files in the folders walked that are no longer there. */
function vanished(
  entries: ReadonlyMap<string, CacheEntry>,
  folders: readonly string[],
  seen: ReadonlySet<string>,
) {
  const prefixes = folders.map((folder) => (folder.endsWith(path.sep) ? folder : folder + path.sep));
  return [...entries.keys()].filter(
    (file) => !seen.has(file) && prefixes.some((prefix) => file.startsWith(prefix)),
  );
}

export async function runFleet(options: FleetRunOptions): Promise<FleetResult> {
  const engine = options.engine ?? FLEET_ENGINE;
  const walk = await walkFleetPaths(options.paths);
  const entries = options.cache.entries();
  const rows: FleetFileRow[] = [];
  const errors: FleetError[] = walk.problems.map((problem) => ({ ...problem }));
  const toRead: FleetFileEntry[] = [];
  let cached = 0;

  for (const file of walk.files) {
    const entry = entries.get(file.path);
    if (isFresh(entry, file, engine)) {
      const row = cachedRow(entry);
      if (row !== null) {
        rows.push({ row, mtimeMs: file.mtimeMs });
        cached++;
        continue;
      }
      if (entry.error !== null) {
        errors.push({ path: file.path, reason: entry.error });
        cached++;
        continue;
      }
    }
    toRead.push(file);
  }

  const byPath = new Map(toRead.map((file) => [file.path, file]));
  let pending: CacheRecord[] = [];
  let done = 0;
  const flush = () => {
    options.cache.put(pending);
    pending = [];
  };
  const onResult = (file: string, result: FleetFileResult) => {
    const entry = byPath.get(file) as FleetFileEntry;
    const key = { path: file, size: entry.size, mtimeMs: entry.mtimeMs, engine };
    if (result.ok) {
      rows.push({ row: result.row, mtimeMs: entry.mtimeMs });
      pending.push({ ...key, row: JSON.stringify(result.row), error: null });
    } else {
      errors.push({ path: file, reason: result.reason });
      // A file that was busy or locked is tried again next time; a damaged one is remembered.
      if (result.lasting) pending.push({ ...key, row: null, error: result.reason });
    }
    if (pending.length >= CACHE_FLUSH_EVERY) flush();
    options.onProgress?.(++done, toRead.length);
  };
  if (toRead.length > 0) {
    const pool = await options.pool(toRead.length);
    try {
      await pool.run(
        toRead.map((file) => file.path),
        onResult,
      );
    } finally {
      await pool.close();
    }
  }
  flush();
  options.cache.forget(vanished(entries, walk.folders, new Set(walk.files.map((file) => file.path))));

  const devices = groupDevices(rows);
  options.cache.saveDevices(devices.map((device) => ({ key: device.key, row: JSON.stringify(device.row) })));
  errors.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return {
    engine,
    devices: devices.map((device) => device.row),
    errors,
    counts: {
      files: walk.files.length,
      read: toRead.length,
      cached,
      unreadable: errors.length,
      devices: devices.length,
    },
  };
}
