// One device in one line: the summary row that `fleet` keeps per device, the headless app prints
// and the collection script leaves in Intune. Versioned like the capture and the report; its
// JSON Schema is fleet-summary.schema.json. Every text is bounded so that a row stays under
// 2,048 characters as one JSON line (what Intune keeps of a script's output).

import { oneLine } from './one-line';
import type { Headline, Report } from './report-types';
import type { SessionCredential, TrustModel } from './types';

export const SUMMARY_FORMAT = 'whfb-doctor/fleet-summary';
export const SUMMARY_VERSION = 1;
/** Intune keeps the first 2,048 characters of a remediation script's last output line. */
export const MAX_SUMMARY_LINE_CHARS = 2048;

// Records, so that a trust model or credential added to the engine fails the type check here.
const TRUST_MODEL_NAMES: Record<TrustModel, true> = {
  'cloud-kerberos-trust': true,
  'key-trust': true,
  'certificate-trust': true,
  none: true,
  unknown: true,
};
const CREDENTIAL_NAMES: Record<SessionCredential, true> = {
  hello: true,
  'smart-card': true,
  fido2: true,
  password: true,
  unknown: true,
};
export const TRUST_MODELS = Object.keys(TRUST_MODEL_NAMES) as TrustModel[];
export const SESSION_CREDENTIALS = Object.keys(CREDENTIAL_NAMES) as SessionCredential[];
export const JOIN_TYPES = ['hybrid', 'entra', 'domain', 'none'] as const;
export const HEADLINE_STATUSES = [
  'pass',
  'warn',
  'fail',
  'unknown',
] as const satisfies readonly Headline['status'][];

/** The headline's status, or `not-diagnosed` for a row written where the engine did not run. */
export type SummaryStatus = Headline['status'] | 'not-diagnosed';
export type SummarySource = 'capture' | 'report' | 'live';

/** The longest each text may be (characters before JSON escaping). */
// Quotes and backslashes double in JSON: twice their sum plus the names and enums stays under
// 2,048 (checked in the tests with every text at its limit and made of quotes).
export const SUMMARY_LIMITS = {
  deviceId: 64,
  deviceName: 100,
  user: 100,
  osBuild: 24,
  rootCause: 48,
  capturedAt: 32,
  toolVersion: 24,
  path: 260,
  error: 160,
} as const;

export interface FleetSummaryRow {
  format: typeof SUMMARY_FORMAT;
  version: typeof SUMMARY_VERSION;
  /** The Microsoft Entra DeviceId from dsregcmd, lower case. */
  deviceId: string | null;
  deviceName: string | null;
  /** DOMAIN\user as whoami printed it. */
  user: string | null;
  /** CurrentBuild.UBR, e.g. "22631.4460". */
  osBuild: string | null;
  joinType: (typeof JOIN_TYPES)[number] | null;
  /** The trust model this session used: what a migration proof rests on. */
  trustModel: TrustModel;
  policyTrustModel: TrustModel;
  sessionCredential: SessionCredential;
  status: SummaryStatus;
  /** The check id of the root cause (the headline's); null when nothing failed. */
  rootCause: string | null;
  capturedAt: string;
  toolVersion: string;
  source: SummarySource;
  /** The file the row was read from (or written to, by the headless app). */
  path: string | null;
  /** How many files named this device; the row is the newest one's. */
  files: number;
  /** Why there is no verdict (a row of the collection script when the app is absent). */
  error?: string;
}

/** What a summary needs of a report: a whole Report, or the part of a report file that was read. */
export interface ReportVerdict {
  capturedAt: string;
  tool: { version: string };
  device: Pick<Report['device'], 'name' | 'user' | 'joinType'>;
  trustModel: TrustModel;
  policyTrustModel: TrustModel;
  sessionCredential: SessionCredential;
  headline: { status: Headline['status']; checkId: string | null };
}

/** What the report does not carry: the device id and build come from the capture's facts. */
export interface SummaryExtras {
  deviceId: string | null;
  osBuild: string | null;
  source: SummarySource;
  path: string | null;
}

function bounded(text: string | null, max: number): string | null {
  return text === null ? null : oneLine(text, max);
}

/** The file's path, its end kept (the name is what a person recognises). */
export function boundedPath(path: string | null): string | null {
  if (path === null) return null;
  const max = SUMMARY_LIMITS.path;
  return path.length <= max
    ? oneLine(path, max)
    : `…${oneLine(path.slice(path.length - (max - 1)), max - 1)}`;
}

export function summaryFromReport(report: ReportVerdict, extras: SummaryExtras): FleetSummaryRow {
  return {
    format: SUMMARY_FORMAT,
    version: SUMMARY_VERSION,
    deviceId: bounded(extras.deviceId?.toLowerCase() ?? null, SUMMARY_LIMITS.deviceId),
    deviceName: bounded(report.device.name, SUMMARY_LIMITS.deviceName),
    user: bounded(report.device.user, SUMMARY_LIMITS.user),
    osBuild: bounded(extras.osBuild, SUMMARY_LIMITS.osBuild),
    joinType: report.device.joinType,
    trustModel: report.trustModel,
    policyTrustModel: report.policyTrustModel,
    sessionCredential: report.sessionCredential,
    status: report.headline.status,
    rootCause: bounded(report.headline.checkId, SUMMARY_LIMITS.rootCause),
    capturedAt: oneLine(report.capturedAt, SUMMARY_LIMITS.capturedAt),
    toolVersion: oneLine(report.tool.version, SUMMARY_LIMITS.toolVersion),
    source: extras.source,
    path: boundedPath(extras.path),
    files: 1,
  };
}

/** The row as one JSON line (no newline at the end). */
export function summaryLine(row: FleetSummaryRow): string {
  return JSON.stringify(row);
}
