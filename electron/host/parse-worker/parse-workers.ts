// Text from outside (a capture file, an administrator's pasted output) is read in a worker
// thread under a deadline, so the thread that answers the window (Electron's main process) or
// every client (the preview server) never waits on it: a read that runs past the deadline ends
// its worker and comes back as "took longer than N s; not read". The parsers are linear and
// cut text over their budgets; the deadline is the bound that holds even if one is not.
//
// Launched as the fleet launches its workers (electron/fleet/fleet-pool.ts): from TypeScript
// (the CLI and the preview under tsx, the tests under vitest) the worker registers tsx's API
// and imports parse-worker.ts; from the desktop app's bundle it runs parse-worker.cjs, built
// beside main.cjs (electron/vite.config.ts). A worker is started for a job, kept (unreferenced,
// so it never holds the process open) for the next one, and ended on a timeout or error.

import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { oneLine } from '@contract/one-line';
import type {
  AdminOutputRead,
  CaptureRead,
  ParseJob,
  ParseJobResult,
  ParseReply,
  ParseRequest,
} from './parse-jobs';

/** How long one read may take. A real capture takes a few milliseconds; one at the size limit with every output over its budget, under a second. */
export const DEFAULT_PARSE_DEADLINE_MS = 10_000;
/** How long a worker may take to start (loading the engine under tsx is the slow case). */
const START_TIMEOUT_MS = 60_000;
/** A worker's heap: a capture at the size limit fits many times over. */
const WORKER_HEAP_MB = 256;
/** Reads at once; more wait their turn (the deadline starts when a read starts). */
const DEFAULT_MAX_WORKERS = 2;
/** Started workers kept for the next read. */
const IDLE_WORKERS = 1;

export interface ParseWorkerOptions {
  deadlineMs?: number;
  maxWorkers?: number;
  /**
   * The worker's entry module; parse-worker itself unless given. Tests give a TypeScript entry
   * of their own that wraps the jobs (a slow parser), to see the deadline fire.
   */
  entry?: URL;
}

export interface ParseWorkers {
  readCapture(text: string, fileName: string): Promise<CaptureRead>;
  readAdminOutput(text: string): Promise<AdminOutputRead>;
  /** Ends every worker; reads still running come back as not read. */
  close(): Promise<void>;
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

function launchOf(entry: URL | undefined): Launch {
  // In the desktop app's CommonJS bundle import.meta is empty and __filename is main.cjs; from
  // TypeScript this module is ESM. `here` is a variable so that Vite does not take
  // new URL(..., import.meta.url) for an asset.
  const here = typeof __filename === 'string' ? pathToFileURL(__filename).href : import.meta.url;
  const fromSource = here.endsWith('.ts');
  const target = entry ?? new URL(fromSource ? './parse-worker.ts' : './parse-worker.cjs', here);
  if (!target.pathname.endsWith('.ts'))
    return { script: fileURLToPath(target), eval: false, workerData: null };
  const tsx = pathToFileURL(createRequire(here).resolve('tsx/esm/api')).href;
  return { script: BOOTSTRAP, eval: true, workerData: { entry: target.href, tsx } };
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

const seconds = (ms: number): string => `${Number((ms / 1000).toFixed(1))} s`;

/** At most `max` reads at once; the others wait their turn, in order. */
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
    // Hands the place to the next waiting read, if any.
    leave() {
      const next = waiting.shift();
      if (next) next();
      else running -= 1;
    },
  };
}

interface WorkerAnswer {
  result: ParseJobResult;
  /** False when the worker ran out of time or stopped: it is not handed out again. */
  reuse: boolean;
}

/** Sends one request and waits for its answer, the deadline, or the worker's end. */
function askWorker(worker: Worker, request: ParseRequest, deadlineMs: number): Promise<WorkerAnswer> {
  return new Promise<WorkerAnswer>((resolve) => {
    const finish = (result: ParseJobResult, reuse: boolean) => {
      clearTimeout(timer);
      worker.off('message', onMessage);
      worker.off('error', onError);
      worker.off('exit', onExit);
      resolve({ result, reuse });
    };
    const timer = setTimeout(
      () => finish({ ok: false, reason: `took longer than ${seconds(deadlineMs)}; not read` }, false),
      deadlineMs,
    );
    const onMessage = (reply: ParseReply) => {
      if (reply.id === request.id) finish(reply.result, true);
    };
    const onError = (error: Error) =>
      finish(
        { ok: false, reason: oneLine(`was not read: the reader thread stopped (${error.message})`) },
        false,
      );
    const onExit = (code: number) =>
      finish({ ok: false, reason: `was not read: the reader thread stopped (exit code ${code})` }, false);
    worker.on('message', onMessage);
    worker.on('error', onError);
    worker.on('exit', onExit);
    worker.postMessage(request);
  });
}

export function createParseWorkers(options: ParseWorkerOptions = {}): ParseWorkers {
  const deadlineMs = options.deadlineMs ?? DEFAULT_PARSE_DEADLINE_MS;
  const slots = createSlots(Math.max(1, options.maxWorkers ?? DEFAULT_MAX_WORKERS));
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

  const run = async (job: ParseJob): Promise<ParseJobResult> => {
    if (closed) return { ok: false, reason: 'was not read: the reader is closed' };
    await slots.enter();
    try {
      let worker: Worker;
      try {
        worker = await take();
      } catch (error) {
        const why = error instanceof Error ? error.message : String(error);
        return { ok: false, reason: oneLine(`was not read: the reader thread did not start (${why})`) };
      }
      busy.add(worker);
      const answer = await askWorker(worker, { id: nextId++, job }, deadlineMs);
      busy.delete(worker);
      if (answer.reuse) keep(worker);
      else void worker.terminate();
      return answer.result;
    } finally {
      slots.leave();
    }
  };

  return {
    readCapture: (text, fileName) => run({ kind: 'capture', text, fileName }) as Promise<CaptureRead>,
    readAdminOutput: (text) => run({ kind: 'admin-output', text }) as Promise<AdminOutputRead>,
    async close() {
      closed = true;
      await Promise.all([...idle.splice(0), ...busy].map((worker) => worker.terminate()));
    },
  };
}

let shared: ParseWorkers | undefined;

/** The process's readers, started on first use. */
function sharedWorkers(): ParseWorkers {
  shared ??= createParseWorkers();
  return shared;
}

/**
 * Sets the readers the process uses from now on and returns the ones it used; a test gives
 * readers with a slow worker of its own to see the deadline fire through the API.
 */
export function replaceSharedParseWorkers(next: ParseWorkers | undefined): ParseWorkers | undefined {
  const previous = shared;
  shared = next;
  return previous;
}

/** A capture file's text read and diagnosed in a worker, under the deadline. */
export function readCaptureOffThread(text: string, fileName: string): Promise<CaptureRead> {
  return sharedWorkers().readCapture(text, fileName);
}

/** An administrator's pasted output parsed in a worker, under the deadline. */
export function readAdminOutputOffThread(text: string): Promise<AdminOutputRead> {
  return sharedWorkers().readAdminOutput(text);
}
