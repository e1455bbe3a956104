import type { FleetFileRow } from '@contract/fleet-devices';
import { create } from 'zustand';
import type { FleetColumn, FleetSort } from '../lib/fleet-rows';

/** A file that gave no row, with why (one short line). */
export interface FleetFailure {
  fileName: string;
  reason: string;
}

interface FleetState {
  /** True while the fleet view replaces the single-device view. */
  open: boolean;
  /** While files are read: how many of how many; null otherwise. */
  loading: { done: number; total: number } | null;
  /** Set when the person stopped reading before the end. */
  stoppedAt: { done: number; total: number } | null;
  files: FleetFileRow[];
  failures: FleetFailure[];
  sort: FleetSort;
  text: string;
  trustModel: string;
  rootCause: string;
  /** A line about the last row opened, when it could not be opened as a checklist. */
  notice: string | null;
  show: () => void;
  close: () => void;
  begin: (total: number) => void;
  add: (files: FleetFileRow[], failures: FleetFailure[], done: number) => void;
  end: (stopped: boolean) => void;
  sortBy: (column: FleetColumn) => void;
  setText: (text: string) => void;
  setTrustModel: (trustModel: string) => void;
  setRootCause: (rootCause: string) => void;
  setNotice: (notice: string | null) => void;
}

/** The filter value that lets every row through. */
export const ANY = '';

export const useFleetStore = create<FleetState>()((set) => ({
  open: false,
  loading: null,
  stoppedAt: null,
  files: [],
  failures: [],
  sort: { column: 'deviceName', direction: 'ascending' },
  text: '',
  trustModel: ANY,
  rootCause: ANY,
  notice: null,
  show: () => set({ open: true }),
  close: () => set({ open: false }),
  // A new set of files is a new fleet: the filters of the last one would hide rows for no reason.
  begin: (total) =>
    set({
      open: true,
      loading: { done: 0, total },
      stoppedAt: null,
      files: [],
      failures: [],
      text: '',
      trustModel: ANY,
      rootCause: ANY,
      notice: null,
    }),
  add: (files, failures, done) =>
    set((state) => ({
      files: [...state.files, ...files],
      failures: [...state.failures, ...failures],
      loading: state.loading && { ...state.loading, done },
    })),
  end: (stopped) => set((state) => ({ loading: null, stoppedAt: stopped ? state.loading : null })),
  sortBy: (column) =>
    set((state) => ({
      sort: {
        column,
        direction:
          state.sort.column === column && state.sort.direction === 'ascending' ? 'descending' : 'ascending',
      },
    })),
  setText: (text) => set({ text }),
  setTrustModel: (trustModel) => set({ trustModel }),
  setRootCause: (rootCause) => set({ rootCause }),
  setNotice: (notice) => set({ notice }),
}));
