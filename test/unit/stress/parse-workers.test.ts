// Captures and pasted outputs are read in a worker thread under a deadline: the same report as
// a read in this thread, a read that hangs ends at the deadline with a one-line reason, and the
// preview server answers other requests while a capture is being read.

import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { readCapture } from '../../../electron/engine/capture/read-capture';
import { serializeCapture } from '../../../electron/engine/capture/write-capture';
import { diagnose, reportFromFacts } from '../../../electron/engine/diagnose';
import { loadScenario, SCENARIOS } from '../../../electron/engine/scenarios/scenario-catalog';
import {
  createParseWorkers,
  type ParseWorkers,
  replaceSharedParseWorkers,
} from '../../../electron/host/parse-worker/parse-workers';
import { callApi, startTestServer, type TestServer } from '../preview/preview-client';

const SLOW_WORKER = new URL('./fixtures/slow-parse-worker.ts', import.meta.url);
/** A line the slow worker's pattern takes exponential time on (2^40 steps: hours). */
const HANGING_LINE = `${' '.repeat(40)}x`;
/** A capture with the hanging line in it (after the JSON: a capture the engine would refuse quickly). */
const hangingCapture = (): string => `${serializeCapture(loadScenario('healthy-hybrid'))}\n${HANGING_LINE}\n`;

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
    const result = await work();
    return { result, longestGapMs };
  } finally {
    clearInterval(timer);
  }
}

describe('reading in a worker', () => {
  let workers: ParseWorkers;
  beforeAll(() => {
    workers = createParseWorkers();
  });
  afterAll(async () => {
    await workers.close();
  });

  it('gives every practice scenario the same capture and report as a read in this thread', async () => {
    const generatedAt = new Date('2026-01-01T00:00:00Z').toISOString();
    for (const scenario of SCENARIOS) {
      const text = serializeCapture(loadScenario(scenario.name));
      const read = await workers.readCapture(text, `${scenario.name}.json`);
      expect(read.ok, scenario.name).toBe(true);
      if (!read.ok) continue;
      const here = readCapture(text);
      if (!here.ok) throw new Error(here.reason);
      expect(read.capture).toEqual(here.capture);
      const expected = diagnose(here.capture, { kind: 'capture', file: `${scenario.name}.json` });
      // The facts cross the thread boundary intact: the same report comes from them here.
      const source = { kind: 'capture', file: `${scenario.name}.json` } as const;
      const fromFacts = reportFromFacts(read.facts, read.capture, source);
      expect({ ...fromFacts, generatedAt }).toEqual({ ...expected, generatedAt });
    }
  }, 60_000);

  it('refuses what the reader refuses, with the same reason', async () => {
    for (const text of ['', '{', '{"format":"whfb-doctor/capture","version":[[[[1]]]]}', 'x'.repeat(1000)]) {
      const here = readCapture(text);
      expect(here.ok).toBe(false);
      expect(await workers.readCapture(text, 'bad.json')).toEqual(here);
    }
  });

  it('parses a pasted admin output', async () => {
    const pasted = 'Id : 12345\nKeyVersion : 3\nCloudKeyVersion : 3\nKeyUpdatedOn : 3/15/2023 6:44:39 AM\n';
    expect(await workers.readAdminOutput(pasted)).toEqual({ ok: true, recognized: true });
    expect(await workers.readAdminOutput('hello')).toEqual({ ok: true, recognized: false });
  });
});

describe('the deadline', () => {
  let slow: ParseWorkers;
  beforeAll(() => {
    slow = createParseWorkers({ entry: SLOW_WORKER, deadlineMs: 1000 });
  });
  afterAll(async () => {
    await slow.close();
  });

  it('ends a read that hangs, with a one-line reason, and this thread stays free meanwhile', async () => {
    // The first read starts the worker (loading the engine under tsx can take seconds); the deadline counts from the read.
    expect((await slow.readCapture(serializeCapture(loadScenario('healthy-hybrid')), 'ok.json')).ok).toBe(
      true,
    );
    const started = performance.now();
    const { result, longestGapMs } = await whileTicking(() =>
      slow.readCapture(hangingCapture(), 'hang.json'),
    );
    const elapsed = performance.now() - started;
    expect(result).toEqual({ ok: false, reason: 'took longer than 1 s; not read' });
    console.log(
      `parse worker: a hanging read ended after ${elapsed.toFixed(0)} ms (deadline 1000 ms); ` +
        `longest pause of this thread meanwhile ${longestGapMs.toFixed(0)} ms`,
    );
    expect(elapsed).toBeGreaterThanOrEqual(990);
    expect(longestGapMs).toBeLessThan(500);
  }, 120_000);

  it('reads again after a worker was ended, and ends a hanging admin paste the same way', async () => {
    const read = await slow.readCapture(serializeCapture(loadScenario('expired-prt')), 'next.json');
    expect(read.ok).toBe(true);
    expect(await slow.readAdminOutput(`Id : 1\n${HANGING_LINE}\n`)).toEqual({
      ok: false,
      reason: 'took longer than 1 s; not read',
    });
  }, 120_000);
});

describe('the preview server while a capture is being read', () => {
  let server: TestServer | undefined;
  let previous: ParseWorkers | undefined;
  let slow: ParseWorkers;
  beforeAll(() => {
    slow = createParseWorkers({ entry: SLOW_WORKER, deadlineMs: 6000 });
    previous = replaceSharedParseWorkers(slow);
  });
  afterEach(async () => {
    await server?.stop();
    server = undefined;
  });
  afterAll(async () => {
    replaceSharedParseWorkers(previous);
    await slow.close();
  });

  it('answers other clients at once, then says the capture took too long', async () => {
    server = await startTestServer();
    const port = server.port;
    // Warm: one worker started and kept.
    const warm = await callApi(port, 'runChecklist', [
      { kind: 'capture', fileName: 'warm.json', text: serializeCapture(loadScenario('healthy-hybrid')) },
    ]);
    expect(warm.status).toBe(200);
    let hangingDone = false;
    const hanging = callApi(
      port,
      'runChecklist',
      [{ kind: 'capture', fileName: 'hang.json', text: hangingCapture() }],
      'a',
    ).finally(() => {
      hangingDone = true;
    });
    await new Promise((resolve) => setTimeout(resolve, 200));
    const started = performance.now();
    const info = await callApi(port, 'getAppInfo', [], 'b');
    const scenario = await callApi(port, 'runChecklist', [{ kind: 'scenario', name: 'expired-prt' }], 'c');
    const answeredIn = performance.now() - started;
    expect([info.status, scenario.status]).toEqual([200, 200]);
    expect(JSON.parse(scenario.body)).toMatchObject({ ok: true, value: { ok: true } });
    // Another capture is read by a second worker (started now: under tsx that takes a while).
    const otherStarted = performance.now();
    const other = await callApi(
      port,
      'runChecklist',
      [{ kind: 'capture', fileName: 'other.json', text: serializeCapture(loadScenario('expired-prt')) }],
      'd',
    );
    const otherIn = performance.now() - otherStarted;
    expect(hangingDone).toBe(false);
    expect(JSON.parse(other.body)).toMatchObject({ ok: true, value: { ok: true } });
    const answer = await hanging;
    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.body)).toEqual({
      ok: true,
      value: { ok: false, reason: 'hang.json: took longer than 6 s; not read' },
    });
    console.log(
      `parse worker: while one capture hung in the preview, two other requests were answered in ${answeredIn.toFixed(0)} ms ` +
        `and another capture in ${otherIn.toFixed(0)} ms`,
    );
    expect(answeredIn).toBeLessThan(1000);
  }, 120_000);
});
