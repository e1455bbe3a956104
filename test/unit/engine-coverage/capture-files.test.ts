// Opening capture files from disk: every way a file can be wrong gives one line a technician
// can act on, never an exception (electron/engine/capture/).
import { mkdtemp, rm, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { MAX_CAPTURE_BYTES } from '@contract/limits';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readCapture } from '../../../electron/engine/capture/read-capture';
import { serializeCapture } from '../../../electron/engine/capture/write-capture';
import { loadScenario } from '../../../electron/engine/scenarios/scenario-catalog';
import { loadCaptureFile } from '../../../electron/host/files/load-capture-file';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'whfb-captures-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('loadCaptureFile', () => {
  it('opens a capture the app wrote (the healthy practice device)', async () => {
    const file = path.join(dir, 'healthy.json');
    await writeFile(file, serializeCapture(loadScenario('healthy-hybrid')));
    const read = await loadCaptureFile(file);
    expect(read.ok).toBe(true);
    if (read.ok) expect(read.capture.probes['dsregcmd-status']?.command).toEqual(['dsregcmd.exe', '/status']);
  });

  it('says a folder is not a file', async () => {
    expect(await loadCaptureFile(dir)).toEqual({ ok: false, reason: `${dir} is not a file` });
  });

  it('says a missing file does not exist', async () => {
    const file = path.join(dir, 'nowhere.json');
    expect(await loadCaptureFile(file)).toEqual({ ok: false, reason: `${file}: no such file` });
  });

  it('refuses a file far larger than any capture without reading it', async () => {
    const file = path.join(dir, 'huge.json');
    await writeFile(file, '');
    await truncate(file, MAX_CAPTURE_BYTES + 1);
    const read = await loadCaptureFile(file);
    expect(read).toEqual({
      ok: false,
      reason: expect.stringMatching(/^file is 20\.0 MB, larger than any capture/),
    });
  });

  it('gives the system message for other errors (a path through a file)', async () => {
    const file = path.join(dir, 'plain.txt');
    await writeFile(file, 'x');
    const read = await loadCaptureFile(path.join(file, 'inside.json'));
    expect(read.ok).toBe(false);
    if (!read.ok) expect(read.reason).toMatch(/plain\.txt\/inside\.json: ENOTDIR/);
  });
});

describe('readCapture', () => {
  const healthy = () =>
    JSON.parse(serializeCapture(loadScenario('healthy-hybrid'))) as Record<string, unknown>;

  it('names the damaged field', () => {
    const capture = healthy();
    capture.capturedAt = 42;
    expect(readCapture(JSON.stringify(capture))).toEqual({
      ok: false,
      reason: expect.stringMatching(/^capture is damaged: capturedAt: /),
    });
  });

  it('names the probe table when it is not a table', () => {
    const capture = healthy();
    capture.probes = [];
    const read = readCapture(JSON.stringify(capture));
    expect(read).toEqual({ ok: false, reason: expect.stringMatching(/^capture is damaged: probes: /) });
  });

  it('reads a capture saved with a byte order mark, and rejects other JSON', () => {
    expect(readCapture(`\uFEFF${serializeCapture(loadScenario('healthy-hybrid'))}`).ok).toBe(true);
    expect(readCapture('[1,2]')).toEqual({
      ok: false,
      reason: 'not a capture file: the JSON is not an object',
    });
    expect(readCapture('{"format":"other"}')).toEqual({
      ok: false,
      reason: 'not a capture file: format is "other", expected "whfb-doctor/capture"',
    });
    expect(readCapture('{"format":"whfb-doctor/capture","version":2}').ok).toBe(false);
    expect(readCapture('{').ok).toBe(false);
  });
});
