import { create } from 'zustand';

export type ColorScheme = 'light' | 'dark';

interface SettingsState {
  /** Follows the operating system's light/dark setting, live. */
  colorScheme: ColorScheme;
  setColorScheme: (colorScheme: ColorScheme) => void;
}

const darkQuery = () => window.matchMedia?.('(prefers-color-scheme: dark)');

export const useSettingsStore = create<SettingsState>()((set) => ({
  colorScheme: darkQuery()?.matches ? 'dark' : 'light',
  setColorScheme: (colorScheme) => set({ colorScheme }),
}));

/** Keeps colorScheme in step with the OS; returns the unsubscribe function. */
export function followOsColorScheme(): () => void {
  const query = darkQuery();
  if (!query) return () => {};
  const update = () => useSettingsStore.getState().setColorScheme(query.matches ? 'dark' : 'light');
  update();
  query.addEventListener('change', update);
  return () => query.removeEventListener('change', update);
}
