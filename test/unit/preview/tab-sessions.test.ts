// Sessions of the browser preview: one per tab, the least recently used forgotten beyond the cap.
import { describe, expect, it } from 'vitest';
import { createTabSessions } from '../../../electron/preview/tab-sessions';

describe('the preview tab sessions', () => {
  it('keeps one session per tab name and forgets the least recently used beyond the cap', () => {
    const store = createTabSessions(3, () => ({ made: performance.now() }));
    const a = store.sessionFor('tab-a');
    const b = store.sessionFor('tab-b');
    store.sessionFor('tab-c');
    expect(store.sessionFor('tab-a')).toBe(a); // a is now the most recently used
    store.sessionFor('tab-d'); // b, the least recently used, goes
    expect(store.size()).toBe(3);
    expect(store.sessionFor('tab-a')).toBe(a);
    expect(store.sessionFor('tab-b')).not.toBe(b);
  });

  it('stays at its cap however many names a client makes up', () => {
    const store = createTabSessions(32, () => ({}));
    for (let i = 0; i < 1_000; i += 1) store.sessionFor(`made-up-${i}`);
    expect(store.size()).toBe(32);
  });

  it('puts malformed or missing names in one shared default session', () => {
    const store = createTabSessions(4, () => ({}));
    const fallback = store.sessionFor(undefined);
    for (const name of ['', 'a'.repeat(65), 'no spaces', ['two', 'values'], '../x']) {
      expect(store.sessionFor(name)).toBe(fallback);
    }
    expect(store.size()).toBe(1);
  });
});
