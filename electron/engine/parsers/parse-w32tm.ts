import type { Parsed, Sourced } from '@contract/types';
import { PARSE_BUDGETS, parseWithin } from './parse-budget';
import {
  contentLines,
  type KeyValueLine,
  labelSkeleton,
  labelTable,
  oneLine,
  readKeyValue,
} from './text-lines';

/** Facts from `w32tm /query /status`. */
export interface TimeStatusFacts {
  /** 0 = in sync, 3 = not synchronized. */
  leapIndicator?: Sourced<number>;
  stratum?: Sourced<number>;
  source?: Sourced<string>;
  lastSuccessfulSyncTime?: Sourced<string>;
  /** e.g. "The following error occurred: The service has not been started. (0x80070426)". */
  failure?: Sourced<string>;
}

/** Facts from `w32tm /stripchart /computer:<DC> /samples:1 /dataonly`. */
export interface TimeOffsetFacts {
  /** Offset of this clock to the DC in seconds (sign as printed). */
  offsetSeconds?: Sourced<number>;
  /** e.g. "error: 0x800705B4" when the DC did not answer. */
  failure?: Sourced<string>;
  /** The "Tracking <host> [...]" target. */
  target?: string;
}

type StatusField = 'leapIndicator' | 'stratum' | 'source' | 'lastSuccessfulSyncTime';

// The status labels in English, French, German and Spanish. A label missing here is read by
// the shape of its value or its place in w32tm's fixed order (see `readStatusByShape`).
const STATUS_LABELS = labelTable<StatusField>({
  leapIndicator: ['Leap Indicator', 'Indicateur de saut', 'Sprungindikator', 'Indicador de salto'],
  stratum: ['Stratum', 'Strate', 'Estrato'],
  source: ['Source', 'Quelle', 'Origen'],
  lastSuccessfulSyncTime: [
    'Last Successful Sync Time',
    'Heure de la dernière synchronisation réussie',
    'Letzte erfolgreiche Synchronisierungszeit',
    'Hora de la última sincronización correcta',
  ],
});

const STATUS_NAMES: Record<StatusField, string> = {
  leapIndicator: 'Leap Indicator',
  stratum: 'Stratum',
  source: 'Source',
  lastSuccessfulSyncTime: 'Last Successful Sync Time',
};

// w32tm's own failure line, e.g. when the time service is stopped.
const ERROR_LINE = /\(0x[0-9A-F]{8}\)\s*\.?$/i;
// Values whose shape is the same in every language: the leap indicator "3(not synchronized)"
// (no space before the parenthesis, unlike stratum "0 (unspecified)") and the reference id
// "0x0A00000A (source IP: 10.0.0.10)".
const LEAP_VALUE = /^[0-3]\(/;
const LEADING_NUMBER = /^(\d+)(?!\d)/;
const REFERENCE_ID_VALUE = /^0x[0-9a-f]{8}(?![0-9a-z])/i;
// "10:15:03, +00.0312500s" (/dataonly) or "10:15:03 d:+00.0009763s o:+00.0312500s ..." (chart).
const DATA_OFFSET = /^\S.*?,\s*([+-]?\d+(?:[.,]\d+)?)s\b/;
const CHART_OFFSET = /\bo:\s*([+-]?\d+(?:[.,]\d+)?)s\b/;
// "10:15:03, error: 0x800705B4": the HRESULT in the line's last word (see `readSampleError`).
const HRESULT = /0x[0-9A-F]{8}/i;

export function parseTimeStatus(text: string): Parsed<TimeStatusFacts> {
  return parseWithin(PARSE_BUDGETS.w32tm, 'w32tm status output', text, () => ({}), readStatus);
}

export function parseTimeOffset(text: string): Parsed<TimeOffsetFacts> {
  return parseWithin(PARSE_BUDGETS.w32tm, 'w32tm stripchart output', text, () => ({}), readOffset);
}

/** The field the previous status line decided comes next, by w32tm's fixed order. */
type Expected = StatusField | undefined;

function readStatus(text: string): Parsed<TimeStatusFacts> {
  const facts: TimeStatusFacts = {};
  const problems: string[] = [];
  let expected: Expected;
  for (const line of contentLines(text)) {
    if (ERROR_LINE.test(line) && !facts.failure) {
      facts.failure = { value: line, line };
      continue;
    }
    const pair = readKeyValue(line);
    if (!pair) continue;
    const known = STATUS_LABELS.get(labelSkeleton(pair.key));
    const field = known ?? readStatusByShape(facts, pair, expected);
    if (field && setStatusField(facts, field, pair) && !known) {
      problems.push(
        `unknown label "${clip(pair.key)}": read as ${STATUS_NAMES[field]} by its value and place`,
      );
    }
    expected = nextExpected(field, pair);
  }
  if (Object.keys(facts).length === 0) {
    return { facts, recognized: false, problems: ['no w32tm status fields found'] };
  }
  if (!facts.failure) {
    for (const [field, name] of Object.entries(STATUS_NAMES) as Array<[StatusField, string]>) {
      if (!facts[field]) problems.push(`${name} not found`);
    }
  }
  return { facts, recognized: true, problems };
}

/**
 * A line whose label is unknown: the leap indicator by its shape; stratum is the line after it,
 * the last sync time the line after the reference id (0x...), and the source the line after that.
 */
function readStatusByShape(
  facts: TimeStatusFacts,
  pair: KeyValueLine,
  expected: Expected,
): StatusField | undefined {
  if (!facts.leapIndicator && LEAP_VALUE.test(pair.value)) return 'leapIndicator';
  return expected;
}

function nextExpected(field: StatusField | undefined, pair: KeyValueLine): Expected {
  if (field === 'leapIndicator') return 'stratum';
  if (field === 'lastSuccessfulSyncTime') return 'source';
  if (REFERENCE_ID_VALUE.test(pair.value)) return 'lastSuccessfulSyncTime';
  return undefined;
}

/** Stores one field; false when the value does not fit it (no number, empty text). */
function setStatusField(facts: TimeStatusFacts, field: StatusField, pair: KeyValueLine): boolean {
  if (field === 'leapIndicator' || field === 'stratum') {
    // "3(not synchronized)", "0 (unspecified)": the leading number is the fact.
    const number = LEADING_NUMBER.exec(pair.value)?.[1];
    if (number === undefined) return false;
    facts[field] = { value: Number(number), line: pair.line };
    return true;
  }
  if (pair.value === '') return false;
  facts[field] = { value: pair.value, line: pair.line };
  return true;
}

function clip(text: string): string {
  return oneLine(text, 60);
}

function readOffset(text: string): Parsed<TimeOffsetFacts> {
  const facts: TimeOffsetFacts = {};
  for (const line of contentLines(text)) {
    const target = facts.target === undefined ? trackingTarget(line) : undefined;
    if (target) {
      facts.target = target;
      continue;
    }
    readSample(facts, line);
  }
  if (Object.keys(facts).length === 0) {
    return { facts, recognized: false, problems: ['no w32tm stripchart sample found'] };
  }
  const problems = facts.offsetSeconds || facts.failure ? [] : ['no time sample found'];
  return { facts, recognized: true, problems };
}

/**
 * The host of "Tracking DC01.contoso.com [10.0.0.10:123]." / "Suivi de DC01 [10.0.0.10:123]." /
 * "Verfolgung von ...": the verb is localized, the bracket with its port is not.
 */
function trackingTarget(line: string): string | undefined {
  const end = line.endsWith('].') ? line.length - 2 : line.endsWith(']') ? line.length - 1 : -1;
  if (end < 0) return undefined;
  const open = line.lastIndexOf('[', end);
  if (open <= 0) return undefined;
  const inside = line.slice(open + 1, end);
  const colon = inside.lastIndexOf(':');
  if (colon < 0 || !/^\d+$/.test(inside.slice(colon + 1)) || inside.includes(']')) return undefined;
  const before = line.slice(0, open);
  if (!/\s$/.test(before)) return undefined;
  const host = before.trimEnd();
  let start = host.length;
  while (start > 0 && !/\s/.test(host[start - 1] ?? ' ')) start -= 1;
  return host.slice(start) || undefined;
}

/** Reads one sample line: the first good offset wins; an error is kept only if none was read. */
function readSample(facts: TimeOffsetFacts, line: string): void {
  const offset = DATA_OFFSET.exec(line) ?? CHART_OFFSET.exec(line);
  if (offset?.[1] && !facts.offsetSeconds) {
    // Some locales print a decimal comma ("+00,0312500s").
    const value = Number(offset[1].replace(',', '.'));
    if (Number.isFinite(value)) facts.offsetSeconds = { value, line };
    return;
  }
  const error = readSampleError(line);
  if (error && !facts.failure) {
    facts.failure = { value: error, line };
    return;
  }
  // "The following error occurred: No such host is known. (0x80072AF9)"
  if (ERROR_LINE.test(line) && !facts.failure) facts.failure = { value: line, line };
}

/**
 * The error of a sample line, "10:15:03, error: 0x800705B4" -> "error: 0x800705B4": the text
 * after the last comma before an HRESULT in the line's last word. Read with string methods:
 * /^\S.*?,\s*(\S[^,]*?0x[0-9A-F]{8}\S*)$/ is quadratic on a long run of HRESULTs.
 */
function readSampleError(line: string): string | undefined {
  let wordStart = line.length;
  while (wordStart > 0 && !/\s/.test(line[wordStart - 1] ?? '')) wordStart -= 1;
  const hresult = HRESULT.exec(line.slice(wordStart));
  if (!hresult) return undefined;
  const at = wordStart + hresult.index;
  const comma = line.lastIndexOf(',', at - 1);
  // A time (or other text) before the comma, and a message word between it and the HRESULT.
  if (comma <= 0 || line.slice(comma + 1, at).trim() === '') return undefined;
  return line.slice(comma + 1).trim();
}
