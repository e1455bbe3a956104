// What the fleet's text worker does with the fleet view's files: a batch summarised one row
// each (summarizeFleetText, the `fleet` command's reader), or a report file checked whole for
// the read-only checklist (openReportFile). Plain calls, so the same job runs in the worker and,
// for comparison, in any thread.

import type { FleetFileSummary, OpenReportRequest, RunResult } from '@contract/api-contract';
import { openReportFile } from './open-report-file';
import { summarizeFleetText } from './summarize-fleet-text';

export type FleetTextJob =
  | { kind: 'summarize'; files: { fileName: string; text: string }[] }
  | { kind: 'open-report'; request: OpenReportRequest };

export type FleetTextResult =
  | { kind: 'summarize'; summaries: FleetFileSummary[] }
  | { kind: 'open-report'; result: RunResult }
  /** The job threw (a bug: the readers do not throw on bad text), said in one line. */
  | { kind: 'failed'; reason: string };

export function runFleetTextJob(job: FleetTextJob): FleetTextResult {
  if (job.kind === 'open-report') return { kind: 'open-report', result: openReportFile(job.request) };
  return {
    kind: 'summarize',
    summaries: job.files.map((file) => summarizeFleetText(file.fileName, file.text)),
  };
}
