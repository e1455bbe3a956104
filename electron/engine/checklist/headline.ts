import type { Headline } from '@contract/report-types';
import type { CheckId, CheckResult } from '@contract/types';
import type { CheckDefinition } from '../checks/check-definition';
import { CHECKS } from '../checks/check-registry';
import { ancestorsOf } from './run-checklist';

/**
 * The headline is the root cause in the protocol's graph, not the first red in display
 * order. "Works" only when every step of the chain passed (or warned); otherwise it says
 * what could not be verified.
 */
export function headlineOf(results: CheckResult[], checks: readonly CheckDefinition[] = CHECKS): Headline {
  const byId = new Map(results.map((r) => [r.id, r]));
  const failed = results.filter((r) => r.status === 'fail');
  const roots = failed.filter(
    (r) => ![...ancestorsOf(r.id, checks)].some((a) => byId.get(a)?.status === 'fail'),
  );
  const critical = new Set(checks.filter((c) => c.critical).map((c) => c.id));
  const unverified = results.filter((r) => critical.has(r.id) && r.status === 'unknown').map((r) => r.id);
  const [root, ...others] = roots;
  if (root) {
    const also = others.length > 0 ? ` Also, independently: ${others.map((o) => o.summary).join(' ')}` : '';
    return {
      status: 'fail',
      checkId: root.id,
      text: `Broken link: ${root.summary}${also}`,
      otherRoots: others.map((o) => o.id),
      unverified,
    };
  }
  if (unverified.length > 0) {
    const first = byId.get(unverified[0] as CheckId) as CheckResult;
    const titles = unverified.map((id) => byId.get(id)?.title ?? id);
    return {
      status: 'unknown',
      checkId: first.id,
      text: `Nothing failed, but ${unverified.length} step(s) of the chain could not be verified: ${titles.join('; ')}.`,
      otherRoots: [],
      unverified,
    };
  }
  const warned = results.find((r) => r.status === 'warn');
  if (warned) {
    return {
      status: 'warn',
      checkId: warned.id,
      text: `Works, with a warning: ${warned.summary}`,
      otherRoots: [],
      unverified,
    };
  }
  return {
    status: 'pass',
    checkId: null,
    text: 'Cloud Kerberos trust works on this device for this user.',
    otherRoots: [],
    unverified,
  };
}
