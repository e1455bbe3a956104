// The fleet's incremental cache in SQLite: one entry per file, keyed by path, size, modified time
// and engine version, so a second run re-reads only files that changed; and the last run's one
// row per device. It is a cache: a version mismatch rebuilds it, and a database that is not one
// of ours is refused rather than touched.

import type { DatabaseSync } from 'node:sqlite';
import { fileLabel, oneLine } from '@contract/one-line';
import { describeFileError } from '../engine/files/describe-file-error';
import { loadSqlite } from './load-sqlite';

const CACHE_SCHEMA = 'whfb-doctor/fleet-cache/1';
/** Wait this long for another run holding the database before giving up. */
const BUSY_TIMEOUT_MS = 5000;

export interface CacheEntry {
  size: number;
  mtimeMs: number;
  engine: string;
  /** The summary row as JSON, or null when the file could not be read. */
  row: string | null;
  error: string | null;
}

export interface CacheRecord extends CacheEntry {
  path: string;
}

export interface DeviceRecord {
  key: string;
  row: string;
}

export interface FleetCache {
  /** Every cached file. */
  entries(): Map<string, CacheEntry>;
  /** Adds or replaces files, all in one transaction. */
  put(records: readonly CacheRecord[]): void;
  forget(paths: readonly string[]): void;
  /** Replaces the device table with this run's rows. */
  saveDevices(devices: readonly DeviceRecord[]): void;
  devices(): DeviceRecord[];
  close(): void;
}

export type FleetCacheOpen = { ok: true; cache: FleetCache } | { ok: false; reason: string };

const CREATE = `
CREATE TABLE IF NOT EXISTS fleet_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS fleet_files (
  path TEXT PRIMARY KEY,
  size INTEGER NOT NULL,
  mtime_ms REAL NOT NULL,
  engine TEXT NOT NULL,
  row TEXT,
  error TEXT
);
CREATE TABLE IF NOT EXISTS fleet_devices (device_key TEXT PRIMARY KEY, row TEXT NOT NULL);
`;

function transaction(db: DatabaseSync, work: () => void): void {
  db.exec('BEGIN IMMEDIATE');
  try {
    work();
    db.exec('COMMIT');
  } catch (error) {
    db.exec('ROLLBACK');
    throw error;
  }
}

/** Creates the tables, rebuilds a cache of another version, refuses a database that is not a cache. */
function prepareSchema(db: DatabaseSync): string | null {
  const tables = (
    db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[]
  ).map((table) => table.name);
  if (tables.length > 0 && !tables.includes('fleet_meta'))
    return 'is a database of something else, not a fleet cache';
  const version = tables.includes('fleet_meta')
    ? (db.prepare("SELECT value FROM fleet_meta WHERE key = 'schema'").get() as { value: string } | undefined)
        ?.value
    : undefined;
  if (version !== undefined && version !== CACHE_SCHEMA) {
    db.exec('DROP TABLE IF EXISTS fleet_files; DROP TABLE IF EXISTS fleet_devices; DROP TABLE fleet_meta;');
  }
  db.exec(CREATE);
  db.prepare("INSERT OR REPLACE INTO fleet_meta (key, value) VALUES ('schema', ?)").run(CACHE_SCHEMA);
  return null;
}

function cacheOver(db: DatabaseSync): FleetCache {
  const upsert = db.prepare(
    'INSERT OR REPLACE INTO fleet_files (path, size, mtime_ms, engine, row, error) VALUES (?, ?, ?, ?, ?, ?)',
  );
  const remove = db.prepare('DELETE FROM fleet_files WHERE path = ?');
  const addDevice = db.prepare('INSERT OR REPLACE INTO fleet_devices (device_key, row) VALUES (?, ?)');
  return {
    entries() {
      // Row by row (iterate, not all): the rows are not held twice, as an array and as the map.
      const rows = db
        .prepare('SELECT path, size, mtime_ms, engine, row, error FROM fleet_files')
        .iterate() as Iterable<{
        path: string;
        size: number;
        mtime_ms: number;
        engine: string;
        row: string | null;
        error: string | null;
      }>;
      const entries = new Map<string, CacheEntry>();
      for (const r of rows) {
        entries.set(r.path, {
          size: r.size,
          mtimeMs: r.mtime_ms,
          engine: r.engine,
          row: r.row,
          error: r.error,
        });
      }
      return entries;
    },
    put(records) {
      if (records.length === 0) return;
      transaction(db, () => {
        for (const r of records) upsert.run(r.path, r.size, r.mtimeMs, r.engine, r.row, r.error);
      });
    },
    forget(paths) {
      if (paths.length === 0) return;
      transaction(db, () => {
        for (const p of paths) remove.run(p);
      });
    },
    saveDevices(devices) {
      transaction(db, () => {
        db.exec('DELETE FROM fleet_devices');
        for (const device of devices) addDevice.run(device.key, device.row);
      });
    },
    devices() {
      return (
        db.prepare('SELECT device_key, row FROM fleet_devices ORDER BY device_key').all() as {
          device_key: string;
          row: string;
        }[]
      ).map((d) => ({ key: d.device_key, row: d.row }));
    },
    close() {
      if (db.isOpen) db.close();
    },
  };
}

/** Opens (or creates) the cache in `file`; null keeps it in memory for this run only. */
export async function openFleetCache(file: string | null): Promise<FleetCacheOpen> {
  const { DatabaseSync } = await loadSqlite();
  const label = file === null ? 'the cache' : fileLabel(file);
  let db: DatabaseSync | undefined;
  try {
    db = new DatabaseSync(file ?? ':memory:', { timeout: BUSY_TIMEOUT_MS });
    const refusal = prepareSchema(db);
    if (refusal !== null) {
      db.close();
      return { ok: false, reason: oneLine(`${label} ${refusal}`) };
    }
    return { ok: true, cache: cacheOver(db) };
  } catch (error) {
    if (db?.isOpen) db.close();
    const code = (error as NodeJS.ErrnoException | null)?.code;
    // SQLite's own messages ("file is not a database") are short and say what is wrong.
    if (code !== undefined && !code.startsWith('ERR_SQLITE'))
      return { ok: false, reason: describeFileError(label, error) };
    return {
      ok: false,
      reason: oneLine(`${label}: ${error instanceof Error ? error.message : String(error)}`),
    };
  }
}
