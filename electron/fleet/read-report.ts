// A report file carries its verdict: only the fields a summary needs are read and validated
// (a report from another machine or a newer version may hold more). The report has no device id
// or build field; both are read, where the report quotes them, from its evidence lines with the
// same parsers that read the outputs.

import {
  type FleetSummaryRow,
  HEADLINE_STATUSES,
  JOIN_TYPES,
  SESSION_CREDENTIALS,
  summaryFromReport,
  TRUST_MODELS,
} from '@contract/fleet-summary';
import { MAX_REASON_CHARS, oneLine } from '@contract/one-line';
import { REPORT_FORMAT, REPORT_VERSION } from '@contract/report-types';
import { z } from 'zod';
import { scanCaptureJson } from '../engine/capture/scan-capture-json';
import { PROBE_PARSERS } from '../engine/facts/probe-parsers';

/** Evidence lines read per probe for the id and the build: enough for any real report. */
const MAX_EVIDENCE_LINES = 400;
const CHECK_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

const evidenceSchema = z.object({ probeId: z.string(), lines: z.array(z.string()) });

const reportSchema = z.object({
  format: z.literal(REPORT_FORMAT),
  version: z.literal(REPORT_VERSION),
  capturedAt: z.string(),
  tool: z.object({ version: z.string() }),
  device: z.object({
    name: z.string().nullable(),
    user: z.string().nullable(),
    joinType: z.enum(JOIN_TYPES).nullable(),
    // Not in version 1 of the report; read when a report carries it.
    deviceId: z.string().nullable().optional(),
  }),
  trustModel: z.enum(TRUST_MODELS),
  policyTrustModel: z.enum(TRUST_MODELS),
  sessionCredential: z.enum(SESSION_CREDENTIALS),
  headline: z.object({
    status: z.enum(HEADLINE_STATUSES),
    checkId: z.string().max(64).regex(CHECK_ID).nullable(),
  }),
  trustModelEvidence: z.array(evidenceSchema).optional(),
  checks: z.array(z.object({ evidence: z.array(evidenceSchema) })),
});

type ReportShape = z.infer<typeof reportSchema>;

export type ReportReadResult = { ok: true; row: FleetSummaryRow } | { ok: false; reason: string };

/** The quoted output lines of one probe, across the report's evidence. */
function quotedLines(report: ReportShape, probeId: string): string {
  const lines: string[] = [];
  const items = [...(report.trustModelEvidence ?? []), ...report.checks.flatMap((check) => check.evidence)];
  for (const item of items) {
    if (item.probeId !== probeId) continue;
    for (const line of item.lines) {
      if (lines.length >= MAX_EVIDENCE_LINES) return lines.join('\n');
      lines.push(line);
    }
  }
  return lines.join('\n');
}

function osBuildOf(report: ReportShape): string | null {
  const facts = PROBE_PARSERS['os-version'](quotedLines(report, 'os-version')).facts;
  const build = facts.currentBuild?.value;
  if (build === undefined) return null;
  return facts.ubr === undefined ? String(build) : `${build}.${facts.ubr.value}`;
}

function deviceIdOf(report: ReportShape): string | null {
  if (report.device.deviceId) return report.device.deviceId;
  return (
    PROBE_PARSERS['dsregcmd-status'](quotedLines(report, 'dsregcmd-status')).facts.deviceId?.value ?? null
  );
}

/** Reads report JSON text into a summary row, or says in one line why it is not a report. */
export function readReportSummary(text: string, path: string | null): ReportReadResult {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  // The same linear guard as for captures: depth, huge fields and repeated keys refused first.
  const scan = scanCaptureJson(body);
  if (!scan.ok) {
    const reason = scan.reason
      .replace('not a capture file', 'not a report')
      .replace('Doctor capture', 'Doctor report');
    return { ok: false, reason };
  }
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch (error) {
    return { ok: false, reason: oneLine(`not a report: not valid JSON (${String(error)})`) };
  }
  const parsed = reportSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.map((key) => oneLine(String(key), 40)).join('.') || 'report';
    return {
      ok: false,
      reason: oneLine(`report is damaged: ${where}: ${issue?.message ?? 'invalid'}`, MAX_REASON_CHARS),
    };
  }
  const report = parsed.data;
  return {
    ok: true,
    row: summaryFromReport(report, {
      deviceId: deviceIdOf(report),
      osBuild: osBuildOf(report),
      source: 'report',
      path,
    }),
  };
}
