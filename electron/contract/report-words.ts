// Plain words for the report's codes, shared by the Markdown and HTML reports and the app.
import type { DeviceSummary, Headline, ReportSource } from './report-types';
import type { CheckStatus, SessionCredential, TrustModel } from './types';

export const STATUS_WORDS: Record<CheckStatus, string> = {
  pass: 'Pass',
  warn: 'Warning',
  fail: 'Fail',
  blocked: 'Blocked',
  unknown: 'Unknown',
  skip: 'Skipped',
};

/** A mark beside each status word, so the status never rests on colour alone. */
export const STATUS_SYMBOLS: Record<CheckStatus, string> = {
  pass: '✔',
  warn: '!',
  fail: '✘',
  blocked: '⊘',
  unknown: '?',
  skip: '–',
};

export const HEADLINE_WORDS: Record<Headline['status'], string> = {
  pass: 'Works',
  warn: 'Works, with a warning',
  fail: 'Broken',
  unknown: 'Not sure',
};

export const TRUST_MODEL_WORDS: Record<TrustModel, string> = {
  'cloud-kerberos-trust': 'Cloud Kerberos trust',
  'key-trust': 'Key trust',
  'certificate-trust': 'Certificate trust',
  none: 'None (not a Windows Hello for Business sign-in)',
  unknown: 'Unknown (not enough evidence)',
};

export const CREDENTIAL_WORDS: Record<SessionCredential, string> = {
  hello: 'Windows Hello (PIN or biometrics)',
  'smart-card': 'A smart card',
  fido2: 'A FIDO2 security key',
  password: 'A password',
  unknown: 'Not known',
};

export const JOIN_TYPE_WORDS: Record<NonNullable<DeviceSummary['joinType']>, string> = {
  hybrid: 'Microsoft Entra hybrid joined',
  entra: 'Microsoft Entra joined',
  domain: 'AD domain joined only',
  none: 'Not joined',
};

export const FIX_OUTCOME_WORDS = {
  done: 'Done',
  failed: 'Failed',
  refused: 'Refused',
  shown: 'Shown',
  simulated: 'Simulated',
} as const;

/** Where the evidence came from, in words. */
export function sourceWords(source: ReportSource): string {
  switch (source.kind) {
    case 'live':
      return 'Checked live on this device';
    case 'capture':
      return `Capture file ${source.file}`;
    case 'scenario':
      return `Practice scenario "${source.name}"`;
  }
}

/** "1 failed, 2 blocked, 13 passed": only the statuses that occur, worst first. */
export function countsInWords(counts: Record<CheckStatus, number>): string {
  const parts: [CheckStatus, string][] = [
    ['fail', 'failed'],
    ['warn', 'with a warning'],
    ['blocked', 'blocked'],
    ['unknown', 'unknown'],
    ['pass', 'passed'],
    ['skip', 'skipped'],
  ];
  const words = parts.filter(([status]) => counts[status] > 0).map(([s, word]) => `${counts[s]} ${word}`);
  return words.length > 0 ? words.join(', ') : 'no checks';
}
