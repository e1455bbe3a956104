// The fleet's worker pool (node:worker_threads): files go out in small batches to whichever
// worker is free, so a slow share or a large capture holds up one batch, not the run. Run from
// TypeScript (the CLI under tsx, the tests), each worker loads tsx's register API before the
// engine; from built JavaScript it loads the worker beside this file. A worker that dies lists
// its batch's files as unreadable and is replaced; the run goes on.

import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { oneLine } from '../engine/files/one-line';
import { type FleetBatch, type FleetBatchDone, summarizeBatch } from './fleet-worker-protocol';
import { type FleetFileResult, MAX_FLEET_FILE_BYTES, summarizeFleetFile } from './read-fleet-file';

/** Paths per message: small enough to balance the workers, large enough that messages cost nothing. */
const BATCH_SIZE = 16;
/** Batches queued per worker, so it never waits for the next one. */
const BATCHES_IN_FLIGHT = 2;
/** A worker's heap: one capture at the size limit fits many times over. */
const WORKER_HEAP_MB = 256;

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
    resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB },
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

export async function createFleetPool(options: FleetPoolOptions): Promise<FleetPool> {
  const maxBytes = options.maxBytes ?? MAX_FLEET_FILE_BYTES;
  if (options.workers <= 0) return inThreadPool(maxBytes);
  const launch = workerLaunch();
  const started = await Promise.allSettled(
    Array.from({ length: options.workers }, () => startWorker(launch)),
  );
  const workers = started.flatMap((s) => (s.status === 'fulfilled' ? [s.value] : []));
  const failure = started.find((s) => s.status === 'rejected');
  if (workers.length === 0) {
    throw new Error(oneLine(`the fleet workers could not start: ${String(failure?.reason)}`));
  }
  // Replacements for workers that die mid-run, at most as many as were started.
  let restarts = options.workers;
  const slots: Slot[] = workers.map(slotFor);

  return {
    run(paths, onResult) {
      const queue = batchesOf(paths, maxBytes);
      let remaining = queue.length;
      if (remaining === 0) return Promise.resolve();
      return new Promise<void>((resolve) => {
        // This run's listeners, removed when it ends so that the next run starts clean.
        const detachers: (() => void)[] = [];
        const finish = (batch: FleetBatch, results: readonly FleetFileResult[]) => {
          for (const [index, path] of batch.paths.entries())
            onResult(path, results[index] ?? lost('no result'));
          remaining--;
          if (remaining > 0) return;
          for (const detach of detachers.splice(0)) detach();
          resolve();
        };
        const feed = (slot: Slot) => {
          while (slot.busy.size < BATCHES_IN_FLIGHT && queue.length > 0) {
            const batch = queue.shift() as FleetBatch;
            slot.busy.set(batch.id, batch);
            slot.worker.postMessage(batch);
          }
        };
        const gone = (slot: Slot, why: string) => {
          const index = slots.indexOf(slot);
          if (index < 0) return;
          slots.splice(index, 1);
          const orphans = [...slot.busy.values()];
          slot.busy.clear();
          for (const batch of orphans) {
            finish(
              batch,
              batch.paths.map(() => lost(`the reader thread stopped (${why})`)),
            );
          }
          replace();
        };
        const attach = (slot: Slot) => {
          const onMessage = (done: FleetBatchDone) => {
            const batch = slot.busy.get(done.id);
            if (!batch) return;
            slot.busy.delete(done.id);
            finish(batch, done.results);
            feed(slot);
          };
          const onError = (error: Error) => gone(slot, error.message);
          const onExit = (code: number) => gone(slot, `exit code ${code}`);
          slot.worker.on('message', onMessage);
          slot.worker.on('error', onError);
          slot.worker.on('exit', onExit);
          detachers.push(() => {
            slot.worker.off('message', onMessage);
            slot.worker.off('error', onError);
            slot.worker.off('exit', onExit);
          });
          feed(slot);
        };
        const replace = () => {
          if (queue.length === 0) return;
          if (restarts <= 0) {
            if (slots.length > 0) return;
            for (const batch of queue.splice(0)) {
              finish(
                batch,
                batch.paths.map(() => lost('no reader thread is left')),
              );
            }
            return;
          }
          restarts--;
          startWorker(launch).then(
            (worker) => {
              const slot = slotFor(worker);
              slots.push(slot);
              attach(slot);
            },
            () => replace(),
          );
        };
        for (const slot of slots.filter((s) => ended.has(s.worker))) slots.splice(slots.indexOf(slot), 1);
        for (const slot of slots) attach(slot);
        if (slots.length === 0) replace();
      });
    },
    async close() {
      await Promise.all(slots.splice(0).map((slot) => slot.worker.terminate()));
    },
  };
}
