import { create } from 'zustand';
import type { ProgressEvent } from '../../../electron/api-contract';
import type { Report } from '../../../electron/engine/report/report-types';
import type { CheckId, ProbeId } from '../../../electron/engine/types';

/** A failure in two parts: what did not work ("Could not open the capture file") and the one-line reason. */
export interface RunError {
  title: string;
  reason: string;
}

export type ProbeProgress = 'waiting' | 'running' | 'done' | 'failed';

interface RunState {
  report: Report | null;
  running: boolean;
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

  start: (checkId: CheckId | null, probeIds: ProbeId[]) => void;
  progress: (event: ProgressEvent) => void;
  finish: (report: Report, announcement: string) => void;
  fail: (error: RunError) => void;
  /** Shows an error that did not come from a run (e.g. a file too large to send). */
  showError: (error: RunError) => void;
  dismissError: () => void;
}

export const useRunStore = create<RunState>()((set) => ({
  report: null,
  running: false,
  runningCheckId: null,
  probes: {},
  startedAt: null,
  durationMs: null,
  error: null,
  announcement: null,

  start: (checkId, probeIds) =>
    set({
      running: true,
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
  finish: (report, text) =>
    set((state) => ({
      report,
      running: false,
      runningCheckId: null,
      durationMs: state.startedAt === null ? null : Date.now() - state.startedAt,
      error: null,
      announcement: { text, seq: (state.announcement?.seq ?? 0) + 1 },
    })),
  fail: (error) =>
    set((state) => ({
      running: false,
      runningCheckId: null,
      durationMs: state.startedAt === null ? null : Date.now() - state.startedAt,
      // No announcement: the error is shown in a role="alert" region, which screen readers read at once.
      error,
    })),
  showError: (error) => set({ error }),
  dismissError: () => set({ error: null }),
}));

/** True while a row's evidence is still being collected. */
export function isCheckPending(
  state: Pick<RunState, 'running' | 'probes'>,
  probeIds: readonly ProbeId[] | undefined,
): boolean {
  if (!state.running || !probeIds) return false;
  return probeIds.some((id) => state.probes[id] === 'waiting' || state.probes[id] === 'running');
}
