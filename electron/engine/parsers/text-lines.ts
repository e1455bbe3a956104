// Line helpers shared by the text parsers. People paste console output with prompts,
// CRLF or CR line ends, trailing spaces and blank lines between lines; these helpers
// absorb that so each parser only deals with its own fields.

import type { Parsed } from '@contract/types';

const PROMPT_PATTERNS = [
  /^\s*PS [^>]*>/, // PowerShell: "PS C:\Users\me> dsregcmd /status"
  /^\s*[A-Za-z]:\\[^>]*>/, // cmd: "C:\>whoami /all"
];
// ssh-style: "za\bob@HOST C:\> klist", i.e. /^\s*\S+@\S+ [A-Za-z]:\\[^>]*>/ read without
// that regular expression, which backtracks quadratically on a long line of "a@a@a@...".
const SSH_PROMPT_PATH = /^[A-Za-z]:\\[^>]*>/;

/** Splits text into lines: strips a BOM, accepts CRLF/CR/LF, drops trailing whitespace. */
export function toLines(text: string): string[] {
  return text
    .replace(/^\uFEFF/, '')
    .split(/\r\n|\r|\n/)
    .map((line) => line.trimEnd()); // not /\s+$/, which is quadratic on "x    ...    x"
}

/** True for a shell prompt line someone pasted along with the output. */
export function isPromptLine(line: string): boolean {
  return PROMPT_PATTERNS.some((pattern) => pattern.test(line)) || isSshPrompt(line);
}

function isSshPrompt(line: string): boolean {
  // Most lines have no '@' at all: they are done without walking them.
  if (!line.includes('@')) return false;
  const start = line.search(/\S/);
  if (start < 0) return false;
  let end = start;
  while (end < line.length && !/\s/.test(line[end] ?? '')) end += 1;
  // "user@host": an '@' with at least one character on each side, then one space and a path.
  const user = line.slice(start + 1, end - 1);
  return user.includes('@') && line[end] === ' ' && SSH_PROMPT_PATH.test(line.slice(end + 1));
}

/** Lines without blanks and prompts, trimmed on the left too. */
export function contentLines(text: string): string[] {
  return toLines(text)
    .filter((line) => line.trim() !== '' && !isPromptLine(line))
    .map((line) => line.trim());
}

export interface KeyValueLine {
  key: string;
  value: string;
  line: string;
}

/**
 * Reads "Key : Value" / "Key: Value" / "Key:" lines. The key is the text before the first
 * colon that is followed by a space or the end of line, so values such as URLs
 * ("https://...") and times ("17:22:58") keep their colons.
 */
export function readKeyValue(line: string): KeyValueLine | null {
  const trimmed = line.trim();
  // String methods, not /^([^:]*?[^\s:])\s*:(?:\s+(.*)|)$/, which is quadratic on a colon
  // followed by a long run of spaces.
  const colon = trimmed.indexOf(':');
  if (colon < 0) return null;
  const key = trimmed.slice(0, colon).trimEnd();
  const rest = trimmed.slice(colon + 1);
  if (key === '' || (rest !== '' && !/^\s/.test(rest))) return null;
  return { key, value: rest.trim(), line: trimmed };
}

/** YES/NO (any case) as a boolean; anything else (UNKNOWN, ERROR (...)) as undefined. */
export function readYesNo(value: string): boolean | undefined {
  const word = value.trim().toUpperCase();
  if (word === 'YES') return true;
  if (word === 'NO') return false;
  return undefined;
}

/** Lower-cased key without spaces, dashes or underscores, for tolerant field matching. */
export function normalizeKey(key: string): string {
  return key.toLowerCase().replace(/[\s_-]+/g, '');
}

/**
 * Runs a parser body and turns any unexpected exception into an unrecognized result, so
 * a parser bug on odd input degrades to "could not read" instead of crashing a check run.
 */
export function guardParse<T>(what: string, empty: () => T, parse: () => Parsed<T>): Parsed<T> {
  try {
    return parse();
  } catch (error) {
    const reason = oneLine(error instanceof Error ? error.message : String(error));
    return { facts: empty(), recognized: false, problems: [`could not read ${what}: ${reason}`] };
  }
}

/** The longest quote of outside text a problem carries. */
export const MAX_QUOTE = 160;

/**
 * Outside text made fit for a one-line message: control characters and line breaks become
 * spaces, and it is cut to `max` characters with an ellipsis.
 */
export function oneLine(text: string, max = MAX_QUOTE): string {
  // Cut first: the replacement then never walks more than `max` characters.
  let end = max - 1;
  if (/[\uD800-\uDBFF]/.test(text[end - 1] ?? '')) end -= 1; // never half a surrogate pair
  const cut = text.length > max ? `${text.slice(0, end)}…` : text;
  return cut.replace(/[\p{Cc}\u2028\u2029]/gu, ' ');
}

/**
 * A label reduced to its ASCII letters and digits, lower-cased: "Nom de forêt" → "nomdefort".
 * Accented letters are dropped rather than folded, so a label mis-decoded from another code
 * page ("Nom de forÛt", "Nom de for?t") reduces to the same text as the correct one.
 */
export function labelSkeleton(label: string): string {
  const lower = label.normalize('NFC').toLowerCase();
  // A loop, not .replace(/[^a-z0-9]+/g, ''): with a separator every other character (a pasted
  // line of "a@a@...") the replacement's cost grows faster than the text.
  const chunks: string[] = [];
  let codes: number[] = [];
  for (let index = 0; index < lower.length; index += 1) {
    const code = lower.charCodeAt(index);
    if ((code >= 0x61 && code <= 0x7a) || (code >= 0x30 && code <= 0x39)) codes.push(code);
    if (codes.length === SKELETON_CHUNK) {
      chunks.push(String.fromCharCode(...codes));
      codes = [];
    }
  }
  chunks.push(String.fromCharCode(...codes));
  return chunks.join('');
}

/** Characters turned into a string at a time (an argument list must stay short). */
const SKELETON_CHUNK = 4096;

/** Looks labels up by their skeleton: builds the table from readable labels per field. */
export function labelTable<F extends string>(labels: Record<F, readonly string[]>): Map<string, F> {
  const table = new Map<string, F>();
  for (const [field, names] of Object.entries(labels) as Array<[F, readonly string[]]>) {
    for (const name of names) table.set(labelSkeleton(name), field);
  }
  return table;
}
