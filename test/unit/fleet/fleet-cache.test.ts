// The incremental cache: a second run re-reads only files whose size, modified time or engine
// version changed, forgets files that are gone, remembers damaged files, keeps one row per device,
// and refuses a database that is not a fleet cache.

import { rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { type FleetCache, openFleetCache } from '../../../electron/fleet/fleet-cache';
import { createFleetPool } from '../../../electron/fleet/fleet-pool';
import { loadSqlite } from '../../../electron/fleet/load-sqlite';
import { FLEET_ENGINE, runFleet } from '../../../electron/fleet/run-fleet';
import { deviceCapture, removeTempFolders, tempFolder, touch, writeCapture } from './fleet-fixtures';

afterAll(removeTempFolders);

async function open(file: string | null = null): Promise<FleetCache> {
  const opened = await openFleetCache(file);
  if (!opened.ok) throw new Error(opened.reason);
  return opened.cache;
}

function run(cache: FleetCache, paths: string[], engine = FLEET_ENGINE) {
  return runFleet({ paths, cache, engine, pool: () => createFleetPool({ workers: 0 }) });
}

/** A folder of `n` devices, one capture each (gzipped every other one). */
function fleetFolder(n: number): { root: string; files: string[] } {
  const root = tempFolder();
  const files = Array.from({ length: n }, (_, i) =>
    writeCapture(
      path.join(root, `site-${i % 3}`, `PC-${i}.json${i % 2 ? '.gz' : ''}`),
      deviceCapture(i % 2 ? 'healthy-hybrid' : 'key-trust-fallback', {
        id: `00000000-0000-0000-0000-${String(i).padStart(12, '0')}`,
        name: `PC-${i}`,
      }),
      { gzip: i % 2 === 1 },
    ),
  );
  return { root, files };
}

describe('the fleet cache', () => {
  it('re-reads nothing on a second run, and only what changed after that', async () => {
    const { root, files } = fleetFolder(6);
    const cache = await open();
    const first = await run(cache, [root]);
    expect(first.counts).toEqual({ files: 6, read: 6, cached: 0, unreadable: 0, devices: 6 });
    const second = await run(cache, [root]);
    expect(second.counts).toEqual({ files: 6, read: 0, cached: 6, unreadable: 0, devices: 6 });
    expect(second.devices).toEqual(first.devices);

    // Same size, newer time: read again.
    touch(files[0] as string, 2_000_000_000);
    // New content: read again, and the device now says so.
    writeCapture(
      files[1] as string,
      deviceCapture('certificate-trust-enabled', {
        id: '00000000-0000-0000-0000-000000000001',
        name: 'PC-1',
      }),
      {
        gzip: true,
      },
    );
    const third = await run(cache, [root]);
    expect(third.counts).toMatchObject({ read: 2, cached: 4 });
    expect(third.devices.find((d) => d.deviceName === 'PC-1.corp.contoso.com')?.trustModel).toBe(
      'certificate-trust',
    );

    // A new engine version reads everything again.
    expect((await run(cache, [root], 'next-engine')).counts).toMatchObject({ read: 6, cached: 0 });
    cache.close();
  });

  it('forgets files that are gone, and keeps files of other folders', async () => {
    const a = fleetFolder(3);
    const b = fleetFolder(2);
    const cache = await open();
    await run(cache, [a.root, b.root]);
    rmSync(a.files[0] as string);
    const result = await run(cache, [a.root]);
    expect(result.counts).toMatchObject({ files: 2, cached: 2, devices: 2 });
    const cached = [...cache.entries().keys()];
    expect(cached).not.toContain(a.files[0]);
    expect(cached).toEqual(expect.arrayContaining(b.files));
    expect(
      cache
        .devices()
        .map((d) => JSON.parse(d.row).path)
        .sort(),
    ).toEqual(a.files.slice(1).sort());
    cache.close();
  });

  it('remembers a damaged file, lists it every run, and reads it again once it changes', async () => {
    const { root } = fleetFolder(2);
    const bad = path.join(root, 'damaged.json');
    writeFileSync(bad, '{"format":"whfb-doctor/capture","version":1');
    const cache = await open();
    const first = await run(cache, [root]);
    expect(first.errors).toEqual([
      { path: bad, reason: expect.stringMatching(/^not a capture file: not valid JSON/) },
    ]);
    const second = await run(cache, [root]);
    expect(second.counts).toMatchObject({ read: 0, cached: 3, unreadable: 1 });
    expect(second.errors).toEqual(first.errors);
    writeCapture(bad, deviceCapture('healthy-entra-joined', { id: '11111111-0000-0000-0000-000000000000' }));
    const third = await run(cache, [root]);
    expect(third.counts).toMatchObject({ read: 1, unreadable: 0, devices: 3 });
    cache.close();
  });

  it('keeps the cache in a file across runs', async () => {
    const { root } = fleetFolder(3);
    const db = path.join(tempFolder(), 'fleet.db');
    const cache = await open(db);
    await run(cache, [root]);
    cache.close();
    const again = await open(db);
    expect((await run(again, [root])).counts).toMatchObject({ read: 0, cached: 3 });
    expect(again.devices()).toHaveLength(3);
    again.close();
  });

  it('reads a file again when its cached row is not a row', async () => {
    const { root, files } = fleetFolder(1);
    const cache = await open();
    await run(cache, [root]);
    const entry = cache.entries().get(files[0] as string);
    cache.put([
      { ...(entry as NonNullable<typeof entry>), path: files[0] as string, row: '{"format":"other"' },
    ]);
    expect((await run(cache, [root])).counts).toMatchObject({ read: 1, cached: 0, devices: 1 });
    cache.close();
  });

  it('refuses a database that is not a fleet cache, and rebuilds one of another version', async () => {
    const dir = tempFolder();
    const { DatabaseSync } = await loadSqlite();
    const foreign = path.join(dir, 'app.db');
    const db = new DatabaseSync(foreign);
    db.exec('CREATE TABLE customers (name TEXT)');
    db.close();
    expect(await openFleetCache(foreign)).toEqual({
      ok: false,
      reason: `${foreign} is a database of something else, not a fleet cache`,
    });

    const old = path.join(dir, 'old.db');
    const previous = new DatabaseSync(old);
    previous.exec(
      "CREATE TABLE fleet_meta (key TEXT PRIMARY KEY, value TEXT); INSERT INTO fleet_meta VALUES ('schema', 'whfb-doctor/fleet-cache/0'); CREATE TABLE fleet_files (path TEXT)",
    );
    previous.close();
    const rebuilt = await open(old);
    expect(rebuilt.entries().size).toBe(0);
    rebuilt.close();

    const text = path.join(dir, 'notes.db');
    writeFileSync(text, 'just some text, long enough to be read as a header of a database file');
    expect(await openFleetCache(text)).toEqual({ ok: false, reason: `${text}: file is not a database` });
    expect(await openFleetCache(path.join(dir, 'missing', 'x.db'))).toMatchObject({
      ok: false,
      reason: /unable to open/,
    });
  });
});
