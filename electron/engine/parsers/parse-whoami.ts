import type { Parsed, Sourced } from '../types';

/** Facts from `whoami /user /fo csv` (also reads `whoami /user`, `whoami /all` tables). */
export interface WhoamiUserFacts {
  /** e.g. "contoso\\alice". */
  userName?: Sourced<string>;
  sid?: Sourced<string>;
}

export interface TokenGroup {
  name: string;
  type?: string;
  sid: string;
  attributes?: string;
  line: string;
}

/** Facts from `whoami /groups /fo csv` (also reads `whoami /groups`, `whoami /all` tables). */
export interface WhoamiGroupsFacts {
  groups: TokenGroup[];
}

export function parseWhoamiUser(text: string): Parsed<WhoamiUserFacts> {
  throw new Error(`not implemented: ${text.length}`);
}

export function parseWhoamiGroups(text: string): Parsed<WhoamiGroupsFacts> {
  throw new Error(`not implemented: ${text.length}`);
}
