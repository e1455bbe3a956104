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
  /**
   * The capture JSON behind the report on screen, for "full output": known at once for an opened
   * file, fetched on demand (exportCapture) for scenarios and live runs. Null until known.
   */
  captureText: string | null;
  setSource: (source: SourceView, captureText: string | null) => void;
  setCaptureText: (captureText: string | null) => void;
}

export const useSourceStore = create<SourceState>()((set) => ({
  source: null,
  captureText: null,
  setSource: (source, captureText) => set({ source, captureText }),
  setCaptureText: (captureText) => set({ captureText }),
}));

/** True while the checklist on screen is a report file's: no re-run, fixes, tools, output or export. */
export function useReadOnly(): boolean {
  return useSourceStore((s) => s.source?.kind === 'report');
}
