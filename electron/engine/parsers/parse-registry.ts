import type { Parsed } from '../types';

export interface RegistryValue {
  name: string;
  /** e.g. "REG_DWORD", "REG_SZ". */
  type: string;
  /** REG_DWORD / REG_QWORD as numbers (from 0x..), everything else as the printed string. */
  data: number | string;
  line: string;
}

export interface RegistryKey {
  /** Full path as printed, e.g. "HKEY_LOCAL_MACHINE\\SOFTWARE\\Policies\\Microsoft\\PassportForWork". */
  path: string;
  /** The key's header line. */
  line: string;
  values: RegistryValue[];
}

/** Facts from `reg query KEY [/s]`. An absent key (exit code 1, no output) is simply no keys. */
export interface RegistryFacts {
  keys: RegistryKey[];
}

export function parseRegistry(text: string): Parsed<RegistryFacts> {
  throw new Error(`not implemented: ${text.length}`);
}
