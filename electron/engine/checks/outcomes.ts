import type { CheckOutcome, ProbeId } from '@contract/types';
import type { FactSet } from '../facts/fact-set';
import { evidence } from '../facts/fact-set';

/**
 * `unknown` when none of the probes a check reads could be read: says which and why.
 * Returns undefined when at least one is usable, so the check can decide on what it has.
 */
export function unknownUnlessAny(set: FactSet, ids: ProbeId[], what: string): CheckOutcome | undefined {
  if (ids.some((id) => set.probes[id].state === 'ok')) return undefined;
  const first = set.probes[ids[0] as ProbeId];
  const why = first.state === 'ok' ? 'the evidence is missing or unreadable' : first.reason;
  return {
    status: 'unknown',
    summary: `Can't tell ${what}: ${why}.`,
    evidence: ids.map((id) => evidence(set, id, [])),
  };
}
