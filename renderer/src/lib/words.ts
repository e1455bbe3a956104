// Plain words for the engine's codes, so nobody needs the manual to read the screen.
import type { DeviceSummary, Headline } from '../../../electron/engine/report/report-types';
import type { CheckStatus, SessionCredential, TrustModel } from '../../../electron/engine/types';

export const STATUS_LABEL: Record<CheckStatus, string> = {
  pass: 'Pass',
  warn: 'Warning',
  fail: 'Fail',
  blocked: 'Blocked',
  unknown: 'Unknown',
  skip: 'Skipped',
};

/** How the verdict reads: the headline's status, or that this session cannot show the answer. */
export type VerdictKind = Headline['status'] | 'cannot-judge';

export const VERDICT_LABEL: Record<VerdictKind, string> = {
  pass: 'Works',
  warn: 'Works, with a warning',
  fail: 'Broken',
  unknown: 'Not sure',
  'cannot-judge': 'Cannot judge from here',
};

/**
 * A root cause in who runs the app (Remote Desktop, elevated, SYSTEM, another account) says
 * nothing about the device: this session cannot show whether cloud Kerberos trust works.
 */
export function verdictKind(headline: Headline): VerdictKind {
  return headline.status === 'fail' && headline.checkId === 'user-context' ? 'cannot-judge' : headline.status;
}

/** The headline sentence, without "Broken link:" where the verdict is that nothing can be judged. */
export function verdictText(headline: Headline): string {
  return verdictKind(headline) === 'cannot-judge'
    ? headline.text.replace(/^Broken link:\s*/, '')
    : headline.text;
}

/** What the verdict's row is called in the checklist. */
export function headlineRowTag(headline: Headline): string {
  if (headline.status === 'warn') return 'First warning';
  return verdictKind(headline) === 'cannot-judge' ? 'Why it cannot judge' : 'Root cause';
}

export const TRUST_MODEL_WORDS: Record<TrustModel, string> = {
  'cloud-kerberos-trust': 'Cloud Kerberos trust',
  'key-trust': 'Key trust',
  'certificate-trust': 'Certificate trust',
  none: 'None (not a Windows Hello for Business sign-in)',
  unknown: 'Unknown (not enough evidence)',
};

export const CREDENTIAL_WORDS: Record<SessionCredential, string> = {
  hello: 'Windows Hello (PIN or biometrics)',
  'smart-card': 'a smart card',
  fido2: 'a FIDO2 security key',
  password: 'a password',
  unknown: 'not known',
};

export const JOIN_TYPE_WORDS: Record<NonNullable<DeviceSummary['joinType']>, string> = {
  hybrid: 'Microsoft Entra hybrid joined',
  entra: 'Microsoft Entra joined',
  domain: 'AD domain joined only',
  none: 'Not joined',
};

/** "1 failed, 2 blocked, 13 passed" — only the statuses that occur, worst first. */
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
