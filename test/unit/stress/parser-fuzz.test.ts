// Every parser of the probe table, and the other exported readers of outside text, on text
// an attacker or a broken paste would send: random text, mutated real outputs, and pumped
// characters at 1 KB, 100 KB and 1 MB. None may throw, and time must grow linearly.
//
// Growth: the better of two runs on 1 MB within 20x the better of two on 50 KB (1 MB is 20.5x
// the text). Going from 50 KB to 1 MB leaves the processor caches and adds garbage collection,
// so plain linear code often grows 25-70x on a busy 2-core machine; such a case is measured
// again from 256 KB to 1 MB, both out of the caches, where linear code takes 4-8x the time for
// four times the text (V8's costs step up at some sizes) and quadratic code 16x (12x is
// allowed). A parse is stopped at a deadline, so a regression fails here instead of hanging
// the suite. Each parser prints a summary line.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type AdversarialCase, KB, standardCases } from '../../../bench/adversarial-text';
import { type StressParser, stressParsers } from '../../../bench/stress-parsers';
import { bestOfTwo, type ParseTime, timeParse } from '../../../bench/time-parse';
import type { Parsed } from '../../../electron/engine/types';
import { expectParsedShape, mutatedSample, noiseText } from '../parsers/text-mutations';

const NO_THROW_SIZES = [1 * KB, 100 * KB, 1024 * KB];
const SMALL = 50 * KB;
const QUARTER = 256 * KB;
const LARGE = 1024 * KB;
/** The growth allowed from 50 KB to 1 MB. */
const GROWTH_LIMIT = 20;
/** The growth allowed from 256 KB to 1 MB when the first check failed (linear 4x, quadratic 16x). */
const QUARTER_GROWTH_LIMIT = 12;
/** A 1 MB parse faster than this is too fast to time: no ratio is computed. */
const TOO_FAST_MS = 2;
/** A parse of 1 MB longer than this is a failure in itself (linear ones take well under 1 s). */
const DEADLINE_MS = 10_000;
const ROUNDS = 3;
const RANDOM_RUNS = 100;

function checkResult(parser: StressParser, result: unknown): void {
  if (parser.parsed) expectParsedShape(result as Parsed<unknown>);
}

interface Growth {
  name: string;
  /** 1 MB over 50 KB, the better of the rounds. */
  ratio: number;
  /** 1 MB over 256 KB, when it had to be measured. */
  quarterRatio?: number;
  largeMs: number;
  passed: boolean;
}

function failure(time: ParseTime, size: number): string | undefined {
  if (time.timedOut) return `${size / KB} KB took over ${DEADLINE_MS} ms`;
  if (time.error !== undefined) return `${size / KB} KB threw ${String(time.error)}`;
  return undefined;
}

/** Measures one case; a failed measurement is repeated (noise) up to ROUNDS times. */
function measureGrowth(parser: StressParser, testCase: AdversarialCase): Growth {
  const small = testCase.make(SMALL);
  const large = testCase.make(LARGE);
  timeParse(parser.parse, small, DEADLINE_MS); // compiles the parser's hot paths first
  let best: Growth = { name: testCase.name, ratio: Number.POSITIVE_INFINITY, largeMs: 0, passed: false };
  for (let round = 0; round < ROUNDS && !best.passed; round += 1) {
    const smallTime = bestOfTwo(parser.parse, small, DEADLINE_MS);
    const largeTime = bestOfTwo(parser.parse, large, DEADLINE_MS);
    const broken = failure(smallTime, SMALL) ?? failure(largeTime, LARGE);
    if (broken) throw new Error(`${parser.name}, ${testCase.name}: ${broken}`);
    const ratio = largeTime.ms / Math.max(smallTime.ms, 0.01);
    let growth: Growth = {
      name: testCase.name,
      ratio,
      largeMs: largeTime.ms,
      passed: ratio <= GROWTH_LIMIT || largeTime.ms < TOO_FAST_MS,
    };
    if (!growth.passed) {
      const quarterTime = bestOfTwo(parser.parse, testCase.make(QUARTER), DEADLINE_MS);
      const quarterBroken = failure(quarterTime, QUARTER);
      if (quarterBroken) throw new Error(`${parser.name}, ${testCase.name}: ${quarterBroken}`);
      const quarterRatio = largeTime.ms / Math.max(quarterTime.ms, 0.01);
      growth = { ...growth, quarterRatio, passed: quarterRatio <= QUARTER_GROWTH_LIMIT };
    }
    if (growth.passed || growth.ratio < best.ratio) best = growth;
  }
  return best;
}

function describeGrowth(growth: Growth): string {
  const quarter =
    growth.quarterRatio === undefined ? '' : `, 256 KB -> 1 MB ${growth.quarterRatio.toFixed(1)}x`;
  return `${growth.name}: 50 KB -> 1 MB ${growth.ratio.toFixed(1)}x (1 MB in ${growth.largeMs.toFixed(1)} ms)${quarter}`;
}

describe.each(stressParsers())('$name under stress', (parser) => {
  const counts = { random: 0, mutated: 0, pumped: 0, growth: 0 };
  const growths: Growth[] = [];

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

  it('takes time in proportion to the text', () => {
    for (const testCase of standardCases(parser.samples)) {
      growths.push(measureGrowth(parser, testCase));
      counts.growth += 1;
    }
    const worst = growths.reduce((a, b) => (b.ratio > a.ratio ? b : a));
    const outOfCache = growths.filter((growth) => growth.quarterRatio !== undefined);
    const worstOutOfCache = Math.max(0, ...outOfCache.map((growth) => growth.quarterRatio ?? 0));
    console.log(
      `parser fuzz: ${parser.name}: ${counts.random} random and ${counts.mutated} mutated texts, ` +
        `${counts.pumped} pumped texts, ${counts.growth} growth cases; largest: ${describeGrowth(worst)}; ` +
        `${outOfCache.length} checked from 256 KB, largest ${worstOutOfCache.toFixed(1)}x`,
    );
    expect(growths.filter((growth) => !growth.passed).map(describeGrowth)).toEqual([]);
  }, 180_000);
});
