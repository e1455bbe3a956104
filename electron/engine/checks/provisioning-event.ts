import { type FactSet, factsOf } from '../facts/fact-set';
import type { EventMessageItem, UdrEvent } from '../parsers/parse-udr-events';

export interface ProvisioningEvent {
  event: UdrEvent;
  /** The message item whose label matches, e.g. /cloud trust for on premise auth/i. */
  item(label: RegExp): EventMessageItem | undefined;
}

/**
 * The 358/360/362 events written for the user the app runs as, newest first (events of other
 * users on a shared device are skipped when the event names its user): their "Label: Yes/No"
 * lines are Windows' own view of the prerequisites at that user's sign-ins.
 */
export function provisioningEvents(set: FactSet): ProvisioningEvent[] {
  const ownSid = factsOf(set, 'whoami-user')?.sid?.value.toUpperCase();
  return (factsOf(set, 'events-udr')?.events ?? [])
    .filter(
      (e) =>
        [358, 360, 362].includes(e.eventId) && (!ownSid || !e.userSid || e.userSid.toUpperCase() === ownSid),
    )
    .map((event) => ({ event, item: (label) => event.items.find((i) => label.test(i.label)) }));
}

/** The newest of them: Windows' view at the user's last sign-in. */
export function latestProvisioningEvent(set: FactSet): ProvisioningEvent | undefined {
  return provisioningEvents(set)[0];
}

/** An item's "Yes" / "No" (the message is in the display language), else undefined ("Not Tested"). */
export function itemAnswer(item: EventMessageItem | undefined): boolean | undefined {
  if (!item) return undefined;
  if (/^(yes|oui|ja|sí|si)\b/i.test(item.value)) return true;
  if (/^(no|non|nein)\b/i.test(item.value)) return false;
  return undefined;
}
