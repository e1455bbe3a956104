import type { ScenarioAction } from './scenario-actions';

/** One entry of the session's audit trail; reports carry them. */
export interface FixAttempt {
  at: string;
  /** The fix id, or 'sign-out-and-in' for the person's own step in a practice scenario. */
  fixId: ScenarioAction;
  outcome: 'done' | 'failed' | 'refused' | 'shown' | 'simulated';
  /** What happened, in words. */
  message: string;
  /** Commands run and their output, for the record. */
  output: string;
}
