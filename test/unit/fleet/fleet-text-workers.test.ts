// The fleet view's files are summarised, and its report files checked, in a worker thread under
// a deadline per call: the same rows and reasons as in this thread for every scenario file, a
// batch that hangs answers each of its files with the reason while this thread stays free, the
// next batch is read again, and the desktop app's bundle carries the worker.

import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiHandlers } from '../../../electron/api/create-api-handlers';
import { serializeCapture } from '../../../electron/engine/capture/write-capture';
import { diagnose } from '../../../electron/engine/diagnose';
import { redactCapture } from '../../../electron/engine/redact/redact-capture';
import { renderJson } from '../../../electron/engine/report/render-json';
import { loadScenario, SCENARIOS } from '../../../electron/engine/scenarios/scenario-catalog';
import {
  createFleetTextWorkers,
  type FleetTextWorkers,
  replaceSharedFleetTextWorkers,
} from '../../../electron/fleet/fleet-text-workers';
import { openReportFile } from '../../../electron/fleet/open-report-file';
import { summarizeFleetText } from '../../../electron/fleet/summarize-fleet-text';

const repo = fileURLToPath(new URL('../../../', import.meta.url));
const SLOW_WORKER = new URL('./fixtures/slow-fleet-text-worker.ts', import.meta.url);
/** A line the slow worker's pattern takes exponential time on (2^40 steps: hours). */
const HANGING_LINE = `${' '.repeat(40)}x`;

type TextFile = { fileName: string; text: string };

/** Every scenario as a capture, a redacted capture and a report, and a few files that are not. */
function scenarioFiles(): TextFile[] {
  const files: TextFile[] = [];
  for (const { name } of SCENARIOS) {
    const capture = loadScenario(name);
    files.push({ fileName: `${name}.json`, text: serializeCapture(capture) });
    files.push({ fileName: `redacted/${name}.json`, text: serializeCapture(redactCapture(capture)) });
    files.push({
      fileName: `${name}.report.json`,
      text: renderJson(diagnose(capture, { kind: 'scenario', name })),
    });
  }
  files.push({ fileName: 'empty.json', text: '' });
  files.push({ fileName: 'deep.json', text: '['.repeat(5000) });
  files.push({ fileName: 'gzip-as-text.json.gz', text: gzipSync('{}').toString('latin1') });
  files.push({ fileName: 'other.json', text: '{"format":"something-else","version":1}' });
  return files;
}

/** Batches as the fleet view sends them: at most 50 files. */
function batchesOf(files: readonly TextFile[]): TextFile[][] {
  const batches: TextFile[][] = [];
  for (let start = 0; start < files.length; start += 50) batches.push(files.slice(start, start + 50));
  return batches;
}

/** Runs `work` while a timer ticks every 10 ms; returns its result and the longest gap between ticks. */
async function whileTicking<T>(work: () => Promise<T>): Promise<{ result: T; longestGapMs: number }> {
  let last = performance.now();
  let longestGapMs = 0;
  const timer = setInterval(() => {
    const now = performance.now();
    longestGapMs = Math.max(longestGapMs, now - last);
    last = now;
  }, 10);
  try {
    return { result: await work(), longestGapMs };
  } finally {
    clearInterval(timer);
  }
}

/** What the worker gives, checked against this thread's answer for every file and report. */
async function expectSameAsInThread(workers: FleetTextWorkers): Promise<void> {
  const files = scenarioFiles();
  for (const batch of batchesOf(files)) {
    const here = batch.map((file) => summarizeFleetText(file.fileName, file.text));
    expect(await workers.summarizeFiles(batch)).toEqual(here);
  }
  const reports = files.filter((file) => file.fileName.endsWith('.report.json'));
  for (const file of [...reports, files[0] as TextFile]) {
    expect(await workers.openReportFile(file)).toEqual(openReportFile(file));
  }
}

describe('the fleet view read in a worker', () => {
  let workers: FleetTextWorkers;
  beforeAll(() => {
    workers = createFleetTextWorkers();
  });
  afterAll(async () => {
    await workers.close();
  });

  it('gives every scenario file (capture, redacted, report) the same row or reason as this thread', async () => {
    await expectSameAsInThread(workers);
  }, 120_000);

  it('answers through the API the same way', async () => {
    const previous = replaceSharedFleetTextWorkers(workers);
    try {
      const api = createApiHandlers({ mode: 'preview', allowLive: false });
      const batch = scenarioFiles().slice(0, 6);
      expect(await api.summarizeFiles({ files: batch })).toEqual(
        batch.map((file) => summarizeFleetText(file.fileName, file.text)),
      );
    } finally {
      replaceSharedFleetTextWorkers(previous);
    }
  }, 60_000);
});

describe('the deadline per batch', () => {
  let slow: FleetTextWorkers;
  beforeAll(() => {
    slow = createFleetTextWorkers({ entry: SLOW_WORKER, deadlineMs: 1000 });
  });
  afterAll(async () => {
    await slow.close();
  });

  it('answers each file of a batch that hangs with the reason, this thread free meanwhile; the next batch is read', async () => {
    const good = scenarioFiles().slice(0, 3);
    // The first batch starts the worker (loading the engine under tsx can take seconds); the deadline counts from the batch.
    expect((await slow.summarizeFiles(good)).every((summary) => summary.ok)).toBe(true);
    const hanging = [
      ...good.slice(0, 2),
      { fileName: 'hang.json', text: `${good[0]?.text ?? ''}\n${HANGING_LINE}\n` },
    ];
    const started = performance.now();
    const { result, longestGapMs } = await whileTicking(() => slow.summarizeFiles(hanging));
    const elapsed = performance.now() - started;
    const reason = 'not read: its batch of 3 files took longer than 1 s';
    expect(result).toEqual(hanging.map(({ fileName }) => ({ ok: false, fileName, reason })));
    console.log(
      `fleet text worker: a hanging batch ended after ${elapsed.toFixed(0)} ms (deadline 1000 ms); ` +
        `longest pause of this thread meanwhile ${longestGapMs.toFixed(0)} ms`,
    );
    expect(elapsed).toBeGreaterThanOrEqual(990);
    expect(longestGapMs).toBeLessThan(500);
    // The view goes on: the next batch is read by a new worker.
    expect(await slow.summarizeFiles(good)).toEqual(
      good.map((file) => summarizeFleetText(file.fileName, file.text)),
    );
  }, 120_000);

  it('ends a report file that hangs with a one-line reason', async () => {
    const text = `${renderJson(diagnose(loadScenario('expired-prt'), { kind: 'live' }))}\n${HANGING_LINE}\n`;
    expect(await slow.openReportFile({ fileName: 'pc-1.report.json', text })).toEqual({
      ok: false,
      reason: 'pc-1.report.json: not opened: took longer than 1 s to check',
    });
  }, 120_000);
});

const builtins = new Set(builtinModules.flatMap((name) => [name, `node:${name}`]));
const requiresOf = (code: string): string[] => [
  ...new Set([...code.matchAll(/require\(\s*["'`]([^"'`]+)["'`]\s*\)/g)].map((m) => m[1] ?? '')),
];

describe('the fleet text worker in the main bundle', () => {
  let out: string;
  beforeAll(async () => {
    out = mkdtempSync(path.join(tmpdir(), 'whfb-fleet-text-worker-'));
    await build({
      configFile: path.join(repo, 'electron/vite.config.ts'),
      logLevel: 'error',
      build: { outDir: out },
    });
  }, 180_000);
  afterAll(() => rmSync(out, { recursive: true, force: true }));

  it('is built beside main.cjs, needs only built-ins, and main.cjs starts it from there', () => {
    const worker = readFileSync(path.join(out, 'fleet-text-worker.cjs'), 'utf8');
    expect(requiresOf(worker).filter((name) => !builtins.has(name))).toEqual([]);
    expect(worker).not.toContain('import.meta');
    const main = readFileSync(path.join(out, 'main.cjs'), 'utf8');
    expect(main).toContain('./fleet-text-worker.cjs');
  });

  it('gives every scenario file the same row or reason as this thread', async () => {
    const built = createFleetTextWorkers({ entry: pathToFileURL(path.join(out, 'fleet-text-worker.cjs')) });
    try {
      await expectSameAsInThread(built);
    } finally {
      await built.close();
    }
  }, 120_000);
});
