import type { EvidenceItem } from '@contract/types';
import { evidence, type FactSet, factsOf } from '../facts/fact-set';
import { userScopeCaveat } from '../facts/run-context';
import { itemAnswer, latestProvisioningEvent } from './provisioning-event';

/** What Windows itself says about a policy: dsregcmd's NGC prerequisite or the last 358/360 event. */
export interface WindowsPolicyView {
  enabled?: boolean;
  evidence: EvidenceItem[];
  /** When the event was written, if it decided. */
  eventTime?: string;
}

/**
 * Windows' own view wins over the registry for "applied" (VERDICTS.md): the registry holds
 * what was delivered, dsregcmd's PolicyEnabled and events 358/360 what Windows applies.
 * dsregcmd's NGC section describes the account that ran it, so it is used only from the
 * user's own session; the event names the user it was written for.
 */
export function windowsPolicyView(
  set: FactSet,
  eventLabel: RegExp,
  prereq?: 'policyEnabled',
): WindowsPolicyView {
  const fromDsregcmd =
    prereq && !userScopeCaveat(set) ? factsOf(set, 'dsregcmd-status')?.ngcPrereq[prereq] : undefined;
  const event = latestProvisioningEvent(set);
  const item = event?.item(eventLabel);
  const fromEvent = item ? itemAnswer(item) === true : undefined;
  const proof = [
    ...(fromDsregcmd ? [evidence(set, 'dsregcmd-status', [fromDsregcmd.line])] : []),
    ...(item ? [evidence(set, 'events-udr', [item.line], eventNote(event?.event.timeCreated))] : []),
  ];
  const enabled = fromDsregcmd?.value ?? fromEvent;
  return {
    ...(enabled !== undefined ? { enabled } : {}),
    evidence: proof,
    ...(fromDsregcmd === undefined && event?.event.timeCreated ? { eventTime: event.event.timeCreated } : {}),
  };
}

function eventNote(time: string | undefined): string {
  return time ? `Windows' view at the sign-in of ${time}` : "Windows' view at the last sign-in";
}
