// A report file from the fleet opened as a checklist, read-only: the report is validated whole
// (it comes from a share, so every field the screen shows is checked), and what would act on a
// device is taken out: no fixes, no fix plans, no practice actions. The open session is left as
// it is; nothing here re-runs a check.

import type { OpenReportRequest, RunResult } from '@contract/api-contract';
import { HEADLINE_STATUSES, JOIN_TYPES, SESSION_CREDENTIALS, TRUST_MODELS } from '@contract/fleet-summary';
import { MAX_CAPTURE_BYTES } from '@contract/limits';
import { MAX_REASON_CHARS, oneLine } from '@contract/one-line';
import { REPORT_FORMAT, REPORT_VERSION, type Report } from '@contract/report-types';
import { SIGN_OUT_AND_IN } from '@contract/scenario-actions';
import { CHECK_IDS, FIX_IDS, PROBE_IDS } from '@contract/types';
import { z } from 'zod';
import { utf8Length } from '../engine/capture/read-capture';
import { scanCaptureJson } from '../engine/capture/scan-capture-json';
import { ALLOWED_DOC_HOSTS } from '../engine/checks/doc-links';

const CHECK_STATUSES = ['pass', 'warn', 'fail', 'blocked', 'unknown', 'skip'] as const;
const PATH_KEY_CHARS = 40;

const evidenceSchema = z.object({
  probeId: z.enum(PROBE_IDS),
  command: z.array(z.string()),
  lines: z.array(z.string()),
  note: z.string().optional(),
});

const checkSchema = z.object({
  id: z.enum(CHECK_IDS),
  status: z.enum(CHECK_STATUSES),
  title: z.string(),
  explanation: z.string(),
  summary: z.string(),
  evidence: z.array(evidenceSchema),
  remediation: z.string().nullable(),
  docs: z.array(z.object({ title: z.string(), url: z.string() })),
  fixes: z.array(z.enum(FIX_IDS)),
  blockedBy: z.enum(CHECK_IDS).nullable(),
  contradiction: z.string().nullable(),
});

const reportSchema = z.object({
  format: z.literal(REPORT_FORMAT),
  version: z.literal(REPORT_VERSION),
  generatedAt: z.string(),
  tool: z.object({ name: z.string(), version: z.string() }),
  source: z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('live') }),
    z.object({ kind: z.literal('capture'), file: z.string() }),
    z.object({ kind: z.literal('scenario'), name: z.string() }),
  ]),
  capturedAt: z.string(),
  device: z.object({
    name: z.string().nullable(),
    user: z.string().nullable(),
    domain: z.string().nullable(),
    tenantId: z.string().nullable(),
    // Reports written before the device id was added lack it.
    deviceId: z.string().nullable().default(null),
    joinType: z.enum(JOIN_TYPES).nullable(),
  }),
  trustModel: z.enum(TRUST_MODELS),
  trustModelReason: z.string(),
  trustModelEvidence: z.array(evidenceSchema),
  policyTrustModel: z.enum(TRUST_MODELS),
  policyTrustModelReason: z.string(),
  sessionCredential: z.enum(SESSION_CREDENTIALS),
  sessionCredentialReason: z.string(),
  authSignals: z.array(
    z.object({
      probeId: z.enum(PROBE_IDS),
      line: z.string(),
      says: z.string(),
      decisive: z.boolean(),
      inference: z.boolean().optional(),
    }),
  ),
  headline: z.object({
    status: z.enum(HEADLINE_STATUSES),
    checkId: z.enum(CHECK_IDS).nullable(),
    text: z.string(),
    otherRoots: z.array(z.enum(CHECK_IDS)),
    unverified: z.array(z.enum(CHECK_IDS)),
  }),
  counts: z.object(Object.fromEntries(CHECK_STATUSES.map((status) => [status, z.number().int().min(0)]))),
  checks: z
    .array(checkSchema)
    .max(CHECK_IDS.length)
    .refine((checks) => new Set(checks.map((check) => check.id)).size === checks.length, {
      message: 'a check appears twice',
    }),
  fixAttempts: z.array(
    z.object({
      at: z.string(),
      fixId: z.union([z.enum(FIX_IDS), z.literal(SIGN_OUT_AND_IN)]),
      outcome: z.enum(['done', 'failed', 'refused', 'shown', 'simulated']),
      message: z.string(),
      output: z.string(),
    }),
  ),
});

/** Only documentation links the app would open anyway: https, an allowlisted host. */
function isDocLink(url: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' && ALLOWED_DOC_HOSTS.includes(parsed.hostname);
  } catch {
    return false;
  }
}

function refuse(reason: string): RunResult {
  return { ok: false, reason: oneLine(reason, MAX_REASON_CHARS) };
}

/** The report as the screen shows it from a file: nothing in it can act on a device. */
function readOnly(report: z.infer<typeof reportSchema>): Report {
  return {
    ...report,
    counts: report.counts as Report['counts'],
    checks: report.checks.map((check) => ({
      ...check,
      fixes: [],
      docs: check.docs.filter((doc) => isDocLink(doc.url)),
    })),
  };
}

/** Reads a report file's text into a read-only checklist, or says in one line why it cannot. */
export function openReportFile(request: OpenReportRequest): RunResult {
  const name = oneLine(request.fileName, 80);
  if (utf8Length(request.text) > MAX_CAPTURE_BYTES) return refuse(`${name}: too large to be a report`);
  const body = request.text.charCodeAt(0) === 0xfeff ? request.text.slice(1) : request.text;
  // The same linear guard as for captures: depth, huge fields and repeated keys refused first.
  const scan = scanCaptureJson(body);
  if (!scan.ok) {
    return refuse(
      `${name}: ${scan.reason.replace('not a capture file', 'not a report').replace('Doctor capture', 'Doctor report')}`,
    );
  }
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch (error) {
    return refuse(`${name}: not a report: not valid JSON (${String(error)})`);
  }
  const parsed = reportSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.map((key) => oneLine(String(key), PATH_KEY_CHARS)).join('.') || 'report';
    return refuse(`${name}: not a report this version can show: ${where}: ${issue?.message ?? 'invalid'}`);
  }
  return { ok: true, report: readOnly(parsed.data), fixPlans: {}, practice: null };
}
