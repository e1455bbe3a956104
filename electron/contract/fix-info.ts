// A fix as the renderer shows it; the catalog itself is in electron/engine/fixes/fix-catalog.ts.
import type { FixId } from './types';

/** Where a fix runs: on this device as the signed-in user, by an admin elsewhere, or by a person. */
export type FixContext = 'user' | 'admin-elsewhere' | 'guidance';

export interface FixInfo {
  id: FixId;
  title: string;
  /** What it does, in plain words. */
  does: string;
  /** What it costs the user. */
  cost: string;
  context: FixContext;
  destructive: boolean;
  /** The command it runs or shows, for people to read and copy. */
  command: string | null;
  /** What to do or expect afterwards. */
  after: string;
}
