// Text from outside (a capture file, an administrator's pasted output) is read in a worker
// thread under a deadline, so the thread that answers the window (Electron's main process) or
// every client (the preview server) never waits on it: a read that runs past the deadline ends
// its worker and comes back as "took longer than N s; not read". The parsers are linear and
// cut text over their budgets; the deadline is the bound that holds even if one is not.
//
// The threads and the deadline are deadline-workers.ts's; the worker is parse-worker.ts (from
// TypeScript) or parse-worker.cjs beside main.cjs (the desktop app's bundle).

import { pathToFileURL } from 'node:url';
import { createDeadlineWorkers, type JobAnswer, workerEntry } from './deadline-workers';
import type { AdminOutputRead, CaptureRead, ParseJob, ParseJobResult } from './parse-jobs';

/** How long one read may take. A real capture takes a few milliseconds; one at the size limit with every output over its budget, under a second. */
export const DEFAULT_PARSE_DEADLINE_MS = 10_000;
/** Reads at once; more wait their turn (the deadline starts when a read starts). */
const DEFAULT_MAX_WORKERS = 2;

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

// In the desktop app's CommonJS bundle import.meta is empty and __filename is main.cjs; from
// TypeScript this module is ESM.
const here = typeof __filename === 'string' ? pathToFileURL(__filename).href : import.meta.url;

function readOf(answer: JobAnswer<ParseJobResult>): ParseJobResult {
  if (answer.done) return answer.result;
  return {
    ok: false,
    reason: answer.timedOut ? `${answer.reason}; not read` : `was not read: ${answer.reason}`,
  };
}

export function createParseWorkers(options: ParseWorkerOptions = {}): ParseWorkers {
  const workers = createDeadlineWorkers<ParseJob, ParseJobResult>({
    entry: options.entry ?? workerEntry(here, './parse-worker.ts', './parse-worker.cjs'),
    deadlineMs: options.deadlineMs ?? DEFAULT_PARSE_DEADLINE_MS,
    maxWorkers: options.maxWorkers ?? DEFAULT_MAX_WORKERS,
  });
  const run = async (job: ParseJob): Promise<ParseJobResult> => readOf(await workers.run(job));
  return {
    readCapture: (text, fileName) => run({ kind: 'capture', text, fileName }) as Promise<CaptureRead>,
    readAdminOutput: (text) => run({ kind: 'admin-output', text }) as Promise<AdminOutputRead>,
    close: () => workers.close(),
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

/** A capture file's text read and its probes parsed in a worker, under the deadline. */
export function readCaptureOffThread(text: string, fileName: string): Promise<CaptureRead> {
  return sharedWorkers().readCapture(text, fileName);
}

/** An administrator's pasted output parsed in a worker, under the deadline. */
export function readAdminOutputOffThread(text: string): Promise<AdminOutputRead> {
  return sharedWorkers().readAdminOutput(text);
}
