import type { Headline } from '../checklist/headline';
import type { FixAttempt } from '../fixes/fix-attempt';
import type { CheckResult, CheckStatus, EvidenceItem, TrustModel } from '../types';

export const REPORT_FORMAT = 'whfb-doctor/report';
export const REPORT_VERSION = 1;

export type ReportSource =
  | { kind: 'live' }
  | { kind: 'capture'; file: string }
  | { kind: 'scenario'; name: string };

export interface DeviceSummary {
  name: string | null;
  user: string | null;
  domain: string | null;
  tenantId: string | null;
  joinType: 'hybrid' | 'entra' | 'domain' | 'none' | null;
}

/** The versioned report that `check --json` prints and scripts read. */
export interface Report {
  format: typeof REPORT_FORMAT;
  version: typeof REPORT_VERSION;
  generatedAt: string;
  tool: { name: string; version: string };
  source: ReportSource;
  capturedAt: string;
  device: DeviceSummary;
  trustModel: TrustModel;
  trustModelReason: string;
  trustModelEvidence: EvidenceItem[];
  headline: Headline;
  counts: Record<CheckStatus, number>;
  checks: CheckResult[];
  /** The session's audit trail: every fix attempted, in order (empty for a plain check). */
  fixAttempts: FixAttempt[];
}
