// Benchmark (not a test): how long refusing a hostile file from outside takes, from the path to
// the one-line reason, through the same loader the command line uses. Prints numbers; run with
// `npx tsx bench/outside-files-bench.ts`.

import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { MAX_CAPTURE_BYTES } from '@contract/limits';
import { readCapture } from '../electron/engine/capture/read-capture';
import { createCapture, serializeCapture } from '../electron/engine/capture/write-capture';
import { loadScenario } from '../electron/engine/scenarios/scenario-catalog';
import { loadCaptureFile } from '../electron/host/files/load-capture-file';
import { formatSize } from '../electron/host/files/read-outside-file';
import { createParseWorkers } from '../electron/host/parse-worker/parse-workers';

const RUNS = 5;
const MB = 1024 * 1024;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

/** A capture of exactly `bytes` bytes whose dsregcmd output fills it, then `tail` before the end. */
function paddedCapture(bytes: number, tail = ''): string {
  const probe = {
    command: ['dsregcmd.exe', '/status'],
    exitCode: 0,
    stdout: '',
    stderr: '',
    durationMs: 1,
    error: null,
  };
  const empty = serializeCapture(createCapture({ 'dsregcmd-status': probe }, undefined, new Date(0)));
  const text = empty.replace('"stdout": ""', `"stdout": "${'x'.repeat(bytes - empty.length - tail.length)}"`);
  return tail ? text.replace(/\n}\n$/, `${tail}\n}\n`) : text;
}

async function timeLoad(file: string): Promise<{ ms: number; outcome: string }> {
  const times: number[] = [];
  let outcome = '';
  for (let run = 0; run < RUNS; run++) {
    const started = performance.now();
    const read = await loadCaptureFile(file);
    times.push(performance.now() - started);
    outcome = read.ok ? 'read' : read.reason;
  }
  return { ms: median(times), outcome };
}

async function main(): Promise<void> {
  const dir = mkdtempSync(path.join(tmpdir(), 'whfb-outside-bench-'));
  try {
    const cases: { name: string; file: string }[] = [];
    const add = (name: string, file: string, content: string | Buffer) => {
      writeFileSync(path.join(dir, file), content);
      cases.push({ name, file: path.join(dir, file) });
    };

    // 200 MB of real bytes on disk (not a sparse file): refused by fstat before a byte is read.
    add('200 MB capture file', 'huge.json', Buffer.alloc(200 * MB, 0x20));
    add(
      '100,000-level nested format',
      'deep.json',
      `{"format":${'['.repeat(100_000)}${']'.repeat(100_000)},"version":1}`,
    );
    add('20 MB of "[" (nesting)', 'brackets.json', '['.repeat(MAX_CAPTURE_BYTES - 16));
    add('20 MB format string', 'long-format.json', `{"format":"${'A'.repeat(MAX_CAPTURE_BYTES - 16)}"}`);
    add(
      '20 MB capture, duplicate field at the end',
      'duplicate.json',
      paddedCapture(MAX_CAPTURE_BYTES - 64, ',\n  "probes": {}'),
    );
    add(
      '20 MB capture, escapes only',
      'escapes.json',
      paddedCapture(MAX_CAPTURE_BYTES - 64).replace(/x{6}/g, '\\u0000'),
    );
    add('20 MB valid capture (baseline)', 'valid.json', paddedCapture(MAX_CAPTURE_BYTES - 64));
    const pipe = path.join(dir, 'pipe.json');
    execFileSync('mkfifo', [pipe]);
    cases.push({ name: 'named pipe', file: pipe }, { name: '/dev/zero', file: '/dev/zero' });

    console.log(
      `Files from outside: time from path to verdict (median of ${RUNS} runs, check --capture's loader)`,
    );
    console.log('case                                          size        ms   outcome');
    for (const { name, file } of cases) {
      const size = statSync(file).isFile() ? formatSize(statSync(file).size) : '-';
      const { ms, outcome } = await timeLoad(file);
      console.log(`${name.padEnd(44)} ${size.padStart(9)} ${ms.toFixed(1).padStart(9)}   ${outcome}`);
    }

    // The preview and the desktop app receive a capture as text: the same refusal without a
    // disk, in this thread and as the API reads it (in the parse worker, started beforehand).
    const nested = `{"format":${'['.repeat(100_000)}${']'.repeat(100_000)}}`;
    const inThread: number[] = [];
    for (let run = 0; run < RUNS; run++) {
      const started = performance.now();
      readCapture(nested);
      inThread.push(performance.now() - started);
    }
    const apiRow = (name: string, ms: number, outcome: string) =>
      console.log(`${name.padEnd(44)} ${'-'.padStart(9)} ${ms.toFixed(2).padStart(9)}   ${outcome}`);
    const nestedRead = readCapture(nested);
    apiRow(
      '100,000-level nested text (API, in thread)',
      median(inThread),
      nestedRead.ok ? 'read' : nestedRead.reason,
    );
    const workers = createParseWorkers();
    try {
      await workers.readCapture(serializeCapture(loadScenario('healthy-hybrid')), 'warm.json');
      const apiCases: Array<[string, string]> = [
        ['100,000-level nested text (API, worker)', nested],
        ['20 MB valid capture text (API, worker)', paddedCapture(MAX_CAPTURE_BYTES - 64)],
      ];
      for (const [name, text] of apiCases) {
        const times: number[] = [];
        let outcome = '';
        for (let run = 0; run < RUNS; run++) {
          const started = performance.now();
          const read = await workers.readCapture(text, 'bench.json');
          times.push(performance.now() - started);
          outcome = read.ok ? 'read and parsed' : read.reason;
        }
        apiRow(name, median(times), outcome);
      }
    } finally {
      await workers.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

void main();
