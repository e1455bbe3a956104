import type { CheckId } from '@contract/types';
import { create } from 'zustand';

interface ChecklistViewState {
  /** Rows whose detail panel is open. */
  expanded: Partial<Record<CheckId, true>>;
  toggle: (id: CheckId) => void;
  /** Opens a row and asks it to scroll into view and take focus (e.g. from the verdict). */
  reveal: (id: CheckId) => void;
  revealRequest: { id: CheckId; seq: number } | null;
  collapseAll: () => void;
  /** Shows only the rows that did not pass; kept when another device or scenario opens. */
  problemsOnly: boolean;
  /** Rows asked for by name (reveal) while "problems only" hides passed rows: they show anyway. */
  pinned: Partial<Record<CheckId, true>>;
  setProblemsOnly: (problemsOnly: boolean) => void;
}

export const useChecklistViewStore = create<ChecklistViewState>()((set) => ({
  expanded: {},
  revealRequest: null,
  problemsOnly: false,
  pinned: {},
  toggle: (id) =>
    set((state) => {
      const expanded = { ...state.expanded };
      if (expanded[id]) delete expanded[id];
      else expanded[id] = true;
      return { expanded };
    }),
  collapseAll: () => set({ expanded: {}, pinned: {} }),
  reveal: (id) =>
    set((state) => ({
      expanded: { ...state.expanded, [id]: true },
      pinned: { ...state.pinned, [id]: true },
      revealRequest: { id, seq: (state.revealRequest?.seq ?? 0) + 1 },
    })),
  setProblemsOnly: (problemsOnly) => set({ problemsOnly, pinned: {} }),
}));
