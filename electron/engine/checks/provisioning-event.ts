import { type FactSet, factsOf } from '../facts/fact-set';
import type { EventMessageItem, UdrEvent } from '../parsers/parse-udr-events';

export interface ProvisioningEvent {
  event: UdrEvent;
  /** The message item whose label matches, e.g. /cloud trust for on premise auth/i. */
  item(label: RegExp): EventMessageItem | undefined;
}

/**
 * The newest 358/360/362 event written for the user the app runs as (events of other users on a
 * shared device are skipped when the event names its user): its "Label: Yes/No" lines are
 * Windows' own view of the prerequisites at that user's last sign-in.
 */
export function latestProvisioningEvent(set: FactSet): ProvisioningEvent | undefined {
  const ownSid = factsOf(set, 'whoami-user')?.sid?.value.toUpperCase();
  const event = factsOf(set, 'events-udr')?.events.find(
    (e) =>
      [358, 360, 362].includes(e.eventId) && (!ownSid || !e.userSid || e.userSid.toUpperCase() === ownSid),
  );
  if (!event) return undefined;
  return { event, item: (label) => event.items.find((i) => label.test(i.label)) };
}
