import type { Parsed, Sourced } from '@contract/types';
import { PARSE_BUDGETS, parseWithin } from './parse-budget';
import { parseRegistry, type RegistryValue } from './parse-registry';
import { contentLines } from './text-lines';

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

// `ver` / `winver` style: "Microsoft Windows [Version 10.0.22631.4460]" (the word "Version"
// is localized, so only the bracketed dotted number is relied on). Matched on the text between
// a "[" and the next "]" (see `readBracketedVersion`): one expression searching the whole line,
// /\[[^\]\d]*\d+.../, is quadratic on a line of "[".
const BRACKETED_VERSION = /^\D*\d+\.\d+\.(\d{4,5})(?:\.(\d+))?$/;
// winver / Settings: "Version 23H2 (OS Build 22631.4460)".
const OS_BUILD_LINE = /\bOS Build (\d{4,5})(?:\.(\d+))?/i;
const DISPLAY_VERSION_WORD = /\bVersion (\d{2}H\d|\d{4})\b/i;

export function parseOsVersion(text: string): Parsed<OsVersionFacts> {
  return parseWithin(PARSE_BUDGETS.osVersion, 'OS version output', text, () => ({}), readOsVersion);
}

function readOsVersion(text: string): Parsed<OsVersionFacts> {
  // The registry's values win; the `ver`/winver line is read only when they name no build.
  const registry = fromRegistry(text);
  const facts = registry.currentBuild ? registry : { ...fromVersionLine(text), ...registry };
  if (Object.keys(facts).length === 0) {
    return { facts: {}, recognized: false, problems: ['no Windows version values found'] };
  }
  const problems = facts.currentBuild ? [] : ['CurrentBuild not found'];
  return { facts, recognized: true, problems };
}

function fromRegistry(text: string): OsVersionFacts {
  const values = new Map<string, RegistryValue>();
  for (const key of parseRegistry(text).facts.keys) {
    for (const value of key.values) {
      // First occurrence wins: the CurrentVersion key comes before any subkey.
      const name = value.name.toLowerCase();
      if (!values.has(name)) values.set(name, value);
    }
  }
  const facts: OsVersionFacts = {};
  const set = <K extends keyof OsVersionFacts>(field: K, fact: OsVersionFacts[K] | undefined) => {
    if (fact) facts[field] = fact;
  };
  set('productName', asText(values.get('productname')));
  set('displayVersion', asText(values.get('displayversion')));
  set('currentBuild', asNumber(values.get('currentbuild') ?? values.get('currentbuildnumber')));
  set('ubr', asNumber(values.get('ubr')));
  set('installationType', asText(values.get('installationtype')));
  set('editionId', asText(values.get('editionid')));
  return facts;
}

function asText(value: RegistryValue | undefined): Sourced<string> | undefined {
  if (!value || value.data === '') return undefined;
  return { value: String(value.data), line: value.line };
}

function asNumber(value: RegistryValue | undefined): Sourced<number> | undefined {
  if (!value) return undefined;
  // CurrentBuild is a REG_SZ ("22631"); UBR is a REG_DWORD already read as a number.
  const number =
    typeof value.data === 'number' ? value.data : /^\d+$/.test(value.data) ? Number(value.data) : NaN;
  return Number.isFinite(number) ? { value: number, line: value.line } : undefined;
}

function fromVersionLine(text: string): OsVersionFacts {
  for (const line of contentLines(text)) {
    const match = readBracketedVersion(line) ?? OS_BUILD_LINE.exec(line);
    if (!match?.[1]) continue;
    const facts: OsVersionFacts = { currentBuild: { value: Number(match[1]), line } };
    if (match[2]) facts.ubr = { value: Number(match[2]), line };
    const display = OS_BUILD_LINE.test(line) ? DISPLAY_VERSION_WORD.exec(line) : null;
    if (display?.[1]) facts.displayVersion = { value: display[1], line };
    return facts;
  }
  return {};
}

/**
 * The first "[... 10.0.22631.4460]" of a line: the text after the last "[" before a "]" is
 * words without digits, then the version. One pass over the line.
 */
function readBracketedVersion(line: string): RegExpExecArray | null {
  let open = -1;
  for (let index = 0; index < line.length; index += 1) {
    const char = line[index];
    if (char === '[') open = index;
    else if (char === ']') {
      const match = open >= 0 ? BRACKETED_VERSION.exec(line.slice(open + 1, index)) : null;
      if (match) return match;
      open = -1;
    }
  }
  return null;
}
