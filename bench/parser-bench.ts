// Benchmark (not a test): every parser on adversarial text of 50 KB, a quarter of its budget,
// its budget and 1 MB (pumped characters after the prefixes the parsers react to, long and
// short lines, real outputs repeated), the least of five runs after a warm-up each. Each parser reads at most
// its budget (electron/engine/parsers/parse-budget.ts) and cuts the rest, so 1 MB costs about
// what the budget costs: the criterion (1 MB within 20x of 50 KB) shows in 50K->1M.
// Below the budget linear code grows about 4x from a quarter of the budget to the budget and
// quadratic code 16x (Q->B). The line helpers have no budget of their own (they only see text a
// parser has cut): they are measured against the largest budget. A parse is stopped at a
// deadline, and a case that ran out of time is not run on larger text, so a super-linear
// parser is reported instead of hanging.
// Run with `npx tsx bench/parser-bench.ts [--all] [--every-case] [--only NAME]`: --all adds
// every pump and real output (slow), --every-case prints each case instead of the slowest.

import { LARGEST_PARSE_BUDGET } from '../electron/engine/parsers/parse-budget';
import {
  type AdversarialCase,
  adversarialCases,
  KB,
  repeatedSample,
  standardCases,
} from './adversarial-text';
import { type StressParser, stressParsers } from './stress-parsers';
import { leastOf } from './time-parse';

const SMALL = 50 * KB;
const LARGE = 1024 * KB;
const DEADLINE_MS = 5000;
/** Timed runs per size after a warm-up; the least counts. */
const RUNS = 5;

/** The sizes of one parser: 50 KB, a quarter of its budget, its budget, 1 MB. */
interface Sizes {
  small: number;
  quarter: number;
  budget: number;
  large: number;
}

function sizesOf(parser: StressParser): Sizes {
  const budget = parser.budget ?? LARGEST_PARSE_BUDGET;
  return { small: SMALL, quarter: budget / 4, budget, large: LARGE };
}

interface Timing {
  parser: string;
  name: string;
  sizes: Sizes;
  /** Size in characters -> best time in ms. */
  times: Map<number, number>;
  /** The size whose parse ran out of time (larger sizes are not tried). */
  timedOut?: number;
}

function measure(parser: StressParser, testCase: AdversarialCase): Timing {
  const sizes = sizesOf(parser);
  const timing: Timing = { parser: parser.name, name: testCase.name, sizes, times: new Map() };
  for (const size of [...new Set([sizes.small, sizes.quarter, sizes.budget, sizes.large])].sort(
    (a, b) => a - b,
  )) {
    const best = leastOf(parser.parse, testCase.make(size), RUNS, DEADLINE_MS);
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

function growth(timing: Timing, from: number, to: number): number | undefined {
  const base = timing.times.get(from);
  const top = timing.times.get(to);
  return base === undefined || top === undefined ? undefined : top / Math.max(base, 0.01);
}

const times = (value: number | undefined): string => (value === undefined ? '-' : `${value.toFixed(1)}x`);

/** The slowest case: one that ran out of time, else the one with the largest time at the budget. */
function slowest(timings: Timing[]): Timing | undefined {
  const score = (timing: Timing) => timing.times.get(timing.sizes.budget) ?? Number.POSITIVE_INFINITY;
  return timings.reduce<Timing | undefined>(
    (best, next) => (best === undefined || score(next) > score(best) ? next : best),
    undefined,
  );
}

const kb = (size: number): string => `${size / KB}`;

const COLUMNS: Array<[string, number, (timing: Timing) => string]> = [
  ['parser', -48, (timing) => timing.parser],
  ['case', -28, (timing) => timing.name],
  ['budget KB', 9, (timing) => kb(timing.sizes.budget)],
  ['50 KB', 7, (timing) => cell(timing, timing.sizes.small)],
  ['Q ms', 7, (timing) => cell(timing, timing.sizes.quarter)],
  ['B ms', 7, (timing) => cell(timing, timing.sizes.budget)],
  ['1 MB', 7, (timing) => cell(timing, timing.sizes.large)],
  ['50K->1M', 8, (timing) => times(growth(timing, timing.sizes.small, timing.sizes.large))],
  ['Q->B', 6, (timing) => times(growth(timing, timing.sizes.quarter, timing.sizes.budget))],
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
  console.log(
    'Parsers on adversarial text (ms, least of five runs; Q = a quarter of the budget, B = the budget;\n' +
      'text over the budget is cut, so 1 MB costs about B; linear grows ~4x from Q to B, quadratic 16x):',
  );
  console.log(line(COLUMNS.map(([title]) => title)));
  let total = 0;
  let overDeadline = 0;
  let largestLiteral = 0;
  let largestBelow = 0;
  for (const parser of parsers) {
    const timings = cases(parser, all).map((testCase) => measure(parser, testCase));
    total += timings.length;
    for (const timing of everyCase ? timings : [slowest(timings)]) {
      if (timing) console.log(line(COLUMNS.map(([, , value]) => value(timing))));
    }
    for (const timing of timings) {
      if (timing.timedOut !== undefined) overDeadline += 1;
      // Ratios of parses under 2 ms are timer noise.
      if ((timing.times.get(LARGE) ?? 0) >= 2 && parser.budget !== undefined)
        largestLiteral = Math.max(largestLiteral, growth(timing, SMALL, LARGE) ?? 0);
      if ((timing.times.get(timing.sizes.budget) ?? 0) >= 2)
        largestBelow = Math.max(largestBelow, growth(timing, timing.sizes.quarter, timing.sizes.budget) ?? 0);
    }
  }
  console.log(
    `${parsers.length} parsers, ${total} cases: ${overDeadline} ran out of the ${DEADLINE_MS} ms deadline; ` +
      `largest growth of the parsers with a budget 50 KB -> 1 MB: ${largestLiteral.toFixed(1)}x (20x allowed); ` +
      `largest growth Q -> B: ${largestBelow.toFixed(1)}x (parses of 2 ms or more)`,
  );
}

main();
