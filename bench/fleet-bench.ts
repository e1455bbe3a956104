// Benchmark (not a test): the fleet command over 10,000 gzipped captures made from the practice
// scenarios (each its own device, 5% of them a second, newer capture of a device), with 1 and 2
// worker threads, then the cached re-run and a re-run after 1% of the files changed. Prints
// captures per second, peak memory (resident set of the whole process, workers included) and
// times; the targets are printed beside the numbers, met or not. The captures are made by a
// child process (this file with --generate-into), so the process measured holds what the fleet
// runs hold and not what making 10,000 gzipped files left behind.
// Run: npx tsx bench/fleet-bench.ts [--captures N]

import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, utimesSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import type { Capture, ProbeOutputs, ProbeResult } from '@contract/types';
import { serializeCapture } from '../electron/engine/capture/write-capture';
import { loadScenario, SCENARIOS } from '../electron/engine/scenarios/scenario-catalog';
import { openFleetCache } from '../electron/fleet/fleet-cache';
import { createFleetPool } from '../electron/fleet/fleet-pool';
import type { FleetResult } from '../electron/fleet/fleet-result';
import { runFleet } from '../electron/fleet/run-fleet';

const TARGET_RATE = 1000;
const TARGET_CACHED_MS = 2000;
const TARGET_PEAK_MB = 300;
const FILES_PER_FOLDER = 100;
const DUPLICATE_SHARE = 0.05;
const CHANGED_SHARE = 0.01;
const SAMPLE_MS = 20;

const { values } = parseArgs({
  options: {
    captures: { type: 'string', default: '10000' },
    // Internal: the child process that writes the captures.
    'generate-into': { type: 'string' },
  },
});
const COUNT = Number(values.captures);
if (!Number.isInteger(COUNT) || COUNT < 1)
  throw new Error(`--captures: expected a whole number, got ${values.captures}`);

// What the scenarios name, replaced per generated device.
const DEVICE_IDS = ['8d2f6c41-3b7e-4a90-b1c5-6e0d9a27f318', 'b3e8a07d-91c4-4f2e-a6d5-7c10e49b2f86'];
const DEVICE_NAMES = ['PC-0142', 'PC-0177'];

function deviceId(n: number): string {
  return `0000f1ee-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;
}

function vary(capture: Capture, device: number, minutes: number): Capture {
  const replace = (text: string) => {
    let out = text;
    for (const id of DEVICE_IDS) out = out.split(id).join(deviceId(device));
    for (const name of DEVICE_NAMES) out = out.split(name).join(`PC-${String(device).padStart(5, '0')}`);
    return out;
  };
  const probes: ProbeOutputs = {};
  for (const [id, probe] of Object.entries(capture.probes) as [keyof ProbeOutputs, ProbeResult][]) {
    probes[id] = { ...probe, stdout: replace(probe.stdout) };
  }
  const capturedAt = new Date(Date.parse(capture.capturedAt) + minutes * 60_000).toISOString();
  return { ...capture, capturedAt, probes };
}

/** The i-th generated file and its device: the last 5% are later captures of devices already in the folder. */
function generatedFile(
  root: string,
  i: number,
  count: number,
): { file: string; device: number; later: boolean } {
  const devices = Math.ceil(count * (1 - DUPLICATE_SHARE));
  const later = i >= devices;
  const device = later ? i - devices : i;
  const folder = path.join(root, `site-${String(Math.floor(i / FILES_PER_FOLDER)).padStart(3, '0')}`);
  return { file: path.join(folder, `PC-${String(device).padStart(5, '0')}-${i}.json.gz`), device, later };
}

async function generate(root: string, count: number): Promise<void> {
  const bases = SCENARIOS.map((scenario) => loadScenario(scenario.name));
  const writes: Promise<void>[] = [];
  for (let i = 0; i < count; i++) {
    const { file, device, later } = generatedFile(root, i, count);
    const capture = vary(bases[i % bases.length] as Capture, device, later ? 60 : 0);
    if (i % FILES_PER_FOLDER === 0) mkdirSync(path.dirname(file), { recursive: true });
    writes.push(writeFile(file, gzipSync(serializeCapture(capture))));
    if (writes.length >= 64) await Promise.all(writes.splice(0));
  }
  await Promise.all(writes);
}

interface Phase {
  ms: number;
  /** CPU time of the whole process (every thread): with cpuMs / ms, how many cores it got. */
  cpuMs: number;
  peakMb: number;
  /** Only the counts are kept: the bench holding every phase's rows would be memory of its own. */
  counts: FleetResult['counts'];
}

/** Runs one fleet pass, sampling the process's resident memory. */
async function phase(root: string, db: string, workers: number): Promise<Phase> {
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, SAMPLE_MS);
  const opened = await openFleetCache(db);
  if (!opened.ok) throw new Error(opened.reason);
  const started = performance.now();
  const cpu = process.cpuUsage();
  try {
    const result = await runFleet({
      paths: [root],
      cache: opened.cache,
      pool: () => createFleetPool({ workers }),
    });
    const ms = performance.now() - started;
    const used = process.cpuUsage(cpu);
    peak = Math.max(peak, process.memoryUsage().rss);
    return { ms, cpuMs: (used.user + used.system) / 1000, peakMb: peak / 1024 / 1024, counts: result.counts };
  } finally {
    clearInterval(timer);
    opened.cache.close();
  }
}

const fmt = (n: number, digits = 0) => n.toFixed(digits);
const verdict = (ok: boolean) => (ok ? 'met' : 'MISSED');

function report(label: string, run: Phase, count: number): void {
  const rate = (run.counts.read / run.ms) * 1000;
  const { read, cached, unreadable, devices } = run.counts;
  const perCapture = read > 0 ? `${fmt(run.cpuMs / read, 2)} ms CPU per capture` : 'nothing read';
  console.log(
    `${label.padEnd(34)} ${fmt(run.ms).padStart(7)} ms  ${fmt(rate).padStart(6)} captures/s  ` +
      `peak ${fmt(run.peakMb).padStart(4)} MB  cores used ${fmt(run.cpuMs / run.ms, 2)}  ${perCapture}  ` +
      `(read ${read}, cached ${cached}, unreadable ${unreadable}, ${devices} devices of ${count} files)`,
  );
}

async function main(): Promise<void> {
  const root = mkdtempSync(path.join(tmpdir(), 'whfb-fleet-bench-'));
  const dbs = mkdtempSync(path.join(tmpdir(), 'whfb-fleet-db-'));
  try {
    console.log(
      `fleet bench: ${COUNT} gzipped captures, ${availableParallelism()} cores, load average ${loadavg()
        .map((n) => n.toFixed(1))
        .join(' ')}`,
    );
    let started = performance.now();
    execFileSync(
      process.execPath,
      [...process.execArgv, import.meta.filename, '--captures', String(COUNT), '--generate-into', root],
      { stdio: 'inherit' },
    );
    const files = Array.from({ length: COUNT }, (_, i) => generatedFile(root, i, COUNT).file);
    console.log(
      `generated in ${fmt(performance.now() - started)} ms (by a child process); this process now ` +
        `${fmt(process.memoryUsage().rss / 1024 / 1024)} MB`,
    );

    started = performance.now();
    const pool = await createFleetPool({ workers: 2 });
    console.log(`2 workers started (tsx register + engine loaded) in ${fmt(performance.now() - started)} ms`);
    await pool.close();

    const one = await phase(root, path.join(dbs, 'one.db'), 1);
    report('first run, 1 worker', one, COUNT);
    const two = await phase(root, path.join(dbs, 'two.db'), 2);
    report('first run, 2 workers', two, COUNT);
    const cached = await phase(root, path.join(dbs, 'two.db'), 2);
    report('second run, cached', cached, COUNT);

    const changed = files.filter((_, i) => i % Math.round(1 / CHANGED_SHARE) === 0);
    const later = Date.now() / 1000 + 60;
    for (const file of changed) utimesSync(file, later, later);
    const partly = await phase(root, path.join(dbs, 'two.db'), 2);
    report(`re-run after ${changed.length} files changed`, partly, COUNT);

    // The cached re-run as a person runs it: a new process, tsx start-up included.
    started = performance.now();
    execFileSync(
      process.execPath,
      [
        ...process.execArgv,
        path.join(import.meta.dirname, '..', 'electron', 'cli', 'cli.ts'),
        'fleet',
        root,
        '--db',
        path.join(dbs, 'two.db'),
        '--csv',
      ],
      { stdio: ['ignore', 'ignore', 'ignore'] },
    );
    const commandMs = performance.now() - started;
    console.log(`${'cached re-run, whole command'.padEnd(34)} ${fmt(commandMs).padStart(7)} ms`);

    const rate2 = (two.counts.read / two.ms) * 1000;
    // The sampled peaks, and the kernel's high-water mark of this process over its whole life
    // (every thread, start-up included; it also catches a peak between two samples).
    const highWaterMb = process.resourceUsage().maxRSS / 1024;
    const peak = Math.max(one.peakMb, two.peakMb, cached.peakMb, partly.peakMb, highWaterMb);
    console.log('');
    console.log(
      `target ≥ ${TARGET_RATE} captures/s with 2 workers: ${fmt(rate2)} (${verdict(rate2 >= TARGET_RATE)})`,
    );
    // On a shared machine the run may get less than both cores; what its CPU time per capture
    // would give with both is printed beside it, marked as not measured.
    const cores = two.cpuMs / two.ms;
    if (cores < 1.8) {
      const cpuPerCapture = two.cpuMs / two.counts.read;
      console.log(
        `  this run got ${fmt(cores, 2)} of 2 cores (load average ${loadavg()[0]?.toFixed(1)}); at 2 cores its ` +
          `${fmt(cpuPerCapture, 2)} ms CPU per capture would give about ${fmt(2000 / cpuPerCapture)} captures/s (not measured)`,
      );
    }
    console.log(
      `target < ${TARGET_CACHED_MS} ms cached re-run: ${fmt(cached.ms)} in process, ${fmt(commandMs)} as a command ` +
        `(${verdict(cached.ms < TARGET_CACHED_MS)} / ${verdict(commandMs < TARGET_CACHED_MS)})`,
    );
    console.log(
      `target < ${TARGET_PEAK_MB} MB: peak ${fmt(peak)} MB, the process's high-water mark ${fmt(highWaterMb)} MB ` +
        `(${verdict(peak < TARGET_PEAK_MB)})`,
    );
  } finally {
    rmSync(root, { recursive: true, force: true });
    rmSync(dbs, { recursive: true, force: true });
  }
}

if (values['generate-into'] !== undefined) await generate(values['generate-into'], COUNT);
else await main();
