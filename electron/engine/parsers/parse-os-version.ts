import type { Parsed, Sourced } from '../types';

/** Facts from `reg query "HKLM\SOFTWARE\Microsoft\Windows NT\CurrentVersion"`. */
export interface OsVersionFacts {
  productName?: Sourced<string>;
  /** e.g. "23H2". */
  displayVersion?: Sourced<string>;
  currentBuild?: Sourced<number>;
  /** Update build revision (REG_DWORD). */
  ubr?: Sourced<number>;
  /** "Client" or "Server". */
  installationType?: Sourced<string>;
  editionId?: Sourced<string>;
}

export function parseOsVersion(text: string): Parsed<OsVersionFacts> {
  throw new Error(`not implemented: ${text.length}`);
}
