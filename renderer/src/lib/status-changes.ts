import type { Report } from '@contract/report-types';
import type { CheckId, CheckStatus } from '@contract/types';

export interface StatusChange {
  id: CheckId;
  title: string;
  from: CheckStatus;
  to: CheckStatus;
}

/** The rows whose status differs between two reports of the same device, in the new report's order. */
export function statusChanges(before: Report, after: Report): StatusChange[] {
  const earlier = new Map(before.checks.map((check) => [check.id, check.status]));
  return after.checks.flatMap((check) => {
    const from = earlier.get(check.id);
    return from !== undefined && from !== check.status
      ? [{ id: check.id, title: check.title, from, to: check.status }]
      : [];
  });
}

/** The same changes as "was" statuses per row. */
export function previousStatuses(changes: readonly StatusChange[]): Partial<Record<CheckId, CheckStatus>> {
  return Object.fromEntries(changes.map((change) => [change.id, change.from]));
}
