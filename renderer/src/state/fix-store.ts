import type { FixAttempt } from '@contract/fix-attempt';
import type { ScenarioAction } from '@contract/scenario-actions';
import type { CheckId, FixId } from '@contract/types';
import { create } from 'zustand';
import type { StatusChange } from '../lib/status-changes';

/** The fix whose confirmation dialog is open, and the row it was opened from. */
export interface FixDialogRequest {
  fixId: FixId;
  checkId: CheckId;
}

interface OutcomeBase {
  /** Increases with every outcome, so the same outcome twice still moves focus and announces. */
  seq: number;
  action: ScenarioAction;
  /** The row the fix was started from; null for practice steps outside the rows. */
  checkId: CheckId | null;
}

/** What came of the last fix: an attempt (done, failed, refused, simulated, shown), or not run at all. */
export type FixOutcome =
  | (OutcomeBase & { kind: 'attempt'; attempt: FixAttempt; changes: StatusChange[] })
  | (OutcomeBase & { kind: 'not-run'; reason: string });

export type NewFixOutcome =
  | Omit<Extract<FixOutcome, { kind: 'attempt' }>, 'seq'>
  | Omit<Extract<FixOutcome, { kind: 'not-run' }>, 'seq'>;

interface FixState {
  dialog: FixDialogRequest | null;
  /** The action being carried out right now, if any. */
  busy: ScenarioAction | null;
  outcome: FixOutcome | null;
  /** Whether the fix history list is open (it starts open). */
  historyOpen: boolean;
  /** Asks the fix history to come into view and take focus. */
  historyRevealSeq: number;

  openDialog: (request: FixDialogRequest) => void;
  closeDialog: () => void;
  setBusy: (action: ScenarioAction | null) => void;
  showOutcome: (outcome: NewFixOutcome) => void;
  dismissOutcome: () => void;
  setHistoryOpen: (open: boolean) => void;
  revealHistory: () => void;
}

let outcomeSeq = 0;

export const useFixStore = create<FixState>()((set) => ({
  dialog: null,
  busy: null,
  outcome: null,
  historyOpen: true,
  historyRevealSeq: 0,

  openDialog: (dialog) => set({ dialog }),
  closeDialog: () => set({ dialog: null }),
  setBusy: (busy) => set({ busy }),
  showOutcome: (outcome) => {
    outcomeSeq += 1;
    set({ outcome: { ...outcome, seq: outcomeSeq } });
  },
  dismissOutcome: () => set({ outcome: null }),
  setHistoryOpen: (historyOpen) => set({ historyOpen }),
  revealHistory: () => set((state) => ({ historyOpen: true, historyRevealSeq: state.historyRevealSeq + 1 })),
}));
