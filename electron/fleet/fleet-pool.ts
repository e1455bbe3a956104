// The fleet's worker pool (node:worker_threads): files go out in small batches to whichever
// worker is free, so a slow share or a large capture holds up one batch, not the run. Run from
// TypeScript (the CLI under tsx, the tests), each worker loads tsx's register API before the
// engine; from built JavaScript it loads the worker beside this file. A worker that dies lists
// its batch's files as unreadable and is replaced; the run goes on.

import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { oneLine } from '@contract/one-line';
import { type FleetBatch, type FleetBatchDone, summarizeBatch } from './fleet-worker-protocol';
import { type FleetFileResult, MAX_FLEET_FILE_BYTES, summarizeFleetFile } from './read-fleet-file';

/** Paths per message: small enough to balance the workers, large enough that messages cost nothing. */
const BATCH_SIZE = 16;
/** Batches queued per worker, so it never waits for the next one. */
const BATCHES_IN_FLIGHT = 2;
/** A worker's heap: one capture at the size limit fits many times over. */
const WORKER_HEAP_MB = 256;
/**
 * A worker's young generation (V8's default is 32 MB here). What a file leaves behind dies young,
 * so half of it collects as cheaply and keeps each worker about 12 MB smaller at its peak
 * (bench/fleet-bench.ts: the same CPU time per capture at 16 MB; 8 MB costs more collections).
 */
const WORKER_YOUNG_MB = 16;

export interface FleetPoolOptions {
  /** Threads; 0 reads in this thread (no workers). */
  workers: number;
  maxBytes?: number;
}

export type FleetResultHandler = (path: string, result: FleetFileResult) => void;

export interface FleetPool {
  /** Summarizes every path; results arrive as batches finish, in no fixed order. */
  run(paths: readonly string[], onResult: FleetResultHandler): Promise<void>;
  close(): Promise<void>;
}

// Evaluated as the worker's main script (CommonJS): registers tsx when the entry is TypeScript.
const BOOTSTRAP = `
const { workerData } = require('node:worker_threads');
(async () => {
  if (workerData.tsx) (await import(workerData.tsx)).register();
  await import(workerData.entry);
})();
`;

interface WorkerLaunch {
  entry: string;
  tsx: string | null;
}

function workerLaunch(): WorkerLaunch {
  const here = import.meta.url;
  if (!here.endsWith('.ts')) return { entry: new URL('./fleet-worker.js', here).href, tsx: null };
  const tsx = pathToFileURL(createRequire(here).resolve('tsx/esm/api')).href;
  return { entry: new URL('./fleet-worker.ts', here).href, tsx };
}

function batchesOf(paths: readonly string[], maxBytes: number): FleetBatch[] {
  const batches: FleetBatch[] = [];
  for (let start = 0; start < paths.length; start += BATCH_SIZE) {
    batches.push({ id: batches.length, paths: paths.slice(start, start + BATCH_SIZE), maxBytes });
  }
  return batches;
}

function lost(reason: string): FleetFileResult {
  return { ok: false, reason: oneLine(`not read: ${reason}`), lasting: false };
}

/** Reads in this thread: the same batches, without workers. */
function inThreadPool(maxBytes: number): FleetPool {
  return {
    async run(paths, onResult) {
      for (const batch of batchesOf(paths, maxBytes)) {
        const done = await summarizeBatch(batch, summarizeFleetFile);
        for (const [index, path] of batch.paths.entries())
          onResult(path, done.results[index] ?? lost('no result'));
      }
    },
    async close() {},
  };
}

interface Slot {
  worker: Worker;
  busy: Map<number, FleetBatch>;
}

/** Workers that ended between runs (nobody listening then) are noticed at the next run. */
const ended = new WeakSet<Worker>();

function slotFor(worker: Worker): Slot {
  worker.once('exit', () => ended.add(worker));
  // An error while no run listens must not end the process: the exit that follows is noticed.
  worker.on('error', () => {});
  return { worker, busy: new Map() };
}

/** Starts one worker and resolves when its engine is loaded. */
function startWorker(launch: WorkerLaunch): Promise<Worker> {
  const worker = new Worker(BOOTSTRAP, {
    eval: true,
    workerData: launch,
    execArgv: [],
    resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB, maxYoungGenerationSizeMb: WORKER_YOUNG_MB },
  });
  return new Promise((resolve, reject) => {
    const onError = (error: Error) => reject(error);
    const onExit = (code: number) =>
      reject(new Error(`the worker stopped while starting (exit code ${code})`));
    worker.once('error', onError);
    worker.once('exit', onExit);
    worker.once('message', () => {
      worker.off('error', onError);
      worker.off('exit', onExit);
      resolve(worker);
    });
  });
}

/** What a pool of workers keeps between runs. */
interface WorkerPoolState {
  launch: WorkerLaunch;
  maxBytes: number;
  slots: Slot[];
  /** Replacements for workers that die mid-run, at most as many as were started. */
  restarts: number;
}

/** One run over the pool's workers: batches out, results back, dead workers replaced. */
class PoolRun {
  private readonly queue: FleetBatch[];
  private remaining: number;
  /** This run's listeners, removed when it ends so that the next run starts clean. */
  private readonly detachers: (() => void)[] = [];

  constructor(
    private readonly state: WorkerPoolState,
    paths: readonly string[],
    private readonly onResult: FleetResultHandler,
    private readonly resolve: () => void,
  ) {
    this.queue = batchesOf(paths, state.maxBytes);
    this.remaining = this.queue.length;
  }

  start(): void {
    if (this.remaining === 0) {
      this.resolve();
      return;
    }
    const { slots } = this.state;
    for (const slot of slots.filter((s) => ended.has(s.worker))) slots.splice(slots.indexOf(slot), 1);
    for (const slot of slots) this.attach(slot);
    if (slots.length === 0) this.replace();
  }

  private finish(batch: FleetBatch, results: readonly FleetFileResult[]): void {
    for (const [index, path] of batch.paths.entries())
      this.onResult(path, results[index] ?? lost('no result'));
    this.remaining--;
    if (this.remaining > 0) return;
    for (const detach of this.detachers.splice(0)) detach();
    this.resolve();
  }

  private feed(slot: Slot): void {
    while (slot.busy.size < BATCHES_IN_FLIGHT && this.queue.length > 0) {
      const batch = this.queue.shift() as FleetBatch;
      slot.busy.set(batch.id, batch);
      slot.worker.postMessage(batch);
    }
  }

  private gone(slot: Slot, why: string): void {
    const index = this.state.slots.indexOf(slot);
    if (index < 0) return;
    this.state.slots.splice(index, 1);
    const orphans = [...slot.busy.values()];
    slot.busy.clear();
    for (const batch of orphans) {
      this.finish(
        batch,
        batch.paths.map(() => lost(`the reader thread stopped (${why})`)),
      );
    }
    this.replace();
  }

  private attach(slot: Slot): void {
    const onMessage = (done: FleetBatchDone) => {
      const batch = slot.busy.get(done.id);
      if (!batch) return;
      slot.busy.delete(done.id);
      this.finish(batch, done.results);
      this.feed(slot);
    };
    const onError = (error: Error) => this.gone(slot, error.message);
    const onExit = (code: number) => this.gone(slot, `exit code ${code}`);
    slot.worker.on('message', onMessage);
    slot.worker.on('error', onError);
    slot.worker.on('exit', onExit);
    this.detachers.push(() => {
      slot.worker.off('message', onMessage);
      slot.worker.off('error', onError);
      slot.worker.off('exit', onExit);
    });
    this.feed(slot);
  }

  private replace(): void {
    if (this.queue.length === 0) return;
    if (this.state.restarts <= 0) {
      if (this.state.slots.length > 0) return;
      for (const batch of this.queue.splice(0)) {
        this.finish(
          batch,
          batch.paths.map(() => lost('no reader thread is left')),
        );
      }
      return;
    }
    this.state.restarts--;
    startWorker(this.state.launch).then(
      (worker) => {
        const slot = slotFor(worker);
        this.state.slots.push(slot);
        this.attach(slot);
      },
      () => this.replace(),
    );
  }
}

/** Starts the workers; at least one must start. */
async function startWorkers(launch: WorkerLaunch, count: number): Promise<Worker[]> {
  const started = await Promise.allSettled(Array.from({ length: count }, () => startWorker(launch)));
  const workers = started.flatMap((s) => (s.status === 'fulfilled' ? [s.value] : []));
  const failure = started.find((s) => s.status === 'rejected');
  if (workers.length === 0) {
    throw new Error(oneLine(`the fleet workers could not start: ${String(failure?.reason)}`));
  }
  return workers;
}

export async function createFleetPool(options: FleetPoolOptions): Promise<FleetPool> {
  const maxBytes = options.maxBytes ?? MAX_FLEET_FILE_BYTES;
  if (options.workers <= 0) return inThreadPool(maxBytes);
  const launch = workerLaunch();
  const workers = await startWorkers(launch, options.workers);
  const state: WorkerPoolState = { launch, maxBytes, slots: workers.map(slotFor), restarts: options.workers };
  return {
    run: (paths, onResult) =>
      new Promise<void>((resolve) => new PoolRun(state, paths, onResult, resolve).start()),
    async close() {
      await Promise.all(state.slots.splice(0).map((slot) => slot.worker.terminate()));
    },
  };
}
