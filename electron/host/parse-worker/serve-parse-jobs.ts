// The worker side of the protocol: answers each job on the parent port, then says it is ready.

import { parentPort } from 'node:worker_threads';
import { oneLine } from '@contract/one-line';
import {
  type ParseJob,
  type ParseJobResult,
  type ParseReply,
  type ParseRequest,
  runParseJob,
} from './parse-jobs';

/** Serves jobs with `run` (the engine's, unless a test worker wraps it). */
export function serveParseJobs(run: (job: ParseJob) => ParseJobResult = runParseJob): void {
  const port = parentPort;
  if (!port) return;
  port.on('message', (request: ParseRequest) => {
    let result: ParseJobResult;
    try {
      result = run(request.job);
    } catch (error) {
      // The engine does not throw on bad text; this is a bug, said in one line.
      result = {
        ok: false,
        reason: oneLine(`was not read: ${error instanceof Error ? error.message : String(error)}`),
      };
    }
    const reply: ParseReply = { id: request.id, result };
    port.postMessage(reply);
  });
  port.postMessage('ready');
}
