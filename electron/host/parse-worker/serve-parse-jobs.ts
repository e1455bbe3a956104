// The parse worker's side of the protocol: each job read by the engine, answered on the parent port.

import { oneLine } from '@contract/one-line';
import { type ParseJob, type ParseJobResult, runParseJob } from './parse-jobs';
import { serveJobs } from './serve-jobs';

/** Serves jobs with `run` (the engine's, unless a test worker wraps it). */
export function serveParseJobs(run: (job: ParseJob) => ParseJobResult = runParseJob): void {
  serveJobs<ParseJob, ParseJobResult>(run, (reason) => ({
    ok: false,
    reason: oneLine(`was not read: ${reason}`),
  }));
}
