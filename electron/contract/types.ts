// The engine's shared vocabulary. Probe ids, check ids and the capture/report shapes are
// public contracts (see README): change them only with a format version bump.
import type { ProbeResult } from './capture-schema';

export const PROBE_IDS = [
  'os-version',
  'dsregcmd-status',
  'klist-cloud-debug',
  'klist-tickets',
  'events-udr',
  'policy-mdm',
  'policy-gpo-machine',
  'policy-gpo-user',
  'whoami-user',
  'whoami-groups',
  'nltest-dsgetdc',
  /** The same DC query without /keylist: tells "no DC at all" from "no DC with key list support". */
  'nltest-dsgetdc-kdc',
  'time-status',
  'time-offset',
  'entra-kerberos-object',
  'share-access',
  /** `certutil -user -store my`: certificates in the user's store and the key provider of each. */
  'certutil-user-store',
  /** The LogonUI key: the credential provider last used at this device's sign-in screen. */
  'logonui-last-provider',
  /** Pasted by an administrator: the output of Get-AzureADKerberosServer (not run on the device). */
  'entra-kerberos-server-admin',
] as const;
export type ProbeId = (typeof PROBE_IDS)[number];

export const CHECK_IDS = [
  'os-build',
  'join-state',
  'user-context',
  'privileged-account',
  'whfb-policy',
  'cloud-trust-policy',
  'cert-trust-conflict',
  'policy-source',
  'hello-provisioned',
  'hello-signin',
  'prt',
  'cloud-tgt',
  'dc-line-of-sight',
  'entra-kerberos-server',
  'entra-kerberos-keys',
  'onprem-tgt',
  'clock-skew',
  'file-share',
] as const;
export type CheckId = (typeof CHECK_IDS)[number];

export const FIX_IDS = [
  'delete-hello-container',
  'refresh-prt',
  'purge-tickets',
  'lock-and-sign-in-with-pin',
  'sync-device-policy',
  'open-event-log',
  'create-entra-kerberos-server',
  'rotate-entra-kerberos-key',
  'connect-vpn',
] as const;
export type FixId = (typeof FIX_IDS)[number];

/** The values ProbeResult.error takes (the schema reads any string, for newer versions). */
export type ProbeError = null | 'timeout' | 'not-found' | 'access-denied' | (string & {});

// The capture's shapes are derived from its zod schema (capture-schema.ts), not written twice.
export type { Capture, CaptureInputs, ProbeResult } from './capture-schema';

/**
 * The raw output of every probe that ran (a capture's `probes`). Words used in the code: "output"
 * is what a command printed, whole; "evidence" is only the lines that decided a check
 * (EvidenceItem, the report's `evidence` fields).
 */
export type ProbeOutputs = Partial<Record<ProbeId, ProbeResult>>;

/** A value read from command output, with the line it came from (the evidence). */
export interface Sourced<T> {
  value: T;
  line: string;
}

/** What every parser returns. It never throws: unreadable input gives empty facts and a reason. */
export interface Parsed<T> {
  facts: T;
  /** False when nothing the parser knows was found in the text. */
  recognized: boolean;
  /** Human-readable notes on what could not be read. */
  problems: string[];
}

export type CheckStatus = 'pass' | 'warn' | 'fail' | 'blocked' | 'unknown' | 'skip';

export interface EvidenceItem {
  probeId: ProbeId;
  /** The command as run (argv), for people to copy. */
  command: string[];
  /** The exact output lines that decided the verdict. */
  lines: string[];
  /** Short note when there are no lines (e.g. "probe timed out"). */
  note?: string;
}

export interface DocLink {
  title: string;
  url: string;
}

/** What a check's evaluate() decides. */
export interface CheckOutcome {
  status: Exclude<CheckStatus, 'blocked'>;
  summary: string;
  evidence: EvidenceItem[];
  remediation?: string;
  docs?: DocLink[];
  fixes?: FixId[];
  /**
   * The steps this one depends on whose failure would explain this outcome; all of
   * `dependsOn` when absent. An empty list means the outcome has a reason of its own (for
   * example DeviceEligible NO behind a Remote Desktop session): it is then shown as it is,
   * not as `blocked`.
   */
  explainedBy?: CheckId[];
}

export interface CheckResult {
  id: CheckId;
  status: CheckStatus;
  title: string;
  /** What this step means, in plain words. */
  explanation: string;
  summary: string;
  evidence: EvidenceItem[];
  remediation: string | null;
  docs: DocLink[];
  fixes: FixId[];
  blockedBy: CheckId | null;
  /**
   * Set when this step passed although a step it depends on failed: the evidence disagrees
   * (for example a cloud ticket left over from before the PRT broke), said in plain words.
   */
  contradiction: string | null;
}

/** What authenticated this logon session, as Windows' own outputs show it. */
export type SessionCredential = 'hello' | 'smart-card' | 'fido2' | 'password' | 'unknown';

export type TrustModel = 'cloud-kerberos-trust' | 'key-trust' | 'certificate-trust' | 'none' | 'unknown';
