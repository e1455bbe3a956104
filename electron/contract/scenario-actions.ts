import type { FixId } from './types';

/** A practice-only action: the person's own part of a repair that no fix can do for them. */
export const SIGN_OUT_AND_IN = 'sign-out-and-in';

/** What a person can do to a practice scenario: a fix, or signing out and in. */
export type ScenarioAction = FixId | typeof SIGN_OUT_AND_IN;

/** In a practice scenario: what the person can do next and what it becomes. */
export interface PracticeInfo {
  scenario: string;
  actions: { action: ScenarioAction; note: string }[];
}
