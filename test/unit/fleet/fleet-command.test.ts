// `whfb-doctor fleet`: every built-in scenario and its redacted copy, as CSV, JSON, NDJSON and
// a table; unreadable files on stderr and in `errors`; the exit codes; bad invocations.

import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { CSV_COLUMNS } from '@contract/fleet-csv';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../../electron/cli/cli';
import { redactCapture } from '../../../electron/engine/redact/redact-capture';
import { loadScenario, SCENARIOS } from '../../../electron/engine/scenarios/scenario-catalog';
import {
  captureIo,
  ENTRA_SCENARIO_DEVICE_ID,
  removeTempFolders,
  SCENARIO_DEVICE_ID,
  tempFolder,
  writeCapture,
} from './fleet-fixtures';

afterAll(removeTempFolders);

let scenarios: string;
beforeAll(() => {
  scenarios = tempFolder();
  for (const { name } of SCENARIOS) {
    const capture = loadScenario(name);
    writeCapture(path.join(scenarios, 'original', `${name}.json`), capture);
    writeCapture(path.join(scenarios, 'redacted', `${name}.json.gz`), redactCapture(capture), { gzip: true });
  }
});

async function fleet(...args: string[]) {
  const io = captureIo();
  const code = await runCli(['fleet', ...args], io);
  return { code, out: io.out, err: io.err };
}

function csvRows(text: string): Record<string, string>[] {
  const [header, ...lines] = text.trimEnd().split('\r\n');
  const columns = (header ?? '').split(',');
  return lines.map((line) => Object.fromEntries(line.split(',').map((cell, i) => [columns[i], cell])));
}

describe('fleet over every scenario and its redacted copy', () => {
  it('prints one CSV row per device with the trust model used', async () => {
    const { code, out, err } = await fleet(scenarios, '--csv');
    expect(code).toBe(0);
    expect(err).toBe(
      `${SCENARIOS.length * 2} files (${SCENARIOS.length * 2} read, 0 from the cache), 0 unreadable, ${SCENARIOS.length + 2} devices\n`,
    );
    const rows = csvRows(out);
    // The scenarios are two practice devices. A redacted copy names its device
    // dddddddd-…-000000000001 whichever device it was, so it tells nothing about which device it
    // is: each redacted file is a device of its own.
    const redacted = rows.filter((r) => r.deviceId === 'dddddddd-0000-0000-0000-000000000001');
    expect(redacted).toHaveLength(SCENARIOS.length);
    expect(new Set(redacted.map((r) => r.path)).size).toBe(SCENARIOS.length);
    expect(redacted.every((r) => r.files === '1')).toBe(true);
    const originals = rows.filter((r) => !redacted.includes(r));
    expect(originals.map((r) => [r.deviceId, r.files])).toEqual([
      [SCENARIO_DEVICE_ID, '18'],
      [ENTRA_SCENARIO_DEVICE_ID, '2'],
    ]);
    expect(Object.keys(rows[0] ?? {})).toEqual([...CSV_COLUMNS]);
    for (const r of rows)
      expect(['cloud-kerberos-trust', 'key-trust', 'certificate-trust', 'none', 'unknown']).toContain(
        r.trustModel,
      );
  });

  it('sums up the same devices as JSON, NDJSON and a table', async () => {
    const json = await fleet(scenarios, '--json', '--workers', '0');
    const result = JSON.parse(json.out);
    expect(result).toMatchObject({
      format: 'whfb-doctor/fleet',
      version: 1,
      errors: [],
      counts: { files: 40, devices: SCENARIOS.length + 2 },
    });
    const ndjson = await fleet(scenarios, '--ndjson');
    const lines = ndjson.out.trimEnd().split('\n');
    expect(lines.map((line) => JSON.parse(line))).toEqual(result.devices);
    expect(lines.every((line) => line.length < 2048)).toBe(true);
    const table = await fleet(scenarios);
    expect(table.out).toMatch(/^DEVICE\s+USER\s+BUILD\s+JOIN\s+TRUST MODEL USED/);
    expect(table.out).toContain(`${SCENARIOS.length + 2} devices\nTrust model used: `);
  });

  it('gives the same rows with worker threads', async () => {
    const inThread = await fleet(scenarios, '--json', '--workers', '0');
    const threads = await fleet(scenarios, '--json', '--workers', '2');
    expect(threads.code).toBe(0);
    expect(JSON.parse(threads.out).devices).toEqual(JSON.parse(inThread.out).devices);
  }, 60_000);
});

describe('fleet with files it cannot read', () => {
  it('lists each with its reason on stderr and in errors, goes on, and exits 1', async () => {
    const root = tempFolder();
    writeCapture(path.join(root, 'ok.json'), loadScenario('healthy-hybrid'));
    writeFileSync(path.join(root, 'junk.json'), 'not json\u001b[31m');
    writeFileSync(path.join(root, 'bomb.json.gz'), Buffer.from([0x1f, 0x8b, 0x08, 0x00]));
    const missing = path.join(root, 'missing-folder');
    const csv = await fleet(root, missing, '--csv');
    expect(csv.code).toBe(1);
    expect(csvRows(csv.out)).toHaveLength(1);
    const errLines = csv.err.trimEnd().split('\n');
    expect(errLines).toEqual([
      `whfb-doctor: ${path.join(root, 'bomb.json.gz')}: not a readable gzip file (it ends too early)`,
      expect.stringMatching(
        new RegExp(`^whfb-doctor: ${path.join(root, 'junk.json')}: not a capture file: not valid JSON`),
      ),
      `whfb-doctor: ${missing}: no such file`,
      '3 files (3 read, 0 from the cache), 3 unreadable, 1 device',
    ]);
    expect(csv.err).not.toContain('\u001b');
    const json = JSON.parse((await fleet(root, missing, '--json')).out);
    expect(json.errors.map((e: { path: string }) => path.basename(e.path))).toEqual([
      'bomb.json.gz',
      'junk.json',
      'missing-folder',
    ]);
  });

  it('uses a cache file between runs', async () => {
    const root = tempFolder();
    writeCapture(path.join(root, 'a.json'), loadScenario('healthy-hybrid'));
    const db = path.join(tempFolder(), 'fleet.db');
    await fleet(root, '--db', db, '--csv');
    const second = await fleet(root, '--db', db, '--csv');
    expect(second.err).toBe('1 file (0 read, 1 from the cache), 0 unreadable, 1 device\n');
  });
});

describe('fleet invocations', () => {
  it.each([
    [[], /^whfb-doctor: fleet needs at least one folder or file\n$/],
    [['x', '--csv', '--json'], /use one of --csv, --json and --ndjson/],
    [['x', '--workers', 'many'], /--workers: expected a whole number from 0 to 16, got "many"/],
    [['x', '--workers', '17'], /--workers: expected a whole number from 0 to 16/],
    [
      ['x', '--tsv'],
      /^whfb-doctor: unknown option "--tsv" \(options: --csv, --json, --ndjson, --db, --workers; try --help\)\n$/,
    ],
    [['x', '--db'], /^whfb-doctor: --db needs a value \(try --help\)\n$/],
  ])('refuses %j with exit 2', async (args, reason) => {
    const { code, out, err } = await fleet(...args);
    expect(code).toBe(2);
    expect(out).toBe('');
    expect(err).toMatch(reason);
  });

  it('refuses a --db that is not a fleet cache', async () => {
    const notDb = path.join(tempFolder(), 'notes.txt');
    writeFileSync(notDb, 'a text file that is not any database at all, long enough for a header');
    const { code, err } = await fleet(tempFolder(), '--db', notDb);
    expect(code).toBe(2);
    expect(err).toBe(`whfb-doctor: --db: ${notDb}: file is not a database\n`);
  });

  it('has help of its own', async () => {
    const io = captureIo();
    expect(await runCli(['fleet', '--help'], io)).toBe(0);
    expect(io.out).toMatch(/^Usage: whfb-doctor fleet PATH\.\.\. \[--csv \| --json \| --ndjson\]/);
  });
});
