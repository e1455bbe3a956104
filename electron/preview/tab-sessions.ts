// Each browser tab has its own session (what it opened), named by its X-Doctor-Session header;
// only the most recently used are kept, so a client making up names cannot grow memory.

export interface TabSessions<T> {
  /** The session named by the header (a shared default when absent or malformed), created on first use. */
  sessionFor: (header: string | string[] | undefined) => T;
  size: () => number;
}

export function createTabSessions<T>(maxSessions: number, create: () => T): TabSessions<T> {
  const sessions = new Map<string, T>();
  return {
    sessionFor(header) {
      const id = typeof header === 'string' && /^[A-Za-z0-9-]{1,64}$/.test(header) ? header : 'default';
      let session = sessions.get(id);
      if (session !== undefined) {
        sessions.delete(id); // re-inserted below: the Map's order is least recently used first
      } else {
        session = create();
        const oldest = sessions.keys().next();
        if (sessions.size >= maxSessions && !oldest.done) sessions.delete(oldest.value);
      }
      sessions.set(id, session);
      return session;
    },
    size: () => sessions.size,
  };
}
