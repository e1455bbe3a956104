import type { CheckResult, CheckStatus } from '../types';

export interface Headline {
  status: Extract<CheckStatus, 'pass' | 'warn' | 'fail' | 'unknown'>;
  /** The first broken link, when there is one. */
  checkId: CheckResult['id'] | null;
  /** The verdict in one sentence. */
  text: string;
}

/** The first failure in chain order is the broken link; else the first warning; else all good. */
export function headlineOf(checks: CheckResult[]): Headline {
  const failed = checks.find((c) => c.status === 'fail');
  if (failed) return { status: 'fail', checkId: failed.id, text: `Broken link: ${failed.summary}` };
  const warned = checks.find((c) => c.status === 'warn');
  if (warned) {
    return {
      status: 'warn',
      checkId: warned.id,
      text: `Works, with a warning: ${warned.summary}`,
    };
  }
  const unknown = checks.filter((c) => c.status === 'unknown');
  if (unknown.length > 0) {
    const first = unknown[0] as CheckResult;
    return {
      status: 'unknown',
      checkId: first.id,
      text: `Nothing failed, but ${unknown.length} step(s) could not be checked, starting with: ${first.title}.`,
    };
  }
  return { status: 'pass', checkId: null, text: 'Cloud Kerberos trust works on this device for this user.' };
}
