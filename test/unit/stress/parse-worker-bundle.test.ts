// The desktop app runs the parse worker from its bundle: `npm run build:main` (and Forge, which
// uses the same config) writes parse-worker.cjs beside main.cjs, a bundle of its own that needs
// only Node's built-ins, and main.cjs starts it from there.

import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serializeCapture } from '../../../electron/engine/capture/write-capture';
import { diagnose, reportFromFacts } from '../../../electron/engine/diagnose';
import { loadScenario } from '../../../electron/engine/scenarios/scenario-catalog';
import type { ParseReply } from '../../../electron/host/parse-worker/parse-jobs';

const repo = fileURLToPath(new URL('../../../', import.meta.url));
const builtins = new Set(builtinModules.flatMap((name) => [name, `node:${name}`]));

function requiresOf(code: string): string[] {
  return [...new Set([...code.matchAll(/require\(\s*["'`]([^"'`]+)["'`]\s*\)/g)].map((m) => m[1] ?? ''))];
}

/** Sends one job to a worker started from `file` and returns its reply. */
function runOnce(file: string, job: unknown): Promise<ParseReply> {
  const worker = new Worker(file);
  return new Promise<ParseReply>((resolve, reject) => {
    worker.on('error', reject);
    worker.on('message', (message: unknown) => {
      if (message === 'ready') worker.postMessage({ id: 7, job });
      else resolve(message as ParseReply);
    });
  }).finally(() => worker.terminate());
}

describe('the parse worker in the main bundle', () => {
  let out: string;
  beforeAll(async () => {
    out = mkdtempSync(path.join(tmpdir(), 'whfb-parse-worker-'));
    await build({
      configFile: path.join(repo, 'electron/vite.config.ts'),
      logLevel: 'error',
      build: { outDir: out },
    });
  }, 120_000);
  afterAll(() => rmSync(out, { recursive: true, force: true }));

  it('is built beside main.cjs, needs only built-ins, and main.cjs starts it from there', () => {
    const worker = readFileSync(path.join(out, 'parse-worker.cjs'), 'utf8');
    expect(requiresOf(worker).filter((name) => !builtins.has(name))).toEqual([]);
    expect(worker).not.toContain('import.meta');
    const main = readFileSync(path.join(out, 'main.cjs'), 'utf8');
    expect(main).toContain('./parse-worker.cjs');
  });

  it('reads a capture in its thread to the same report as this thread', async () => {
    const capture = loadScenario('expired-prt');
    const reply = await runOnce(path.join(out, 'parse-worker.cjs'), {
      kind: 'capture',
      text: serializeCapture(capture),
      fileName: 'expired-prt.json',
    });
    expect(reply.id).toBe(7);
    expect(reply.result.ok).toBe(true);
    if (!reply.result.ok || !('facts' in reply.result)) throw new Error('the worker sent no facts');
    const source = { kind: 'capture', file: 'expired-prt.json' } as const;
    const expected = diagnose(capture, source);
    const fromFacts = reportFromFacts(reply.result.facts, reply.result.capture, source);
    expect({ ...fromFacts, generatedAt: '' }).toEqual({ ...expected, generatedAt: '' });
  });
});
