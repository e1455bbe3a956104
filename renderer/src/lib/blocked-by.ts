// A blocked row names the step that blocks it and where that step is, since the step the
// protocol needs first is not always higher up in the list.
import type { CheckId, CheckResult } from '@contract/types';

export interface BlockedBy {
  title: string;
  /** Where the blocking step is in the list, seen from the blocked row. */
  where: 'above' | 'below';
}

export function blockedBy(checks: readonly CheckResult[], check: CheckResult): BlockedBy | null {
  if (check.status !== 'blocked' || !check.blockedBy) return null;
  const at = (id: CheckId) => checks.findIndex((c) => c.id === id);
  const blocker = checks[at(check.blockedBy)];
  return {
    title: blocker?.title ?? check.blockedBy,
    where: at(check.blockedBy) < at(check.id) ? 'above' : 'below',
  };
}

/** "Blocked by Cloud trust policy, above". */
export function blockedByWords({ title, where }: BlockedBy): string {
  return `Blocked by ${title}, ${where}`;
}
