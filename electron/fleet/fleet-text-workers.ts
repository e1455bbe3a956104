// The fleet view's files are summarised, and a report file opened from it is checked, in a
// worker thread under a deadline per call, so Electron's main process (or the preview server)
// answers the window meanwhile. A batch that runs past the deadline ends its worker and answers
// each of its files with the reason; the fleet view lists them and reads the next batch.
//
// Why a worker entry of the fleet's own: the job needs the fleet's readers (summarizeFleetText,
// openReportFile), and the host, which starts threads, may not import the fleet. So the threads
// and the deadline are the host's (deadline-workers.ts, the same code as the parse worker's) and
// the job and its entry are here: fleet-text-worker.ts from TypeScript, fleet-text-worker.cjs
// beside main.cjs in the desktop app's bundle (electron/vite.config.ts).

import { pathToFileURL } from 'node:url';
import type { FleetFileSummary, OpenReportRequest, RunResult } from '@contract/api-contract';
import { MAX_REASON_CHARS, oneLine } from '@contract/one-line';
import {
  createDeadlineWorkers,
  type JobAnswer,
  seconds,
  workerEntry,
} from '../host/parse-worker/deadline-workers';
import type { FleetTextJob, FleetTextResult } from './fleet-text-jobs';

/**
 * How long one call may take: a batch of the fleet view (at most 50 files, 20 MB of text in all)
 * or one report file. A batch of real captures takes well under a second.
 */
export const FLEET_TEXT_DEADLINE_MS = 10_000;
/** Calls at once (each window sends one batch at a time); more wait their turn. */
const MAX_WORKERS = 2;

export interface FleetTextWorkerOptions {
  deadlineMs?: number;
  /** The worker's entry module; fleet-text-worker itself unless given (tests give a slow one). */
  entry?: URL;
}

export interface FleetTextWorkers {
  /** One row or one reason per file, in the order given. */
  summarizeFiles(files: { fileName: string; text: string }[]): Promise<FleetFileSummary[]>;
  openReportFile(request: OpenReportRequest): Promise<RunResult>;
  close(): Promise<void>;
}

// In the desktop app's CommonJS bundle import.meta is empty and __filename is main.cjs; from
// TypeScript this module is ESM.
const here = typeof __filename === 'string' ? pathToFileURL(__filename).href : import.meta.url;

const fileCount = (count: number): string => (count === 1 ? '1 file' : `${count} files`);

/** Why a job gave no result of its kind; `late` words the deadline for it. */
function whyNot(answer: JobAnswer<FleetTextResult>, late: string): string {
  if (answer.done) return answer.result.kind === 'failed' ? answer.result.reason : 'no answer';
  return answer.timedOut ? late : answer.reason;
}

export function createFleetTextWorkers(options: FleetTextWorkerOptions = {}): FleetTextWorkers {
  const deadlineMs = options.deadlineMs ?? FLEET_TEXT_DEADLINE_MS;
  const workers = createDeadlineWorkers<FleetTextJob, FleetTextResult>({
    entry: options.entry ?? workerEntry(here, './fleet-text-worker.ts', './fleet-text-worker.cjs'),
    deadlineMs,
    maxWorkers: MAX_WORKERS,
  });
  return {
    async summarizeFiles(files) {
      const answer = await workers.run({ kind: 'summarize', files });
      if (answer.done && answer.result.kind === 'summarize') return answer.result.summaries;
      const late = `its batch of ${fileCount(files.length)} took longer than ${seconds(deadlineMs)}`;
      const line = oneLine(`not read: ${whyNot(answer, late)}`, MAX_REASON_CHARS);
      return files.map(({ fileName }) => ({ ok: false, fileName, reason: line }));
    },
    async openReportFile(request) {
      const answer = await workers.run({ kind: 'open-report', request });
      if (answer.done && answer.result.kind === 'open-report') return answer.result.result;
      const name = oneLine(request.fileName, 80);
      const reason = whyNot(answer, `took longer than ${seconds(deadlineMs)} to check`);
      return { ok: false, reason: oneLine(`${name}: not opened: ${reason}`, MAX_REASON_CHARS) };
    },
    close: () => workers.close(),
  };
}

let shared: FleetTextWorkers | undefined;

/** The process's fleet text workers, started on first use. */
function sharedWorkers(): FleetTextWorkers {
  shared ??= createFleetTextWorkers();
  return shared;
}

/**
 * Sets the workers the process uses from now on and returns the ones it used; a test gives
 * workers with a slow entry of its own to see the deadline fire through the API.
 */
export function replaceSharedFleetTextWorkers(
  next: FleetTextWorkers | undefined,
): FleetTextWorkers | undefined {
  const previous = shared;
  shared = next;
  return previous;
}

/** The fleet view's batch summarised in a worker, under the deadline. */
export function summarizeFilesOffThread(
  files: { fileName: string; text: string }[],
): Promise<FleetFileSummary[]> {
  return sharedWorkers().summarizeFiles(files);
}

/** A report file checked for the read-only checklist in a worker, under the deadline. */
export function openReportFileOffThread(request: OpenReportRequest): Promise<RunResult> {
  return sharedWorkers().openReportFile(request);
}
