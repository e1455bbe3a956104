// Benchmark (not a test): every parser on adversarial text of 50 KB and 1 MB (pumped
// characters after the prefixes the parsers react to, long and short lines), the better of
// two runs each. Prints, per parser, the slowest case and how its time grows from 50 KB to
// 1 MB (20.5x more text: linear is about 20x). A parse is stopped at a deadline, and a case
// that ran out of time on 50 KB is not run on 1 MB, so a super-linear parser is reported
// instead of hanging the bench.
// Run with `npx tsx bench/parser-bench.ts [--all] [--only NAME]`.

import { type AdversarialCase, adversarialCases, KB, repeatedSample } from './adversarial-text';
import { type StressParser, stressParsers } from './stress-parsers';
import { bestOfTwo } from './time-parse';

const SIZES = [50 * KB, 1024 * KB];
const SMALL = 50 * KB;
const LARGE = 1024 * KB;
const DEADLINE_MS = 5000;

interface Timing {
  parser: string;
  name: string;
  /** Size in characters -> best time in ms. */
  times: Map<number, number>;
  /** Sizes whose parse ran out of time (the larger sizes are not tried). */
  timedOut: Set<number>;
}

function measure(parser: StressParser, testCase: AdversarialCase): Timing {
  const times = new Map<number, number>();
  const timedOut = new Set<number>();
  for (const size of SIZES) {
    const best = bestOfTwo(parser.parse, testCase.make(size), DEADLINE_MS);
    if (best.timedOut) {
      timedOut.add(size);
      break;
    }
    times.set(size, best.ms);
  }
  return { parser: parser.name, name: testCase.name, times, timedOut };
}

function cases(parser: StressParser): AdversarialCase[] {
  const samples = parser.samples.map((sample, index) => ({
    name: `sample ${index + 1} repeated`,
    make: (size: number) => repeatedSample(sample, size),
  }));
  return [...adversarialCases(), ...samples];
}

const ms = (value: number | undefined): string => (value === undefined ? '-' : value.toFixed(1));

/** "12.3", "> 5000" when the parse ran out of time, "-" when it was not tried. */
function cell(timing: Timing, size: number): string {
  if (timing.timedOut.has(size)) return `> ${DEADLINE_MS}`;
  return ms(timing.times.get(size));
}

function ratio(timing: Timing): number | undefined {
  const small = timing.times.get(SMALL);
  const large = timing.times.get(LARGE);
  if (small === undefined || large === undefined) return undefined;
  return large / Math.max(small, 0.05);
}

/** The slowest case: one that never reached 1 MB, else the one with the largest 1 MB time. */
function worst(timings: Timing[]): Timing | undefined {
  const score = (timing: Timing) => timing.times.get(LARGE) ?? Number.POSITIVE_INFINITY;
  return timings.reduce<Timing | undefined>(
    (best, next) => (best === undefined || score(next) > score(best) ? next : best),
    undefined,
  );
}

function row(timing: Timing): string {
  const growth = ratio(timing);
  return [
    timing.parser.padEnd(48),
    timing.name.padEnd(34),
    cell(timing, SMALL).padStart(10),
    cell(timing, LARGE).padStart(10),
    (growth === undefined ? '-' : `${growth.toFixed(1)}x`).padStart(8),
  ].join(' ');
}

function main(): void {
  const all = process.argv.includes('--all');
  const only = process.argv[process.argv.indexOf('--only') + 1];
  const parsers = stressParsers().filter(
    (parser) => !process.argv.includes('--only') || parser.name === only,
  );
  console.log('Parsers on adversarial text (best of two runs, ms; 1 MB is 20.5x the text of 50 KB):');
  console.log(
    [
      'parser'.padEnd(48),
      (all ? 'case' : 'slowest case').padEnd(34),
      '50 KB'.padStart(10),
      '1 MB'.padStart(10),
      'growth'.padStart(8),
    ].join(' '),
  );
  let total = 0;
  let overDeadline = 0;
  let largest = 0;
  for (const parser of parsers) {
    const timings = cases(parser).map((testCase) => measure(parser, testCase));
    total += timings.length;
    for (const timing of all ? timings : [worst(timings)]) if (timing) console.log(row(timing));
    for (const timing of timings) {
      if (timing.timedOut.size > 0) overDeadline += 1;
      largest = Math.max(largest, ratio(timing) ?? 0);
    }
  }
  console.log(
    `${parsers.length} parsers, ${total} cases: ${overDeadline} ran out of the ${DEADLINE_MS} ms deadline; ` +
      `largest growth 50 KB -> 1 MB among the others: ${largest.toFixed(1)}x`,
  );
}

main();
