import {
  type DeviceSummary,
  REPORT_FORMAT,
  REPORT_VERSION,
  type Report,
  type ReportSource,
} from '@contract/report-types';
import type { Capture, CheckStatus } from '@contract/types';
import { TOOL_NAME, TOOL_VERSION } from './capture/write-capture';
import { headlineOf } from './checklist/headline';
import { inferTrustModels } from './checklist/infer-trust-model';
import { runChecklist } from './checklist/run-checklist';
import { adDomain } from './facts/ad-domain';
import { buildFactSet, type FactSet, factsOf } from './facts/fact-set';

/** The whole engine in one call: capture in, report out. Pure apart from the clock for generatedAt. */
export function diagnose(capture: Capture, source: ReportSource, generatedAt = new Date()): Report {
  return reportFromFacts(factsOfCapture(capture, generatedAt), capture, source, generatedAt);
}

/** Every probe of a capture parsed once, judged as of the capture time. */
export function factsOfCapture(capture: Capture, fallbackNow = new Date()): FactSet {
  const capturedAt = new Date(capture.capturedAt);
  const now = Number.isNaN(capturedAt.getTime()) ? fallbackNow : capturedAt;
  return buildFactSet(capture.probes, capture.inputs ?? {}, now);
}

/** The report from facts already parsed (callers that also need the facts parse only once). */
export function reportFromFacts(
  set: FactSet,
  capture: Capture,
  source: ReportSource,
  generatedAt = new Date(),
): Report {
  const checks = runChecklist(set);
  const trust = inferTrustModels(set, checks);
  const counts: Record<CheckStatus, number> = { pass: 0, warn: 0, fail: 0, blocked: 0, unknown: 0, skip: 0 };
  for (const check of checks) counts[check.status] += 1;
  return {
    format: REPORT_FORMAT,
    version: REPORT_VERSION,
    generatedAt: generatedAt.toISOString(),
    tool: { name: TOOL_NAME, version: TOOL_VERSION },
    source,
    capturedAt: capture.capturedAt,
    device: deviceSummary(set),
    trustModel: trust.session.trustModel,
    trustModelReason: trust.session.reason,
    trustModelEvidence: trust.session.evidence,
    policyTrustModel: trust.policy.trustModel,
    policyTrustModelReason: trust.policy.reason,
    sessionCredential: trust.auth.credential,
    sessionCredentialReason: trust.auth.credentialReason,
    authSignals: trust.auth.signals,
    headline: headlineOf(checks),
    counts,
    checks,
    fixAttempts: [],
  };
}

function deviceSummary(set: FactSet): DeviceSummary {
  const ds = factsOf(set, 'dsregcmd-status');
  const entra = ds?.azureAdJoined?.value;
  const domain = ds?.domainJoined?.value;
  let joinType: DeviceSummary['joinType'] = null;
  if (entra !== undefined && domain !== undefined) {
    joinType = entra ? (domain ? 'hybrid' : 'entra') : domain ? 'domain' : 'none';
  }
  return {
    name: ds?.deviceName?.value ?? null,
    user: factsOf(set, 'whoami-user')?.userName?.value ?? null,
    domain: adDomain(set) ?? null,
    tenantId: ds?.tenantId?.value ?? null,
    deviceId: ds?.deviceId?.value ?? null,
    joinType,
  };
}
