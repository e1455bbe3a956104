// The fleet text worker's side of the protocol (the host's serveJobs): each job answered on the
// parent port. A job that throws (a bug) is answered as failed, with the error in one line.

import { serveJobs } from '../host/parse-worker/serve-jobs';
import { type FleetTextJob, type FleetTextResult, runFleetTextJob } from './fleet-text-jobs';

/** Serves jobs with `run` (the fleet's readers, unless a test worker wraps them). */
export function serveFleetTextJobs(run: (job: FleetTextJob) => FleetTextResult = runFleetTextJob): void {
  serveJobs<FleetTextJob, FleetTextResult>(run, (reason) => ({ kind: 'failed', reason }));
}
