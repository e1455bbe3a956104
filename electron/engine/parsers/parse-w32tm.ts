import type { Parsed, Sourced } from '../types';

/** Facts from `w32tm /query /status`. */
export interface TimeStatusFacts {
  /** 0 = in sync, 3 = not synchronized. */
  leapIndicator?: Sourced<number>;
  stratum?: Sourced<number>;
  source?: Sourced<string>;
  lastSuccessfulSyncTime?: Sourced<string>;
}

/** Facts from `w32tm /stripchart /computer:<DC> /samples:1 /dataonly`. */
export interface TimeOffsetFacts {
  /** Offset of this clock to the DC in seconds (sign as printed). */
  offsetSeconds?: Sourced<number>;
  /** e.g. "error: 0x800705B4" when the DC did not answer. */
  failure?: Sourced<string>;
  /** The "Tracking <host> [...]" target. */
  target?: string;
}

export function parseTimeStatus(text: string): Parsed<TimeStatusFacts> {
  throw new Error(`not implemented: ${text.length}`);
}

export function parseTimeOffset(text: string): Parsed<TimeOffsetFacts> {
  throw new Error(`not implemented: ${text.length}`);
}
