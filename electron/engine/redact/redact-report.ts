import type { DeviceSummary, Report, ReportSource } from '@contract/report-types';
import type { CheckResult, EvidenceItem } from '@contract/types';
import { createRedactor, type Redactor } from './redactor';

/**
 * The report with identifying values replaced wherever the evidence or the checks quote them:
 * device summary, reasons, signals, summaries, evidence lines and notes, remedies, the fix
 * history and the capture file name. Statuses, ids, titles and links stay as they are.
 * The report's own evidence names most values; pass a redactor that has learned the capture
 * (learnFromCapture, or redactCapture with the same redactor) so that the rest are known too.
 */
export function redactReport(report: Report, redactor: Redactor = createRedactor()): Report {
  learnDevice(report.device, redactor);
  for (const text of reportTexts(report)) redactor.learn(text);
  // Output lines keep their columns; sentences written by the checks are prose.
  const r = (text: string) => redactor.redact(text);
  const p = (text: string) => redactor.redact(text, { prose: true });
  const nullable = (text: string | null) => (text === null ? null : p(text));
  return {
    ...report,
    source: redactSource(report.source, p),
    device: {
      name: nullable(report.device.name),
      user: nullable(report.device.user),
      domain: nullable(report.device.domain),
      tenantId: nullable(report.device.tenantId),
      deviceId: nullable(report.device.deviceId),
      joinType: report.device.joinType,
    },
    trustModelReason: p(report.trustModelReason),
    trustModelEvidence: report.trustModelEvidence.map((item) => redactEvidence(item, r, p)),
    policyTrustModelReason: p(report.policyTrustModelReason),
    sessionCredentialReason: p(report.sessionCredentialReason),
    authSignals: report.authSignals.map((signal) => ({
      ...signal,
      line: r(signal.line),
      says: p(signal.says),
    })),
    headline: { ...report.headline, text: p(report.headline.text) },
    checks: report.checks.map((check) => redactCheck(check, r, p)),
    fixAttempts: report.fixAttempts.map((attempt) => ({
      ...attempt,
      message: p(attempt.message),
      output: r(attempt.output),
    })),
  };
}

/** Every text of the report that may quote an identifying value. */
function reportTexts(report: Report): string[] {
  const evidence = (item: EvidenceItem) => [...item.command, ...item.lines, item.note ?? ''];
  return [
    ...report.trustModelEvidence.flatMap(evidence),
    ...report.authSignals.map((signal) => signal.line),
    ...report.checks.flatMap((check) => check.evidence.flatMap(evidence)),
    ...report.fixAttempts.map((attempt) => attempt.output),
  ];
}

// The summary names the device's values directly: learn them as what they are, first, in the
// order a capture prints them (whoami's DOMAIN\user before dsregcmd's device name).
function learnDevice(device: DeviceSummary, redactor: Redactor): void {
  if (device.user) redactor.learn(`Executing Account Name : ${device.user}`);
  if (device.name) redactor.learn(`Device Name : ${device.name}`);
  if (device.domain) redactor.learn(`DomainName : ${device.domain}`);
  if (device.tenantId) redactor.learn(`TenantId : ${device.tenantId}`);
  if (device.deviceId) redactor.learn(`DeviceId : ${device.deviceId}`);
}

function redactSource(source: ReportSource, r: Redact): ReportSource {
  return source.kind === 'capture' ? { kind: 'capture', file: r(source.file) } : source;
}

type Redact = (text: string) => string;

function redactEvidence(item: EvidenceItem, output: Redact, prose: Redact): EvidenceItem {
  return {
    ...item,
    command: item.command.map(prose),
    lines: item.lines.map(output),
    ...(item.note === undefined ? {} : { note: prose(item.note) }),
  };
}

function redactCheck(check: CheckResult, output: Redact, prose: Redact): CheckResult {
  return {
    ...check,
    summary: prose(check.summary),
    evidence: check.evidence.map((item) => redactEvidence(item, output, prose)),
    remediation: check.remediation === null ? null : prose(check.remediation),
    contradiction: check.contradiction === null ? null : prose(check.contradiction),
  };
}
