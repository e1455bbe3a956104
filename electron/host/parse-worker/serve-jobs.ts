// The worker side of deadline-workers.ts: answers each job on the parent port, then says it is ready.

import { parentPort } from 'node:worker_threads';
import { oneLine } from '@contract/one-line';
import type { JobReply, JobRequest } from './deadline-workers';

/**
 * Serves jobs with `run`; a job that throws (a bug: the readers do not throw on bad text) is
 * answered with `failed` and a one-line reason.
 */
export function serveJobs<J, R>(run: (job: J) => R, failed: (reason: string) => R): void {
  const port = parentPort;
  if (!port) return;
  port.on('message', (request: JobRequest<J>) => {
    let result: R;
    try {
      result = run(request.job);
    } catch (error) {
      result = failed(oneLine(error instanceof Error ? error.message : String(error)));
    }
    const reply: JobReply<R> = { id: request.id, result };
    port.postMessage(reply);
  });
  port.postMessage('ready');
}
