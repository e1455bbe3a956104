// Every parser of the probe table, and the other exported readers of outside text, on text
// an attacker or a broken paste would send: random text, mutated real outputs, and pumped
// characters at 1 KB, 100 KB and 1 MB. None may throw, and time must grow linearly.
//
// The criterion, literally: every parser reads 1 MB within 20x the time it takes on
// 50 KB. Each parser has a budget (electron/engine/parsers/parse-budget.ts, 256-384 KB, far over
// any real output): text over it is cut at a line break and the result says so. So a 1 MB input
// costs the cut plus a parse of the budget, 5-8x the text of 50 KB. Times are the least of
// several runs after a warm-up run (the least is the parse's own cost; the others add a busy
// machine's waits and garbage collection).
//
// Below the budget the criterion alone would let a quadratic parser through (256 KB is only 5x
// 50 KB), so time is also checked from a quarter of the budget to the budget: linear code takes
// 4-7x the time for four times the text, quadratic code 16x; 12x is allowed.
//
// The line helpers (toLines, isPromptLine, readKeyValue, ...) have no budget of their own: the
// parsers call them only on text already cut to a budget, so they never see more than the
// largest budget. They get the same no-throw cases at 1 MB, and their growth is checked from a
// quarter of the largest budget to the largest budget (the same 12x). A case whose larger
// parse takes under 2 ms is not compared (timer noise; the summary says how many). A failed check is
// measured again up to three times (noise); a parse is stopped at a deadline, so a regression
// fails here instead of hanging the suite. Each parser prints a summary line.

import type { Parsed } from '@contract/types';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type AdversarialCase, KB, standardCases } from '../../../bench/adversarial-text';
import { type StressParser, stressParsers } from '../../../bench/stress-parsers';
import { leastOf, type ParseTime, timeParse } from '../../../bench/time-parse';
import { LARGEST_PARSE_BUDGET } from '../../../electron/engine/parsers/parse-budget';
import { expectParsedShape, mutatedSample, noiseText } from '../parsers/text-mutations';

const NO_THROW_SIZES = [1 * KB, 100 * KB, 1024 * KB];
const SMALL = 50 * KB;
const LARGE = 1024 * KB;
/** The growth allowed from 50 KB to 1 MB: the criterion. */
const GROWTH_LIMIT = 20;
/** The growth allowed from a quarter of the budget to the budget (linear 4x, quadratic 16x). */
const BUDGET_GROWTH_LIMIT = 12;
/** A parse faster than this is too fast to time: no ratio is computed. */
const TOO_FAST_MS = 2;
/** A parse longer than this is a failure in itself (linear ones take well under 1 s). */
const DEADLINE_MS = 10_000;
/** Runs per size; the least counts. */
const RUNS = 5;
/** Measurements of a case before it fails. */
const ROUNDS = 3;
const RANDOM_RUNS = 100;

function checkResult(parser: StressParser, result: unknown): void {
  if (parser.parsed) expectParsedShape(result as Parsed<unknown>);
}

function failure(time: ParseTime, size: number): string | undefined {
  if (time.timedOut) return `${size / KB} KB took over ${DEADLINE_MS} ms`;
  if (time.error !== undefined) return `${size / KB} KB threw ${String(time.error)}`;
  return undefined;
}

/** The least of RUNS timed parses after one untimed warm-up; throws on a timeout or exception. */
function leastTime(parser: StressParser, testCase: AdversarialCase, size: number): number {
  const time = leastOf(parser.parse, testCase.make(size), RUNS, DEADLINE_MS);
  const broken = failure(time, size);
  if (broken) throw new Error(`${parser.name}, ${testCase.name}: ${broken}`);
  return time.ms;
}

/** How time grows from `from` to `to` characters. */
interface Step {
  from: number;
  to: number;
  ratio: number;
  /** The least time at `to`. */
  toMs: number;
  passed: boolean;
}

function measureStep(
  parser: StressParser,
  testCase: AdversarialCase,
  from: number,
  to: number,
  limit: number,
): Step {
  let best: Step | undefined;
  for (let round = 0; round < ROUNDS && !best?.passed; round += 1) {
    const fromMs = leastTime(parser, testCase, from);
    const toMs = leastTime(parser, testCase, to);
    const ratio = toMs / Math.max(fromMs, 0.01);
    const step = { from, to, ratio, toMs, passed: ratio <= limit || toMs < TOO_FAST_MS };
    if (best === undefined || step.passed || step.ratio < best.ratio) best = step;
  }
  return best as Step;
}

const sizeLabel = (size: number): string =>
  size >= 1024 * KB ? `${size / 1024 / KB} MB` : `${size / KB} KB`;

function describeStep(name: string, step: Step): string {
  return `${name}: ${sizeLabel(step.from)} -> ${sizeLabel(step.to)} ${step.ratio.toFixed(1)}x (${sizeLabel(step.to)} in ${step.toMs.toFixed(1)} ms)`;
}

/** The case that grew most among those slow enough to time, and how many were too fast. */
function worst(steps: Array<[string, Step]>): string {
  const timed = steps.filter(([, step]) => step.toMs >= TOO_FAST_MS);
  const fast = steps.length - timed.length;
  const tooFast = fast > 0 ? ` (${fast} under ${TOO_FAST_MS} ms, not compared)` : '';
  if (timed.length === 0) return `none slow enough to time${tooFast}`;
  const [name, step] = timed.reduce((a, b) => (b[1].ratio > a[1].ratio ? b : a));
  return `${describeStep(name, step)}${tooFast}`;
}

describe.each(stressParsers())('$name under stress', (parser) => {
  const counts = { random: 0, mutated: 0, pumped: 0, growth: 0 };

  it('never throws on random text or mutated real outputs', () => {
    const check = (text: string) => {
      checkResult(parser, parser.parse(text));
    };
    fc.assert(
      fc.property(noiseText(), (text) => {
        counts.random += 1;
        check(text);
      }),
      { numRuns: RANDOM_RUNS },
    );
    fc.assert(
      fc.property(mutatedSample(parser.samples), (text) => {
        counts.mutated += 1;
        check(text);
      }),
      { numRuns: RANDOM_RUNS },
    );
  });

  it('never throws on pumped text of 1 KB, 100 KB and 1 MB', () => {
    for (const testCase of standardCases(parser.samples)) {
      for (const size of NO_THROW_SIZES) {
        const time = timeParse(
          (text) => checkResult(parser, parser.parse(text)),
          testCase.make(size),
          DEADLINE_MS,
        );
        expect(failure(time, size), `${testCase.name}`).toBeUndefined();
        counts.pumped += 1;
      }
    }
  }, 120_000);

  const ceiling = parser.budget ?? LARGEST_PARSE_BUDGET;
  const criterion =
    parser.budget === undefined ? 'no budget of its own' : `budget ${sizeLabel(parser.budget)}`;

  it(`takes time in proportion to the text (${criterion})`, () => {
    const literal: Array<[string, Step]> = [];
    const belowBudget: Array<[string, Step]> = [];
    for (const testCase of standardCases(parser.samples)) {
      if (parser.budget !== undefined)
        literal.push([testCase.name, measureStep(parser, testCase, SMALL, LARGE, GROWTH_LIMIT)]);
      belowBudget.push([
        testCase.name,
        measureStep(parser, testCase, ceiling / 4, ceiling, BUDGET_GROWTH_LIMIT),
      ]);
      counts.growth += 1;
    }
    const literalText =
      parser.budget === undefined
        ? `reads only text a parser has cut, at most ${sizeLabel(LARGEST_PARSE_BUDGET)}`
        : `largest 50 KB -> 1 MB: ${worst(literal)}`;
    console.log(
      `parser fuzz: ${parser.name} (${criterion}): ${counts.random} random and ${counts.mutated} mutated texts, ` +
        `${counts.pumped} pumped texts, ${counts.growth} growth cases; ${literalText}; ` +
        `largest ${sizeLabel(ceiling / 4)} -> ${sizeLabel(ceiling)}: ${worst(belowBudget)}`,
    );
    const failed = [...literal, ...belowBudget]
      .filter(([, step]) => !step.passed)
      .map(([name, step]) => describeStep(name, step));
    expect(failed).toEqual([]);
  }, 300_000);
});
