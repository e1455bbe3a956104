import type { PracticeInfo, ProgressEvent, RunSuccess } from '@contract/api-contract';
import type { FixStep } from '@contract/fix-step';
import type { Report } from '@contract/report-types';
import type { CheckId, CheckStatus, FixId, ProbeId } from '@contract/types';
import { create } from 'zustand';

/** A failure in two parts: what did not work ("Could not open the capture file") and the one-line reason. */
export interface RunError {
  title: string;
  reason: string;
}

export type ProbeProgress = 'waiting' | 'running' | 'done' | 'failed';

/** Each row's status before the last fix (or pasted output), for rows it changed: they show "was: …". */
export type PreviousStatuses = Partial<Record<CheckId, CheckStatus>>;

interface RunState {
  report: Report | null;
  /** The steps of each fix the report offers, with this device's values filled in. */
  fixPlans: Partial<Record<FixId, FixStep[]>>;
  /** In a practice scenario: what the person can do next. */
  practice: PracticeInfo | null;
  previousStatus: PreviousStatuses;
  running: boolean;
  /** What the status line says while running: "Checking…", "Running the fix…". */
  runningLabel: string;
  /** The one check being re-run, or null when the whole checklist runs. */
  runningCheckId: CheckId | null;
  /** Probes of the current run and how far each got (live runs report progress; replays finish at once). */
  probes: Partial<Record<ProbeId, ProbeProgress>>;
  startedAt: number | null;
  durationMs: number | null;
  /** The last failure to open or run, shown until the next success or until dismissed. */
  error: RunError | null;
  /** What the screen-reader live region says after a run; seq makes a repeat announce again. */
  announcement: { text: string; seq: number } | null;

  start: (checkId: CheckId | null, probeIds: ProbeId[], label?: string) => void;
  progress: (event: ProgressEvent) => void;
  /** Shows a new result; `announcement` null when something else on screen announces it. */
  finish: (result: RunSuccess, announcement: string | null, previousStatus?: PreviousStatuses) => void;
  fail: (error: RunError) => void;
  /** Ends a run that changed nothing on screen (its outcome is shown elsewhere). */
  stop: () => void;
  /** Shows an error that did not come from a run (e.g. a file too large to send). */
  showError: (error: RunError) => void;
  dismissError: () => void;
}

export const useRunStore = create<RunState>()((set) => ({
  report: null,
  fixPlans: {},
  practice: null,
  previousStatus: {},
  running: false,
  runningLabel: 'Checking…',
  runningCheckId: null,
  probes: {},
  startedAt: null,
  durationMs: null,
  error: null,
  announcement: null,

  start: (checkId, probeIds, label = 'Checking…') =>
    set({
      running: true,
      runningLabel: label,
      runningCheckId: checkId,
      probes: Object.fromEntries(probeIds.map((id) => [id, 'waiting'])),
      startedAt: Date.now(),
      durationMs: null,
    }),
  progress: (event) =>
    set((state) => {
      // Events for probes outside this run (a single-check re-run still runs them all) change nothing.
      if (!state.running || !(event.probeId in state.probes)) return {};
      const next: ProbeProgress = event.phase === 'start' ? 'running' : event.error ? 'failed' : 'done';
      return { probes: { ...state.probes, [event.probeId]: next } };
    }),
  finish: (result, text, previousStatus = {}) =>
    set((state) => ({
      report: result.report,
      fixPlans: result.fixPlans,
      practice: result.practice,
      previousStatus,
      running: false,
      runningCheckId: null,
      durationMs: state.startedAt === null ? null : Date.now() - state.startedAt,
      error: null,
      announcement: text === null ? state.announcement : { text, seq: (state.announcement?.seq ?? 0) + 1 },
    })),
  fail: (error) =>
    set((state) => ({
      running: false,
      runningCheckId: null,
      durationMs: state.startedAt === null ? null : Date.now() - state.startedAt,
      // No announcement: the error is shown in a role="alert" region, which screen readers read at once.
      error,
    })),
  stop: () => set({ running: false, runningCheckId: null }),
  showError: (error) => set({ error }),
  dismissError: () => set({ error: null }),
}));

/** True while the probes a row reads are still running. */
export function isCheckPending(
  state: Pick<RunState, 'running' | 'probes'>,
  probeIds: readonly ProbeId[] | undefined,
): boolean {
  if (!state.running || !probeIds) return false;
  return probeIds.some((id) => state.probes[id] === 'waiting' || state.probes[id] === 'running');
}
