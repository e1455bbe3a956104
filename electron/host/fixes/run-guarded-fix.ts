import type { FixAttempt } from '@contract/fix-attempt';
import type { FixId } from '@contract/types';
import type { FactSet } from '../../engine/facts/fact-set';
import { type FixConfirmation, guardFix } from '../../engine/fixes/fix-guard';
import { type CarryOutFixOptions, carryOutFix } from './carry-out-fix';

/**
 * The only way a fix runs: the guard decides first, from fresh facts of who the app runs as
 * and the person's confirmation; a refusal starts no process and is kept in the audit trail.
 */
export async function runGuardedFix(
  id: FixId,
  who: FactSet,
  confirmation: FixConfirmation | undefined,
  options: CarryOutFixOptions,
): Promise<FixAttempt> {
  const guard = guardFix(id, who, confirmation);
  if (!guard.ok) {
    const at = (options.now ?? (() => new Date()))().toISOString();
    return { at, fixId: id, outcome: 'refused', message: guard.reason, output: '' };
  }
  return carryOutFix(id, options);
}
