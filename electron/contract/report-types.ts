import type { FixAttempt } from './fix-attempt';
import type {
  CheckId,
  CheckResult,
  CheckStatus,
  EvidenceItem,
  ProbeId,
  SessionCredential,
  TrustModel,
} from './types';

/** One thing Windows said about how the session authenticated (see facts/session-auth.ts). */
export interface AuthSignalSummary {
  probeId: ProbeId;
  line: string;
  says: string;
  decisive: boolean;
  inference?: boolean;
}

/** The verdict at the top: the root cause, or what could not be verified. */
export interface Headline {
  status: Extract<CheckStatus, 'pass' | 'warn' | 'fail' | 'unknown'>;
  /** The root cause: a failed step with no failed step upstream of it. */
  checkId: CheckId | null;
  /** The verdict in one sentence. */
  text: string;
  /** Other root causes, independent of the headline's (each also needs fixing). */
  otherRoots: CheckId[];
  /** Chain steps that could not be verified (`unknown`). */
  unverified: CheckId[];
}

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
  /** The Microsoft Entra device id (dsregcmd DeviceId): one device across captures. */
  deviceId: string | null;
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
  /** The trust model this logon session used (what a migration proof rests on). */
  trustModel: TrustModel;
  trustModelReason: string;
  /** The signals that decided it. */
  trustModelEvidence: EvidenceItem[];
  /** The trust model the policy asks for. */
  policyTrustModel: TrustModel;
  policyTrustModelReason: string;
  /** What authenticated the session: Hello, a smart card, a FIDO2 key, a password. */
  sessionCredential: SessionCredential;
  sessionCredentialReason: string;
  /** Every signal about how the session authenticated, with the ones that decided marked. */
  authSignals: AuthSignalSummary[];
  headline: Headline;
  counts: Record<CheckStatus, number>;
  checks: CheckResult[];
  /** The session's audit trail: every fix attempted, in order (empty for a plain check). */
  fixAttempts: FixAttempt[];
}
