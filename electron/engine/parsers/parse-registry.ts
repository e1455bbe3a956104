import type { Parsed, Sourced } from '@contract/types';
import { PARSE_BUDGETS, parseWithin } from './parse-budget';
import { isPromptLine, oneLine, toLines } from './text-lines';

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
  /**
   * reg's "key or value not found" message, in any language we know (reg writes it to stderr,
   * so it is seen in pasted output): the key is absent, which is a fact, not a failure.
   */
  notFound?: Sourced<boolean>;
  /** Another error reg printed ("ERROR: Access is denied.", "FEHLER: Zugriff verweigert"). */
  error?: Sourced<string>;
}

// Full hive names as reg prints them, plus the abbreviations people type and paste.
const HEADER = /^(?:HKEY_[A-Z_]+|HKLM|HKCU|HKCR|HKU|HKCC)(?:\\.*)?$/i;
// The type token splits name from data, so names and data may contain spaces and the
// 4-space separators may have collapsed to one space or a tab.
// Found by a search for the first whitespace-led type token rather than one anchored
// expression: "^(.*?)\s+(REG_...)" backtracks quadratically on a long run of spaces.
const VALUE_TYPE =
  /\s(REG_(?:SZ|EXPAND_SZ|MULTI_SZ|DWORD|DWORD_LITTLE_ENDIAN|DWORD_BIG_ENDIAN|QWORD|QWORD_LITTLE_ENDIAN|BINARY|NONE|LINK|RESOURCE_LIST|FULL_RESOURCE_DESCRIPTOR|RESOURCE_REQUIREMENTS_LIST))(?=\s|$)/i;
const TYPE_TOKEN = /\sREG_[A-Z_]+(?:\s|$)/i;
const COMMAND_ECHO = /^reg(?:\.exe)?\s+query\b/i;
// reg's error lines start with an upper-case word and a colon in every language: "ERROR:",
// "ERREUR :", "FEHLER:", "ERRORE:", "ERRO:".
const ERROR_WORD = /^\p{Lu}{3,}\s?:\s+/u;
// The "key or value not found" message: "ERROR: The system was unable to find the specified
// registry key or value.", "ERREUR : Le système n'a pas trouvé la clé ou la valeur de Registre
// spécifiée.", "FEHLER: Der angegebene Registrierungsschlüssel bzw. Wert wurde nicht gefunden.",
// "ERROR: El sistema no pudo encontrar la clave o el valor del Registro especificados." Matched
// on ASCII word fragments (see `asciiWords`), so mis-decoded accents do not matter.
const NOT_FOUND_PHRASES: ReadonlyArray<readonly string[]> = [
  ['unable to find', 'registry'],
  ['n a pas trouv', 'registre'],
  ['nicht gefunden', 'registrierungsschl'],
  ['no pudo encontrar', 'registro'],
];
// The closing line of `reg query /s`: "End of search: 3 match(es) found.", "Fin de la recherche :
// 3 correspondance(s) trouvée(s).": words, a colon, then a count and a word.
const SUMMARY_LABEL = /^[\p{L}\s'’.-]+$/u;
const SUMMARY_COUNT = /^\s*\d+\s+\p{L}/u;

export function parseRegistry(text: string): Parsed<RegistryFacts> {
  return parseWithin(PARSE_BUDGETS.registry, 'registry output', text, emptyFacts, readRegistry);
}

function emptyFacts(): RegistryFacts {
  return { keys: [] };
}

interface Messages {
  notFound?: Sourced<boolean>;
  error?: Sourced<string>;
}

function readRegistry(text: string): Parsed<RegistryFacts> {
  const keys: RegistryKey[] = [];
  const unreadable: string[] = [];
  const messages: Messages = {};
  let orphanValues = false;
  let current: RegistryKey | undefined;

  for (const raw of toLines(text)) {
    const line = raw.trim();
    if (line === '' || isPromptLine(raw) || COMMAND_ECHO.test(line)) continue;
    if (isHeader(line)) {
      current = { path: line, line, values: [] };
      keys.push(current);
      continue;
    }
    const value = readValue(line);
    if (!value) {
      if (!readMessage(messages, line) && !isSearchSummary(line)) unreadable.push(line);
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
  return summarize(keys, unreadable, orphanValues, messages);
}

/** Reads reg's error line ("ERROR: ...", "ERREUR : ...") into messages; true when it was one. */
function readMessage(messages: Messages, line: string): boolean {
  const word = ERROR_WORD.exec(line);
  if (!word) return false;
  if (isNotFound(line)) messages.notFound ??= { value: true, line };
  else messages.error ??= { value: line.slice(word[0].length), line };
  return true;
}

function isNotFound(line: string): boolean {
  const words = asciiWords(line);
  return NOT_FOUND_PHRASES.some((phrase) => phrase.every((part) => words.includes(part)));
}

/** Lower-cased ASCII words separated by single spaces: "n'a pas trouvé" → " n a pas trouv ". */
function asciiWords(line: string): string {
  return ` ${line
    .normalize('NFC')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')} `;
}

function isSearchSummary(line: string): boolean {
  const colon = line.indexOf(':');
  if (colon <= 0) return false;
  return SUMMARY_LABEL.test(line.slice(0, colon)) && SUMMARY_COUNT.test(line.slice(colon + 1));
}

function summarize(
  keys: RegistryKey[],
  unreadable: string[],
  orphanValues: boolean,
  messages: Messages,
): Parsed<RegistryFacts> {
  const problems: string[] = [];
  if (keys.length === 0 && messages.error) {
    // "Access is denied" or a bad key name says nothing about whether the policy is set.
    return {
      facts: { ...emptyFacts(), error: messages.error },
      recognized: false,
      problems: [`reg reported an error: ${oneLine(messages.error.line, 120)}`],
    };
  }
  if (keys.length === 0 && unreadable.length > 0) {
    return {
      facts: emptyFacts(),
      recognized: false,
      problems: [`no registry key or value lines found (first line: "${oneLine(unreadable[0] ?? '', 80)}")`],
    };
  }
  if (unreadable.length > 0) problems.push(`ignored ${unreadable.length} unreadable line(s)`);
  if (orphanValues) problems.push('values found before any key line');
  if (messages.error) problems.push(`reg reported an error: ${oneLine(messages.error.line, 120)}`);
  for (const key of keys) problems.push(...badNumbers(key));
  // No keys at all (empty output, reg's "not found" error) means the key is absent: a fact.
  return { facts: { keys, ...messages }, recognized: true, problems };
}

function isHeader(line: string): boolean {
  return HEADER.test(line) && !TYPE_TOKEN.test(line);
}

function readValue(line: string): RegistryValue | null {
  const match = VALUE_TYPE.exec(line);
  if (!match) return null;
  const name = line.slice(0, match.index).trim();
  const type = (match[1] ?? '').toUpperCase();
  const printed = line.slice(match.index + match[0].length).trim();
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
    .map(
      (value) =>
        `${oneLine(`${key.path}\\${value.name}`, 300)}: ${value.type} data "${oneLine(String(value.data), 80)}" is not a number`,
    );
}
