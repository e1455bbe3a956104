// Benchmark (not a test): every parser on adversarial text of 50 KB, 512 KB and 1 MB (pumped
// characters after the prefixes the parsers react to, long and short lines, real outputs
// repeated), the better of two runs each. Prints, per parser, the slowest case and how its
// time grows: 1 MB is 20.5x the text of 50 KB and 2x that of 512 KB, so linear code grows
// about 20x and 2x (more from 50 KB, where the text still fits the processor caches), and
// quadratic code 420x and 4x. A parse is stopped at a deadline, and a case that ran out of
// time is not run on larger text, so a super-linear parser is reported instead of hanging.
// Run with `npx tsx bench/parser-bench.ts [--all] [--every-case] [--only NAME]`: --all adds
// every pump and real output (slow), --every-case prints each case instead of the slowest.

import {
  type AdversarialCase,
  adversarialCases,
  KB,
  repeatedSample,
  standardCases,
} from './adversarial-text';
import { type StressParser, stressParsers } from './stress-parsers';
import { bestOfTwo, timeParse } from './time-parse';

const SMALL = 50 * KB;
const HALF = 512 * KB;
const LARGE = 1024 * KB;
const SIZES = [SMALL, HALF, LARGE];
const DEADLINE_MS = 5000;

interface Timing {
  parser: string;
  name: string;
  /** Size in characters -> best time in ms. */
  times: Map<number, number>;
  /** The size whose parse ran out of time (larger sizes are not tried). */
  timedOut?: number;
}

function measure(parser: StressParser, testCase: AdversarialCase): Timing {
  const timing: Timing = { parser: parser.name, name: testCase.name, times: new Map() };
  timeParse(parser.parse, testCase.make(SMALL), DEADLINE_MS); // compiles the hot paths first
  for (const size of SIZES) {
    const best = bestOfTwo(parser.parse, testCase.make(size), DEADLINE_MS);
    if (best.timedOut) {
      timing.timedOut = size;
      break;
    }
    timing.times.set(size, best.ms);
  }
  return timing;
}

function cases(parser: StressParser, all: boolean): AdversarialCase[] {
  if (!all) return standardCases(parser.samples);
  const samples = parser.samples.map((sample, index) => ({
    name: `real output ${index + 1} repeated`,
    make: (size: number) => repeatedSample(sample, size),
  }));
  return [...adversarialCases(), ...samples];
}

/** "12.3", "> 5000" when the parse ran out of time, "-" when it was not tried. */
function cell(timing: Timing, size: number): string {
  if (timing.timedOut === size) return `> ${DEADLINE_MS}`;
  return timing.times.get(size)?.toFixed(1) ?? '-';
}

function growth(timing: Timing, from: number): number | undefined {
  const base = timing.times.get(from);
  const large = timing.times.get(LARGE);
  return base === undefined || large === undefined ? undefined : large / Math.max(base, 0.01);
}

const times = (value: number | undefined): string => (value === undefined ? '-' : `${value.toFixed(1)}x`);

/** The slowest case: one that ran out of time, else the one with the largest 1 MB time. */
function slowest(timings: Timing[]): Timing | undefined {
  const score = (timing: Timing) => timing.times.get(LARGE) ?? Number.POSITIVE_INFINITY;
  return timings.reduce<Timing | undefined>(
    (best, next) => (best === undefined || score(next) > score(best) ? next : best),
    undefined,
  );
}

const COLUMNS: Array<[string, number, (timing: Timing) => string]> = [
  ['parser', -48, (timing) => timing.parser],
  ['case', -30, (timing) => timing.name],
  ['50 KB', 8, (timing) => cell(timing, SMALL)],
  ['512 KB', 8, (timing) => cell(timing, HALF)],
  ['1 MB', 8, (timing) => cell(timing, LARGE)],
  ['50K->1M', 9, (timing) => times(growth(timing, SMALL))],
  ['512K->1M', 9, (timing) => times(growth(timing, HALF))],
];

function line(values: string[]): string {
  return COLUMNS.map(([, width], index) => {
    const value = values[index] ?? '';
    return width < 0 ? value.padEnd(-width) : value.padStart(width);
  }).join(' ');
}

function main(): void {
  const all = process.argv.includes('--all');
  const everyCase = process.argv.includes('--every-case');
  const onlyAt = process.argv.indexOf('--only');
  const only = onlyAt >= 0 ? process.argv[onlyAt + 1] : undefined;
  const parsers = stressParsers().filter((parser) => only === undefined || parser.name === only);
  console.log('Parsers on adversarial text (ms, better of two runs; linear grows ~20x and ~2x):');
  console.log(line(COLUMNS.map(([title]) => title)));
  let total = 0;
  let overDeadline = 0;
  let largestHalf = 0;
  for (const parser of parsers) {
    const timings = cases(parser, all).map((testCase) => measure(parser, testCase));
    total += timings.length;
    for (const timing of everyCase ? timings : [slowest(timings)]) {
      if (timing) console.log(line(COLUMNS.map(([, , value]) => value(timing))));
    }
    for (const timing of timings) {
      if (timing.timedOut !== undefined) overDeadline += 1;
      largestHalf = Math.max(largestHalf, growth(timing, HALF) ?? 0);
    }
  }
  console.log(
    `${parsers.length} parsers, ${total} cases: ${overDeadline} ran out of the ${DEADLINE_MS} ms deadline; ` +
      `largest growth 512 KB -> 1 MB: ${largestHalf.toFixed(1)}x`,
  );
}

main();
