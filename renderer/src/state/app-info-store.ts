import type { AppInfo } from '@contract/api-contract';
import { create } from 'zustand';

interface AppInfoState {
  /** What the app (or the preview) offers: scenarios, live support, fixes, check → probes. */
  info: AppInfo | null;
  setInfo: (info: AppInfo) => void;
}

export const useAppInfoStore = create<AppInfoState>()((set) => ({
  info: null,
  setInfo: (info) => set({ info }),
}));
