// A capture is diagnosed here; the report does not carry the Entra device id or the build, so
// both are read from the same facts the report was made from (the capture is parsed once).

import { type FleetSummaryRow, type SummarySource, summaryFromReport } from '@contract/fleet-summary';
import type { Report, ReportSource } from '@contract/report-types';
import type { Capture } from '@contract/types';
import { factsOfCapture, reportFromFacts } from '../engine/diagnose';
import { type FactSet, factsOf } from '../engine/facts/fact-set';

/** The Entra DeviceId and the Windows build (CurrentBuild.UBR) the capture's outputs show. */
export function captureIdentity(set: FactSet): { deviceId: string | null; osBuild: string | null } {
  const os = factsOf(set, 'os-version');
  const build = os?.currentBuild?.value;
  const ubr = os?.ubr?.value;
  return {
    deviceId: factsOf(set, 'dsregcmd-status')?.deviceId?.value ?? null,
    osBuild: build === undefined ? null : ubr === undefined ? String(build) : `${build}.${ubr}`,
  };
}

export interface SummarizedCapture {
  report: Report;
  row: FleetSummaryRow;
}

/** Diagnoses a capture and sums it up in one row. */
export function summarizeCapture(
  capture: Capture,
  reportSource: ReportSource,
  source: SummarySource,
  path: string | null,
): SummarizedCapture {
  const set = factsOfCapture(capture);
  const report = reportFromFacts(set, capture, reportSource);
  return { report, row: summaryFromReport(report, { ...captureIdentity(set), source, path }) };
}
