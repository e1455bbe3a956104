import type { Parsed } from '../types';

/** One "Label: Value" line of a Hello provisioning event message. */
export interface EventMessageItem {
  label: string;
  value: string;
  line: string;
}

export interface UdrEvent {
  /** 358 provisioning will be launched, 360 will not, 362 will not (cert trust prerequisites). */
  eventId: number;
  /** ISO time when known. */
  timeCreated?: string;
  /** The message's first line, e.g. "Windows Hello for Business provisioning will not be launched." */
  headline?: string;
  items: EventMessageItem[];
  /** EventData name -> value (language-neutral). */
  data: Record<string, string>;
}

/**
 * Facts from `wevtutil qe ... /f:RenderedXml /e:Events` (newest first), also from pasted
 * Event Viewer "copy as text" output, XML view, or a bare message.
 */
export interface UdrEventsFacts {
  events: UdrEvent[];
}

export function parseUdrEvents(text: string): Parsed<UdrEventsFacts> {
  throw new Error(`not implemented: ${text.length}`);
}
