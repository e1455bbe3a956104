// Light or dark follows the operating system, at start-up and live.
import { describe, expect, it, vi } from 'vitest';

const listeners = new Set<() => void>();
const query = vi.hoisted(() => ({ matches: true }));

vi.stubGlobal('window', {
  matchMedia: () => ({
    get matches() {
      return query.matches;
    },
    addEventListener: (_: string, listener: () => void) => listeners.add(listener),
    removeEventListener: (_: string, listener: () => void) => listeners.delete(listener),
  }),
});

describe('colour scheme', () => {
  it('starts dark on a dark system and follows a change until unsubscribed', async () => {
    const { followOsColorScheme, useSettingsStore } = await import(
      '../../../renderer/src/state/settings-store'
    );
    expect(useSettingsStore.getState().colorScheme).toBe('dark');
    const stop = followOsColorScheme();
    query.matches = false;
    for (const listener of listeners) listener();
    expect(useSettingsStore.getState().colorScheme).toBe('light');
    stop();
    expect(listeners.size).toBe(0);
  });

  it('stays as it is where the browser has no matchMedia', async () => {
    vi.stubGlobal('window', {});
    vi.resetModules();
    const { followOsColorScheme, useSettingsStore } = await import(
      '../../../renderer/src/state/settings-store'
    );
    expect(useSettingsStore.getState().colorScheme).toBe('light');
    expect(() => followOsColorScheme()()).not.toThrow();
  });
});
