// How much text each parser reads. Real outputs are at most a few hundred KB (dsregcmd about
// 20 KB, klist with a hundred tickets about 60 KB); the budgets leave ample room while
// bounding the work a pasted or captured file can cause. Text over a budget is cut at the
// last line break within it and the result says so. Sizes are in UTF-16 code units (what
// String.length counts); the command funnel keeps at most 8 MB of a command's output anyway.

import type { Parsed } from '../types';
import { guardParse } from './text-lines';

export const KB = 1024;
export const MB = 1024 * KB;

/** The largest text each parser reads in full. */
export const PARSE_BUDGETS = {
  osVersion: 1 * MB,
  dsregcmd: 4 * MB,
  klistCloudDebug: 1 * MB,
  klistTickets: 2 * MB,
  udrEvents: 4 * MB,
  registry: 2 * MB,
  whoami: 2 * MB,
  nltest: 1 * MB,
  w32tm: 1 * MB,
  entraKerberosObject: 4 * MB,
  shareAccess: 1 * MB,
  certutilStore: 2 * MB,
  certutilDeleteHello: 1 * MB,
  logonProvider: 1 * MB,
  kerberosServerAdmin: 1 * MB,
} as const;

export interface CutText {
  text: string;
  /** True when the text was longer than the budget and was cut. */
  cut: boolean;
}

/**
 * The text up to `budget` characters, ending at the last line break within it (a partial line
 * could be misread); a single line longer than the budget is cut at the budget.
 */
export function cutToBudget(text: string, budget: number): CutText {
  if (typeof text !== 'string' || text.length <= budget) return { text, cut: false };
  const lineEnd = Math.max(text.lastIndexOf('\n', budget - 1), text.lastIndexOf('\r', budget - 1));
  let end = lineEnd > 0 ? lineEnd : budget;
  // Never end on half a surrogate pair.
  if (lineEnd <= 0 && /[\uD800-\uDBFF]/.test(text[end - 1] ?? '')) end -= 1;
  return { text: text.slice(0, end), cut: true };
}

/** The note a cut result carries. */
export function cutNote(budget: number): string {
  return `output cut at ${Math.round(budget / KB)} KB: only the lines before were read`;
}

/**
 * Runs a parser body on the text cut to its budget, with guardParse's protection against
 * exceptions. A cut is noted first among the problems of a recognized result, and last among
 * those of an unrecognized one, whose first problem stays the reason it was not recognized.
 */
export function parseWithin<T>(
  budget: number,
  what: string,
  text: string,
  empty: () => T,
  read: (text: string) => Parsed<T>,
): Parsed<T> {
  const within = cutToBudget(text, budget);
  const result = guardParse(what, empty, () => read(within.text));
  if (!within.cut) return result;
  const note = cutNote(budget);
  const problems = result.recognized ? [note, ...result.problems] : [...result.problems, note];
  return { ...result, problems };
}
