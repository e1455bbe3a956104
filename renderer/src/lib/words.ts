// Plain words for the engine's codes, so nobody needs the manual to read the screen. The words
// the reports use too come from the contract's report-words, so the app and a report agree.
import type { Headline } from '@contract/report-types';
import { HEADLINE_WORDS } from '@contract/report-words';
import type { SessionCredential } from '@contract/types';

export {
  countsInWords,
  JOIN_TYPE_WORDS,
  STATUS_WORDS as STATUS_LABEL,
  TRUST_MODEL_WORDS,
} from '@contract/report-words';

/** How the verdict reads: the headline's status, or that this session cannot show the answer. */
export type VerdictKind = Headline['status'] | 'cannot-judge';

export const VERDICT_LABEL: Record<VerdictKind, string> = {
  ...HEADLINE_WORDS,
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

export const CREDENTIAL_WORDS: Record<SessionCredential, string> = {
  hello: 'Windows Hello (PIN or biometrics)',
  'smart-card': 'a smart card',
  fido2: 'a FIDO2 security key',
  password: 'a password',
  unknown: 'not known',
};
