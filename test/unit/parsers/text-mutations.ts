// Helpers for parser tests: fixture loading, the pasted-text variants every parser must
// accept, fast-check arbitraries that damage real outputs the way copy/paste does, and the
// tests every parser shares (paste variants, padding, damaged and random text, rejection).
import { readFileSync } from 'node:fs';
import type { Parsed } from '@contract/types';
import fc from 'fast-check';
import { expect, it } from 'vitest';

// --- fixtures -----------------------------------------------------------------------------------

/** Reads a fixture by its path under test/fixtures (e.g. "parsers/whoami-user-csv-01.txt"). */
export function fixture(path: string): string {
  return readFileSync(new URL(`../../fixtures/${path}`, import.meta.url), 'utf8');
}

/** Reads a real command output by its file name under test/fixtures/samples. */
export const sample = (name: string): string => fixture(`samples/${name}`);

/** Real command outputs by file name under test/fixtures/samples, keyed by that name. */
export function samples(...names: string[]): Record<string, string> {
  return Object.fromEntries(names.map((name) => [name, sample(name)]));
}

// --- what pasting does to text --------------------------------------------------------------------

export const toCrlf = (text: string): string => text.replace(/\r?\n/g, '\r\n');
export const toCr = (text: string): string => text.replace(/\r?\n/g, '\r');
/** A blank line after every line, as forums render pasted output. */
export const doubleSpaced = (text: string): string => text.replace(/\r?\n/g, '\n\n');
export const trailingSpaces = (text: string): string => text.replace(/\r?\n/g, '   \n');
/** Alignment lost: no indentation, no padding before the colon, single spaces. */
export const collapseAlignment = (text: string): string =>
  text
    .split('\n')
    .map((line) => line.trimStart().replace(/\s+/g, ' ').replace(/\s+:/, ':'))
    .join('\n');
/** Alignment changed: indentation and padding around the first label colon, as some pastes have. */
export const padAlignment = (text: string): string =>
  text
    .split('\n')
    .map((line) => `    ${line.replace(/:(?=\s|$)\s*/, '   :   ')}`)
    .join('\n');
/** Every line indented, as Markdown fences and quoted mails leave it. */
export const indent = (text: string, by = '  '): string => text.replace(/^/gm, by);

/** The variants that must give the same result as the original text. */
export const PASTE_VARIANTS: Array<[string, (text: string) => string]> = [
  ['CRLF', toCrlf],
  ['CR', toCr],
  ['blank lines doubled', doubleSpaced],
  ['CRLF and blank lines doubled', (text) => toCrlf(doubleSpaced(text))],
  ['trailing spaces', trailingSpaces],
];

/** Layouts that change the lines themselves: compare what was read with `valuesRead`. */
export const ALIGNMENT_VARIANTS: Array<[string, (text: string) => string]> = [
  ['alignment collapsed', collapseAlignment],
  ['every line indented', indent],
];

/** The facts without their evidence lines, to compare what was read across layouts. */
export function valuesOnly(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(valuesOnly);
  if (value === null || typeof value !== 'object') return value;
  const entries = Object.entries(value).filter(([key]) => key !== 'line' && key !== 'lines');
  return Object.fromEntries(entries.map(([key, inner]) => [key, valuesOnly(inner)]));
}

// --- fast-check -----------------------------------------------------------------------------------

type Mutation = (text: string) => string;

const insertAt = (text: string, at: number, piece: string): string => {
  const index = at % (text.length + 1);
  return text.slice(0, index) + piece + text.slice(index);
};

const withLines = (text: string, change: (lines: string[]) => void): string => {
  const lines = text.split('\n');
  change(lines);
  return lines.join('\n');
};

function mutation(noise: fc.Arbitrary<string>): fc.Arbitrary<Mutation> {
  return fc.oneof(
    fc.nat().map(
      (at): Mutation =>
        (text) =>
          text.slice(0, at % (text.length + 1)),
    ),
    fc.constant<Mutation>(toCrlf),
    fc.constant<Mutation>(doubleSpaced),
    fc.constant<Mutation>((text) => text.replace(/ {2,}/g, ' ')),
    fc.constant<Mutation>((text) => text.replace(/ {2,}/g, '\t')),
    fc.tuple(fc.nat(), fc.integer({ min: 1, max: 8 })).map(
      ([at, count]): Mutation =>
        (text) =>
          insertAt(text, at, ' '.repeat(count)),
    ),
    fc.tuple(fc.nat(), noise).map(
      ([at, line]): Mutation =>
        (text) =>
          withLines(text, (lines) => lines.splice(at % (lines.length + 1), 0, line)),
    ),
    fc.nat().map(
      (at): Mutation =>
        (text) =>
          withLines(text, (lines) => lines.splice(at % Math.max(lines.length, 1), 1)),
    ),
    fc.tuple(fc.nat(), noise).map(
      ([at, piece]): Mutation =>
        (text) =>
          insertAt(text, at, piece),
    ),
  );
}

/** Random text, sometimes built from the parser's own vocabulary to reach deeper paths. */
export function noiseText(vocabulary: string[] = []): fc.Arbitrary<string> {
  const words = [
    ...vocabulary,
    ' ',
    '  ',
    '    ',
    '\n',
    '\r\n',
    '\t',
    ':',
    ',',
    '"',
    '=',
    '-',
    '<',
    '>',
    '\\',
  ];
  return fc.oneof(
    fc.string({ maxLength: 200 }),
    fc.string({ unit: 'binary', maxLength: 300 }),
    fc.array(fc.constantFrom(...words), { maxLength: 60 }).map((parts) => parts.join('')),
    fc
      .array(fc.oneof(fc.constantFrom(...words), fc.string()), { maxLength: 40 })
      .map((parts) => parts.join('')),
  );
}

/** A real sample or fixture damaged by a few random mutations. */
export function mutatedSample(samples: string[], vocabulary: string[] = []): fc.Arbitrary<string> {
  return fc
    .tuple(fc.constantFrom(...samples), fc.array(mutation(noiseText(vocabulary)), { maxLength: 6 }))
    .map(([sample, mutations]) => mutations.reduce((text, mutate) => mutate(text), sample));
}

/** A sample with random trailing whitespace and up to two blank lines after its lines. */
export function paddedSample(samples: string[]): fc.Arbitrary<{ original: string; padded: string }> {
  const padding = fc.array(fc.tuple(fc.constantFrom('', ' ', '   ', '\t', ' \t '), fc.nat(2)), {
    minLength: 1,
    maxLength: 120,
  });
  return fc.tuple(fc.constantFrom(...samples), padding).map(([original, pads]) => ({
    original,
    padded: original
      .split('\n')
      .map((line, i) => {
        const [trailing, blanks] = pads[i % pads.length] ?? ['', 0];
        return line + trailing + '\n'.repeat(blanks);
      })
      .join('\n'),
  }));
}

export const RUNS = { numRuns: 200 };

// --- assertions -------------------------------------------------------------------------------------

/** The common shape of every parser result. */
export function expectParsedShape<T>(result: Parsed<T>): void {
  expect(typeof result.recognized).toBe('boolean');
  expect(Array.isArray(result.problems)).toBe(true);
  for (const problem of result.problems) expect(typeof problem).toBe('string');
  expect(typeof result.facts).toBe('object');
  expect(result.facts).not.toBeNull();
}

type ValueType = 'string' | 'number' | 'boolean' | 'object';

/** A Sourced value's shape when present: a string line and a value of one of the given types. */
export function expectSourced(value: unknown, type: ValueType | ValueType[]): void {
  if (value === undefined) return;
  expect(value).toMatchObject({ line: expect.any(String) });
  expect(Array.isArray(type) ? type : [type]).toContain(typeof (value as { value: unknown }).value);
}

// --- shared tests -------------------------------------------------------------------------------------

/**
 * One test per text and variant (the paste variants by default): the variant reads exactly like
 * the original. `select` narrows what must match (the whole result by default).
 */
export function itReadsVariantsAlike<R>(
  parse: (text: string) => R,
  texts: Record<string, string>,
  variants: Array<[string, (text: string) => string]> = PASTE_VARIANTS,
  select: (result: R) => unknown = (result) => result,
): void {
  const rows = Object.entries(texts).flatMap(([name, text]) =>
    variants.map(([variant, change]) => ({ name, variant, text, change })),
  );
  it.each(rows)('$name reads the same with $variant', ({ text, change }) => {
    expect(select(parse(change(text)))).toEqual(select(parse(text)));
  });
}

/** What was read, without the evidence lines: for layouts that change the lines themselves. */
export const valuesRead = <F>(result: Parsed<F>): unknown => ({
  recognized: result.recognized,
  facts: valuesOnly(result.facts),
});

/** Random trailing whitespace and blank lines after lines leave the whole result unchanged. */
export function itIgnoresPadding<R>(parse: (text: string) => R, texts: string[]): void {
  it('blank lines and trailing spaces do not change what is read', () => {
    fc.assert(
      fc.property(paddedSample(texts), ({ original, padded }) => {
        expect(parse(padded)).toEqual(parse(original));
      }),
      RUNS,
    );
  });
}

/**
 * The two robustness properties, RUNS each: `check` (which must not throw) holds for the samples
 * damaged by mutations, and for random text (plus any `extra` arbitrary text).
 */
export function itSurvivesDamagedText(
  texts: string[],
  vocabulary: string[],
  check: (text: string) => void,
  extra: fc.Arbitrary<string>[] = [],
): void {
  it('never throws on mutated samples and keeps its shape', () => {
    fc.assert(fc.property(mutatedSample(texts, vocabulary), check), RUNS);
  });
  it('never throws on random text and keeps its shape', () => {
    fc.assert(fc.property(fc.oneof(noiseText(vocabulary), ...extra), check), RUNS);
  });
}

/**
 * One test per text (a list, or texts by name): not recognized, and when given, exactly these
 * facts and these problems (a number: how many problems).
 */
export function itDoesNotRecognize<F>(
  parse: (text: string) => Parsed<F>,
  texts: string[] | Record<string, string>,
  expected: { facts?: F; problems?: unknown[] | number } = {},
): void {
  const rows = Array.isArray(texts)
    ? texts.map((text) => [JSON.stringify(text), text])
    : Object.entries(texts);
  it.each(rows)('does not recognize %s', (_name, text) => {
    const result = parse(text);
    expect(result.recognized).toBe(false);
    if (expected.facts !== undefined) expect(result.facts).toEqual(expected.facts);
    if (typeof expected.problems === 'number') expect(result.problems).toHaveLength(expected.problems);
    else if (expected.problems !== undefined) expect(result.problems).toEqual(expected.problems);
  });
}
