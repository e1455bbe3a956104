import { create } from 'zustand';

/** Where the checklist on screen came from. */
export type SourceView =
  | { kind: 'live' }
  | { kind: 'scenario'; name: string; title: string }
  | { kind: 'capture'; fileName: string };

interface SourceState {
  source: SourceView | null;
  setSource: (source: SourceView) => void;
}

export const useSourceStore = create<SourceState>()((set) => ({
  source: null,
  setSource: (source) => set({ source }),
}));
