import type { FixId } from '../types';

/** One entry of the session's audit trail; reports carry them. */
export interface FixAttempt {
  at: string;
  fixId: FixId;
  outcome: 'done' | 'failed' | 'refused' | 'shown' | 'simulated';
  /** What happened, in words. */
  message: string;
  /** Commands run and their output, for the record. */
  output: string;
}
