import { create } from 'zustand';

/** Where the checklist on screen came from. */
export type SourceView =
  | { kind: 'live' }
  | { kind: 'scenario'; name: string; title: string }
  | { kind: 'capture'; fileName: string }
  /** A report file opened from the fleet: shown as it was written, nothing re-runs or fixes. */
  | { kind: 'report'; fileName: string };

interface SourceState {
  source: SourceView | null;
  setSource: (source: SourceView) => void;
}

export const useSourceStore = create<SourceState>()((set) => ({
  source: null,
  setSource: (source) => set({ source }),
}));

/** True while the checklist on screen is a report file's: no re-run, fixes, tools, output or export. */
export function useReadOnly(): boolean {
  return useSourceStore((s) => s.source?.kind === 'report');
}
