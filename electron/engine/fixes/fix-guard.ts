import type { FixId } from '@contract/types';
import { type FactSet, factsOf } from '../facts/fact-set';
import { runContextOf } from '../facts/run-context';
import { FIX_CATALOG } from './fix-catalog';

/** The person's explicit "yes" to a destructive fix: they typed (or ticked for) this user name. */
export interface FixConfirmation {
  acknowledged: boolean;
  /** Must equal the signed-in user the app runs as (case-insensitive). */
  userName: string;
}

export type GuardResult = { ok: true } | { ok: false; reason: string };

/**
 * Decides whether a fix may run now, from fresh facts of who the app runs as. A destructive
 * fix needs an explicit confirmation naming that user; deleting the Hello container is
 * refused outright as SYSTEM, elevated or as another account, where it would hit the wrong
 * account's container.
 */
export function guardFix(id: FixId, set: FactSet, confirmation?: FixConfirmation): GuardResult {
  const info = FIX_CATALOG[id];
  if (!info.destructive) return { ok: true };
  const user = factsOf(set, 'whoami-user');
  const userName = user?.userName?.value;
  if (!userName) {
    return {
      ok: false,
      reason: `${info.title} needs to know who the app runs as, and whoami could not be read.`,
    };
  }
  if (id === 'delete-hello-container') {
    // Without the token's groups, elevation cannot be ruled out: refuse rather than guess.
    if (set.probes['whoami-groups'].state !== 'ok') {
      return {
        ok: false,
        reason: `${info.title} needs to know whether the app runs elevated, and whoami /groups could not be read.`,
      };
    }
    const context = runContextOf(set);
    if (context.runAs === 'system') {
      return {
        ok: false,
        reason:
          "The app runs as SYSTEM: deleting the Hello container here would not touch the user's container. Run WHfB Doctor as the signed-in user.",
      };
    }
    if (context.runAs === 'other-account') {
      return {
        ok: false,
        reason: `The app does not run as the user signed in at this device (${context.reason}): the Hello container must be deleted by that user. Start WHfB Doctor in their session.`,
      };
    }
    if (context.runAs === 'elevated') {
      return {
        ok: false,
        reason:
          'The app runs elevated ("Run as administrator"): the Hello container must be deleted as the user, not elevated. Start WHfB Doctor normally and try again.',
      };
    }
  }
  if (!confirmation?.acknowledged) {
    return { ok: false, reason: `${info.title} is destructive and needs an explicit confirmation first.` };
  }
  if (confirmation.userName.trim().toLowerCase() !== userName.toLowerCase()) {
    return {
      ok: false,
      reason: `The confirmation names "${confirmation.userName}", but the app runs as ${userName}.`,
    };
  }
  return { ok: true };
}
