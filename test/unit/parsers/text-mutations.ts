// Helpers for parser tests: fixture loading, the pasted-text variants every parser must
// accept, and fast-check arbitraries that damage real outputs the way copy/paste does.
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { expect } from 'vitest';
import type { Parsed } from '../../../electron/engine/types';

/** Reads a fixture by its path under test/fixtures (e.g. "samples/whoami-01.txt"). */
export function fixture(path: string): string {
  return readFileSync(new URL(`../../fixtures/${path}`, import.meta.url), 'utf8');
}

export const toCrlf = (text: string): string => text.replace(/\r?\n/g, '\r\n');
export const toCr = (text: string): string => text.replace(/\r?\n/g, '\r');
/** A blank line after every line, as forums render pasted output. */
export const doubleSpaced = (text: string): string => text.replace(/\r?\n/g, '\n\n');
export const trailingSpaces = (text: string): string => text.replace(/\r?\n/g, '   \n');

/** The variants that must give the same facts as the original text. */
export const PASTE_VARIANTS: Array<[string, (text: string) => string]> = [
  ['CRLF', toCrlf],
  ['CR', toCr],
  ['blank lines doubled', doubleSpaced],
  ['CRLF and blank lines doubled', (text) => toCrlf(doubleSpaced(text))],
  ['trailing spaces', trailingSpaces],
];

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
    fc.tuple(fc.nat(), fc.integer({ min: 1, max: 6 })).map(
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
    fc.string({ unit: 'binary', maxLength: 200 }),
    fc.array(fc.constantFrom(...words), { maxLength: 60 }).map((parts) => parts.join('')),
  );
}

/** A real sample or fixture damaged by a few random mutations. */
export function mutatedSample(samples: string[], vocabulary: string[] = []): fc.Arbitrary<string> {
  return fc
    .tuple(fc.constantFrom(...samples), fc.array(mutation(noiseText(vocabulary)), { maxLength: 5 }))
    .map(([sample, mutations]) => mutations.reduce((text, mutate) => mutate(text), sample));
}

export const RUNS = { numRuns: 200 };

/** The common shape of every parser result. */
export function expectParsedShape<T>(result: Parsed<T>): void {
  expect(typeof result.recognized).toBe('boolean');
  expect(Array.isArray(result.problems)).toBe(true);
  for (const problem of result.problems) expect(typeof problem).toBe('string');
  expect(typeof result.facts).toBe('object');
  expect(result.facts).not.toBeNull();
}

/** A Sourced value's shape when present. */
export function expectSourced(value: unknown, type: 'string' | 'number' | 'object'): void {
  if (value === undefined) return;
  expect(value).toMatchObject({ line: expect.any(String) });
  expect(typeof (value as { value: unknown }).value).toBe(type);
}
