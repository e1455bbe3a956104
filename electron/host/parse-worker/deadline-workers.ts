// Worker threads that run one job each under a deadline, for any job a worker entry serves:
// the host's parse worker (captures, pasted outputs) and the fleet's text worker (the fleet
// view's batches, report files) use the same threads-and-deadline code with entries of their own.
// A job that runs past the deadline ends its worker and comes back as not done, with why.
//
// An entry runs from TypeScript (the CLI and the preview under tsx, the tests under vitest): the
// worker registers tsx's API and imports it; from the desktop app's bundle it is a .cjs file
// beside main.cjs (electron/vite.config.ts). A worker is started for a job, kept (unreferenced,
// so it never holds the process open) for the next one, and ended on a timeout or error.

import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { oneLine } from '@contract/one-line';

/** How long a worker may take to start (loading the engine under tsx is the slow case). */
const START_TIMEOUT_MS = 60_000;
/** A worker's heap: a capture at the size limit fits many times over. */
const WORKER_HEAP_MB = 256;
/** Started workers kept for the next job. */
const IDLE_WORKERS = 1;

/** The message the host sends: one job. */
export interface JobRequest<J> {
  id: number;
  job: J;
}

/** The message the worker sends back. */
export interface JobReply<R> {
  id: number;
  result: R;
}

/** A job's result, or why there is none: the deadline (`timedOut`), or the thread's trouble. */
export type JobAnswer<R> = { done: true; result: R } | { done: false; timedOut: boolean; reason: string };

export interface DeadlineWorkerOptions {
  /** The worker's entry module: a .ts file run through tsx, or a built .cjs file. */
  entry: URL;
  deadlineMs: number;
  /** Jobs at once; more wait their turn (the deadline starts when a job starts). */
  maxWorkers: number;
}

export interface DeadlineWorkers<J, R> {
  run(job: J): Promise<JobAnswer<R>>;
  /** Ends every worker; jobs still running come back as not done. */
  close(): Promise<void>;
}

/**
 * A worker entry beside the calling module: `source` (a .ts file) when that module runs from
 * TypeScript, `bundled` (a .cjs file beside main.cjs) in the desktop app's bundle. Both are
 * written out in full by the caller, so the bundle names its worker file as it is. `here` is the caller's own URL: in the
 * CommonJS bundle import.meta is empty, so callers take it from their own __filename when there
 * is one (`typeof __filename === 'string' ? pathToFileURL(__filename).href : import.meta.url`,
 * `here` a variable so that Vite does not take new URL(..., import.meta.url) for an asset).
 */
export function workerEntry(here: string, source: string, bundled: string): URL {
  return new URL(here.endsWith('.ts') ? source : bundled, here);
}

// Evaluated as the worker's main script (CommonJS): registers tsx, then loads the TypeScript entry.
const BOOTSTRAP = `
const { workerData } = require('node:worker_threads');
(async () => {
  (await import(workerData.tsx)).register();
  await import(workerData.entry);
})();
`;

interface Launch {
  script: string;
  eval: boolean;
  workerData: { entry: string; tsx: string } | null;
}

function launchOf(entry: URL): Launch {
  if (!entry.pathname.endsWith('.ts')) return { script: fileURLToPath(entry), eval: false, workerData: null };
  const tsx = pathToFileURL(createRequire(entry).resolve('tsx/esm/api')).href;
  return { script: BOOTSTRAP, eval: true, workerData: { entry: entry.href, tsx } };
}

function startWorker(launch: Launch): Promise<Worker> {
  const worker = new Worker(launch.script, {
    eval: launch.eval,
    workerData: launch.workerData,
    execArgv: [],
    resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB },
  });
  // An error while nobody listens (an idle worker) must not end the process.
  worker.on('error', () => {});
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      void worker.terminate();
      reject(new Error(`it did not start in ${START_TIMEOUT_MS / 1000} s`));
    }, START_TIMEOUT_MS);
    const settle = () => {
      clearTimeout(timer);
      worker.off('error', onError);
      worker.off('exit', onExit);
      worker.off('message', onReady);
    };
    const onError = (error: Error) => {
      settle();
      reject(error);
    };
    const onExit = (code: number) => {
      settle();
      reject(new Error(`it stopped while starting (exit code ${code})`));
    };
    const onReady = () => {
      settle();
      resolve(worker);
    };
    worker.once('error', onError);
    worker.once('exit', onExit);
    worker.once('message', onReady);
  });
}

/** "1 s", "2.5 s". */
export const seconds = (ms: number): string => `${Number((ms / 1000).toFixed(1))} s`;

/** At most `max` jobs at once; the others wait their turn, in order. */
function createSlots(max: number): { enter: () => Promise<void>; leave: () => void } {
  const waiting: Array<() => void> = [];
  let running = 0;
  return {
    async enter() {
      if (running < max) {
        running += 1;
        return;
      }
      await new Promise<void>((resolve) => waiting.push(resolve));
    },
    // Hands the place to the next waiting job, if any.
    leave() {
      const next = waiting.shift();
      if (next) next();
      else running -= 1;
    },
  };
}

/** Sends one request and waits for its answer, the deadline, or the worker's end. */
function askWorker<J, R>(worker: Worker, request: JobRequest<J>, deadlineMs: number): Promise<JobAnswer<R>> {
  return new Promise<JobAnswer<R>>((resolve) => {
    const finish = (answer: JobAnswer<R>) => {
      clearTimeout(timer);
      worker.off('message', onMessage);
      worker.off('error', onError);
      worker.off('exit', onExit);
      resolve(answer);
    };
    const timer = setTimeout(
      () => finish({ done: false, timedOut: true, reason: `took longer than ${seconds(deadlineMs)}` }),
      deadlineMs,
    );
    const onMessage = (reply: JobReply<R>) => {
      if (reply.id === request.id) finish({ done: true, result: reply.result });
    };
    const stopped = (why: string) =>
      finish({ done: false, timedOut: false, reason: oneLine(`the reader thread stopped (${why})`) });
    const onError = (error: Error) => stopped(error.message);
    const onExit = (code: number) => stopped(`exit code ${code}`);
    worker.on('message', onMessage);
    worker.on('error', onError);
    worker.on('exit', onExit);
    worker.postMessage(request);
  });
}

export function createDeadlineWorkers<J, R>(options: DeadlineWorkerOptions): DeadlineWorkers<J, R> {
  const { deadlineMs } = options;
  const slots = createSlots(Math.max(1, options.maxWorkers));
  const launch = launchOf(options.entry);
  const idle: Worker[] = [];
  const busy = new Set<Worker>();
  let nextId = 0;
  let closed = false;

  const take = async (): Promise<Worker> => {
    const worker = idle.pop();
    if (worker) {
      worker.ref();
      return worker;
    }
    const started = await startWorker(launch);
    // A kept worker that ends (out of memory, killed) is not handed out again.
    started.once('exit', () => {
      const index = idle.indexOf(started);
      if (index >= 0) idle.splice(index, 1);
    });
    return started;
  };
  const keep = (worker: Worker): void => {
    if (closed || idle.length >= IDLE_WORKERS) {
      void worker.terminate();
      return;
    }
    worker.unref();
    idle.push(worker);
  };

  const run = async (job: J): Promise<JobAnswer<R>> => {
    if (closed) return { done: false, timedOut: false, reason: 'the reader is closed' };
    await slots.enter();
    try {
      let worker: Worker;
      try {
        worker = await take();
      } catch (error) {
        const why = error instanceof Error ? error.message : String(error);
        return { done: false, timedOut: false, reason: oneLine(`the reader thread did not start (${why})`) };
      }
      busy.add(worker);
      const answer = await askWorker<J, R>(worker, { id: nextId++, job }, deadlineMs);
      busy.delete(worker);
      if (answer.done) keep(worker);
      else void worker.terminate();
      return answer;
    } finally {
      slots.leave();
    }
  };

  return {
    run,
    async close() {
      closed = true;
      await Promise.all([...idle.splice(0), ...busy].map((worker) => worker.terminate()));
    },
  };
}
