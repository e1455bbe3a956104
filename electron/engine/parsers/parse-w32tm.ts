import type { Parsed, Sourced } from '../types';
import { contentLines, guardParse, normalizeKey, readKeyValue } from './text-lines';

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

// w32tm's own failure line, e.g. when the time service is stopped.
const ERROR_LINE = /\(0x[0-9A-F]{8}\)\s*\.?$/i;
// "Tracking DC01.contoso.com [10.0.0.10:123]." (the verb is localized; the bracket is not).
const TRACKING = /(\S+)\s+\[[^\]]*:\d+\]\.?$/;
// "10:15:03, +00.0312500s" (/dataonly) or "10:15:03 d:+00.0009763s o:+00.0312500s ..." (chart).
const DATA_OFFSET = /^\S.*?,\s*([+-]?\d+(?:[.,]\d+)?)s\b/;
const CHART_OFFSET = /\bo:\s*([+-]?\d+(?:[.,]\d+)?)s\b/;
const SAMPLE_ERROR = /^\S.*?,\s*(\S[^,]*?0x[0-9A-F]{8}\S*)$/i;

export function parseTimeStatus(text: string): Parsed<TimeStatusFacts> {
  return guardParse(
    'w32tm status output',
    () => ({}),
    () => readStatus(text),
  );
}

export function parseTimeOffset(text: string): Parsed<TimeOffsetFacts> {
  return guardParse(
    'w32tm stripchart output',
    () => ({}),
    () => readOffset(text),
  );
}

function readStatus(text: string): Parsed<TimeStatusFacts> {
  const facts: TimeStatusFacts = {};
  for (const line of contentLines(text)) {
    if (ERROR_LINE.test(line) && !facts.failure) {
      facts.failure = { value: line, line };
      continue;
    }
    readStatusField(facts, line);
  }
  if (Object.keys(facts).length === 0) {
    return { facts, recognized: false, problems: ['no w32tm status fields found'] };
  }
  const problems = facts.failure || facts.leapIndicator ? [] : ['Leap Indicator not found'];
  return { facts, recognized: true, problems };
}

function readStatusField(facts: TimeStatusFacts, line: string): void {
  const pair = readKeyValue(line);
  if (!pair) return;
  const key = normalizeKey(pair.key);
  if (key === 'leapindicator' || key === 'stratum') {
    // "3(not synchronized)", "0 (unspecified)": the leading number is the fact.
    const number = /^(\d+)/.exec(pair.value)?.[1];
    if (number === undefined) return;
    facts[key === 'stratum' ? 'stratum' : 'leapIndicator'] = { value: Number(number), line: pair.line };
  } else if (key === 'source' && pair.value !== '') {
    facts.source = { value: pair.value, line: pair.line };
  } else if (key === 'lastsuccessfulsynctime' && pair.value !== '') {
    facts.lastSuccessfulSyncTime = { value: pair.value, line: pair.line };
  }
}

function readOffset(text: string): Parsed<TimeOffsetFacts> {
  const facts: TimeOffsetFacts = {};
  for (const line of contentLines(text)) {
    const tracking = facts.target === undefined ? TRACKING.exec(line) : null;
    if (tracking?.[1]) {
      facts.target = tracking[1];
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

/** Reads one sample line: the first good offset wins; an error is kept only if none was read. */
function readSample(facts: TimeOffsetFacts, line: string): void {
  const offset = DATA_OFFSET.exec(line) ?? CHART_OFFSET.exec(line);
  if (offset?.[1] && !facts.offsetSeconds) {
    // Some locales print a decimal comma ("+00,0312500s").
    const value = Number(offset[1].replace(',', '.'));
    if (Number.isFinite(value)) facts.offsetSeconds = { value, line };
    return;
  }
  const error = SAMPLE_ERROR.exec(line);
  if (error?.[1] && !facts.failure) {
    facts.failure = { value: error[1].trim(), line };
    return;
  }
  // "The following error occurred: No such host is known. (0x80072AF9)"
  if (ERROR_LINE.test(line) && !facts.failure) facts.failure = { value: line, line };
}
