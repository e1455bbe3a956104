import type { Report } from '@contract/report-types';
import type { CheckResult, FixId } from '@contract/types';

/** What to do first: the headline's step, its remedy and the fixes offered for it. */
export interface NextAction {
  check: CheckResult;
  remediation: string | null;
  fixes: FixId[];
}

/** The action behind the headline, or undefined when nothing needs doing (the chain works). */
export function nextAction(report: Report): NextAction | undefined {
  const id = report.headline.checkId;
  const check = id === null ? undefined : report.checks.find((c) => c.id === id);
  if (!check) return undefined;
  return { check, remediation: check.remediation, fixes: check.fixes };
}
