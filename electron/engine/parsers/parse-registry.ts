import type { Parsed } from '../types';
import { guardParse, isPromptLine, toLines } from './text-lines';

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

// Full hive names as reg prints them, plus the abbreviations people type and paste.
const HEADER = /^(?:HKEY_[A-Z_]+|HKLM|HKCU|HKCR|HKU|HKCC)(?:\\.*)?$/i;
// The type token splits name from data, so names and data may contain spaces and the
// 4-space separators may have collapsed to one space or a tab.
const VALUE =
  /^(.*?)\s+(REG_(?:SZ|EXPAND_SZ|MULTI_SZ|DWORD|DWORD_LITTLE_ENDIAN|DWORD_BIG_ENDIAN|QWORD|QWORD_LITTLE_ENDIAN|BINARY|NONE|LINK|RESOURCE_LIST|FULL_RESOURCE_DESCRIPTOR|RESOURCE_REQUIREMENTS_LIST))(?:\s+(.*))?$/i;
const TYPE_TOKEN = /\sREG_[A-Z_]+(?:\s|$)/i;
const END_OF_SEARCH = /^End of search:/i;
// reg's message when the key does not exist: a meaningful "not configured", not garbage.
const NOT_FOUND = /^ERROR: The system was unable to find the specified registry key or value/i;
const COMMAND_ECHO = /^reg(?:\.exe)?\s+query\b/i;

export function parseRegistry(text: string): Parsed<RegistryFacts> {
  return guardParse('registry output', emptyFacts, () => readRegistry(text));
}

function emptyFacts(): RegistryFacts {
  return { keys: [] };
}

function readRegistry(text: string): Parsed<RegistryFacts> {
  const keys: RegistryKey[] = [];
  const unreadable: string[] = [];
  let orphanValues = false;
  let current: RegistryKey | undefined;

  for (const raw of toLines(text)) {
    const line = raw.trim();
    if (line === '' || isPromptLine(raw) || isNoise(line)) continue;
    if (isHeader(line)) {
      current = { path: line, line, values: [] };
      keys.push(current);
      continue;
    }
    const value = readValue(line);
    if (!value) {
      unreadable.push(line);
      continue;
    }
    if (!current) {
      // Values pasted without their key line: keep them under an unnamed key.
      orphanValues = true;
      current = { path: '', line: '', values: [] };
      keys.push(current);
    }
    current.values.push(value);
  }
  return summarize(keys, unreadable, orphanValues);
}

function isNoise(line: string): boolean {
  return END_OF_SEARCH.test(line) || COMMAND_ECHO.test(line) || NOT_FOUND.test(line);
}

function summarize(keys: RegistryKey[], unreadable: string[], orphanValues: boolean): Parsed<RegistryFacts> {
  const problems: string[] = [];
  if (keys.length === 0 && unreadable.length > 0) {
    return {
      facts: emptyFacts(),
      recognized: false,
      problems: [`no registry key or value lines found (first line: "${unreadable[0]?.slice(0, 80)}")`],
    };
  }
  if (unreadable.length > 0) problems.push(`ignored ${unreadable.length} unreadable line(s)`);
  if (orphanValues) problems.push('values found before any key line');
  for (const key of keys) problems.push(...badNumbers(key));
  // No keys at all (empty output, reg's "not found" error) means the key is absent: a fact.
  return { facts: { keys }, recognized: true, problems };
}

function isHeader(line: string): boolean {
  return HEADER.test(line) && !TYPE_TOKEN.test(line);
}

function readValue(line: string): RegistryValue | null {
  const match = VALUE.exec(line);
  if (!match) return null;
  const name = (match[1] ?? '').trim();
  const type = (match[2] ?? '').toUpperCase();
  const printed = (match[3] ?? '').trim();
  return { name, type, data: readData(type, printed), line };
}

function readData(type: string, printed: string): number | string {
  if (!type.startsWith('REG_DWORD') && !type.startsWith('REG_QWORD')) return printed;
  const hex = /^0x([0-9a-f]+)$/i.exec(printed);
  // QWORDs above 2^53 (e.g. FILETIMEs) come out approximate; policy values are small.
  if (hex?.[1]) return Number.parseInt(hex[1], 16);
  // Some tools print decimal; keep it as a number too.
  if (/^\d+$/.test(printed)) return Number(printed);
  return printed;
}

function badNumbers(key: RegistryKey): string[] {
  return key.values
    .filter((value) => /^REG_[DQ]WORD/.test(value.type) && typeof value.data !== 'number')
    .map((value) => `${key.path}\\${value.name}: ${value.type} data "${value.data}" is not a number`);
}
