// One file of a fleet folder: captures and reports, plain or gzipped, UTF-8 or UTF-16, and every
// way a file can be wrong, each with a short reason and whether it is worth remembering.

import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { serializeCapture } from '../../../electron/engine/capture/write-capture';
import { diagnose } from '../../../electron/engine/diagnose';
import { loadScenario, scenarioNames } from '../../../electron/engine/scenarios/scenario-catalog';
import { summarizeFleetBytes, summarizeFleetFile } from '../../../electron/fleet/read-fleet-file';
import {
  removeTempFolders,
  SCENARIO_DEVICE_ID,
  tempFolder,
  writeCapture,
  writeReport,
} from './fleet-fixtures';

afterAll(removeTempFolders);

describe('summarizeFleetFile', () => {
  const dir = tempFolder();
  const capture = loadScenario('key-trust-fallback');
  const expected = diagnose(capture, { kind: 'live' });

  it.each([
    ['capture.json', false, writeCapture],
    ['capture.json.gz', true, writeCapture],
    ['report.json', false, writeReport],
    ['report.json.gz', true, writeReport],
  ] as const)('reads %s', async (name, gzip, write) => {
    const file = write(path.join(dir, name), capture, { gzip });
    const result = await summarizeFleetFile(file);
    expect(result).toMatchObject({
      ok: true,
      row: {
        source: name.startsWith('report') ? 'report' : 'capture',
        path: file,
        trustModel: expected.trustModel,
        policyTrustModel: expected.policyTrustModel,
        rootCause: expected.headline.checkId,
        osBuild: '22631.4460',
        // Reports carry the Entra device id in their device summary, as captures do in dsregcmd.
        deviceId: SCENARIO_DEVICE_ID,
      },
    });
  });

  it('reads a UTF-16 capture and a report whose format is not its first field', async () => {
    const utf16 = path.join(dir, 'utf16.json');
    writeFileSync(
      utf16,
      Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(serializeCapture(capture), 'utf16le')]),
    );
    expect(await summarizeFleetFile(utf16)).toMatchObject({ ok: true, row: { source: 'capture' } });
    const { format, ...rest } = expected;
    const reordered = path.join(dir, 'reordered.json');
    writeFileSync(reordered, JSON.stringify({ ...rest, format }));
    expect(await summarizeFleetFile(reordered)).toMatchObject({ ok: true, row: { source: 'report' } });
  });

  it.each([
    ['empty', Buffer.alloc(0), /^not a capture file/],
    ['not JSON', Buffer.from('hello'), /not valid JSON/],
    ['JSON of something else', Buffer.from('{"format":"other"}'), /format is "other"/],
    ['a damaged report', Buffer.from('{"format":"whfb-doctor/report","version":1}'), /^report is damaged: /],
    [
      'a report of another version',
      Buffer.from('{"format":"whfb-doctor/report","version":2}'),
      /^report is damaged: version/,
    ],
    [
      'invalid UTF-8',
      Buffer.from([0x7b, 0xff, 0xfe, 0x7d, 0x80]),
      /^not a capture or report: the text is not valid UTF-/,
    ],
    [
      'a cut-off gzip',
      gzipSync('{"format":"whfb-doctor/capture"}').subarray(0, 12),
      /^not a readable gzip file/,
    ],
    [
      'a deep report',
      Buffer.from(`{"format":"whfb-doctor/report","x":${'['.repeat(100)}${']'.repeat(100)}}`),
      /^not a WHfB Doctor report \(/,
    ],
  ])('refuses %s with a short reason, to remember', (_name, bytes, reason) => {
    const result = summarizeFleetBytes(bytes, '/fleet/x.json');
    expect(result).toMatchObject({ ok: false, lasting: true });
    if (result.ok) return;
    expect(result.reason).toMatch(reason);
    expect(result.reason.length).toBeLessThanOrEqual(200);
    expect(result.reason).not.toMatch(/[\n\r]/);
  });

  it('refuses a gzip that expands past the limit, and a file past it unread', async () => {
    const bomb = path.join(dir, 'bomb.json.gz');
    writeFileSync(bomb, gzipSync(Buffer.alloc(64 * 1024, 0x20)));
    expect(await summarizeFleetFile(bomb, 16 * 1024)).toEqual({
      ok: false,
      reason: 'expands to more than 16.0 KB, the limit',
      lasting: true,
    });
    const big = path.join(dir, 'big.json');
    writeFileSync(big, Buffer.alloc(64 * 1024, 0x20));
    expect(await summarizeFleetFile(big, 16 * 1024)).toEqual({
      ok: false,
      reason: 'it is 64.0 KB, over the limit of 16.0 KB',
      lasting: true,
    });
  });

  it('says a file vanished or is not a file, to try again next time', async () => {
    expect(await summarizeFleetFile(path.join(dir, 'gone.json'))).toEqual({
      ok: false,
      reason: 'no such file',
      lasting: false,
    });
    const folder = path.join(dir, 'folder.json');
    mkdirSync(folder);
    expect(await summarizeFleetFile(folder)).toEqual({
      ok: false,
      reason: 'it is not a file',
      lasting: false,
    });
    if (process.platform === 'win32') return;
    const fifo = path.join(dir, 'pipe.json');
    execFileSync('mkfifo', [fifo]);
    expect(await summarizeFleetFile(fifo)).toEqual({
      ok: false,
      reason: 'it is not a file (a named pipe)',
      lasting: false,
    });
  });
});

describe('summarizeFleetBytes against the full diagnosis', () => {
  // The fleet's fast path must never change a verdict: every scenario, plain and gzipped, gives
  // the row that the whole report gives.
  it.each(scenarioNames())('%s: the same verdict as diagnose', (name) => {
    const capture = loadScenario(name);
    const report = diagnose(capture, { kind: 'live' });
    const text = serializeCapture(capture);
    for (const bytes of [Buffer.from(text), gzipSync(text)]) {
      const result = summarizeFleetBytes(bytes, `${name}.json`);
      expect(result.ok).toBe(true);
      if (!result.ok) continue;
      expect(result.row).toMatchObject({
        status: report.headline.status,
        rootCause: report.headline.checkId,
        trustModel: report.trustModel,
        policyTrustModel: report.policyTrustModel,
        sessionCredential: report.sessionCredential,
        joinType: report.device.joinType,
        deviceName: report.device.name,
        user: report.device.user,
        capturedAt: report.capturedAt,
      });
    }
  });
});
