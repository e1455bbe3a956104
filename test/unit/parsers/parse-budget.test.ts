import type { Parsed, ProbeId } from '@contract/types';
import { describe, expect, it } from 'vitest';
import { PROBE_PARSERS } from '../../../electron/engine/facts/probe-parsers';
import {
  cutNote,
  cutNoteOf,
  cutToBudget,
  KB,
  LARGEST_PARSE_BUDGET,
  MB,
  PARSE_BUDGETS,
  PROBE_PARSE_BUDGETS,
  parseWithin,
} from '../../../electron/engine/parsers/parse-budget';
import { parseDsregcmd } from '../../../electron/engine/parsers/parse-dsregcmd';
import { parseNltestDsgetdc } from '../../../electron/engine/parsers/parse-nltest';
import { DEFAULT_MAX_BUFFER_BYTES } from '../../../electron/host/command-funnel';
import { sample } from './text-mutations';

const echo = (text: string): Parsed<string> => ({ facts: text, recognized: true, problems: ['read'] });

describe('cutToBudget', () => {
  it('keeps text within the budget as it is', () => {
    expect(cutToBudget('a\nb', 3)).toEqual({ text: 'a\nb', cut: false });
  });

  it('cuts at the last line break within the budget, never inside a line', () => {
    expect(cutToBudget('one\ntwo\nthree', 10)).toEqual({ text: 'one\ntwo', cut: true });
    expect(cutToBudget('one\r\ntwo\r\nthree', 11)).toEqual({ text: 'one\r\ntwo\r', cut: true });
    expect(cutToBudget('one\rtwo\rthree', 9)).toEqual({ text: 'one\rtwo', cut: true });
  });

  it('cuts one line longer than the budget at the budget, never inside a surrogate pair', () => {
    expect(cutToBudget('abcdefgh', 5)).toEqual({ text: 'abcde', cut: true });
    expect(cutToBudget('abcd😀x', 5)).toEqual({ text: 'abcd', cut: true });
  });
});

describe('parseWithin', () => {
  it('reads text within the budget whole, with no note', () => {
    expect(parseWithin(10, 'the text', 'a\nb', () => '', echo)).toEqual(echo('a\nb'));
  });

  it('reads only the lines within the budget and says so first when recognized', () => {
    const result = parseWithin(
      2 * KB,
      'the text',
      `${'a'.repeat(1500)}\n${'b'.repeat(1500)}`,
      () => '',
      echo,
    );
    expect(result.facts).toBe('a'.repeat(1500));
    expect(result.problems).toEqual(['output cut at 2 KB of 3 KB; the rest was not read', 'read']);
  });

  it('keeps the reason first when the cut text is not recognized', () => {
    const unreadable = (): Parsed<string> => ({ facts: '', recognized: false, problems: ['no fields'] });
    const result = parseWithin(4, 'the text', 'abc\ndef', () => '', unreadable);
    expect(result.problems).toEqual(['no fields', cutNote(4, 7)]);
  });

  it('hands a value that is not text to the parser as it is, for it to refuse', () => {
    const notText = null as unknown as string;
    expect(cutToBudget(notText, 1)).toEqual({ text: null, cut: false });
    expect(parseDsregcmd(notText)).toMatchObject({
      recognized: false,
      problems: ['The dsregcmd /status output is empty.'],
    });
  });

  it('turns an exception of the parser into an unrecognized result', () => {
    const result = parseWithin(
      10,
      'the text',
      'abc',
      () => 'empty',
      () => {
        throw new Error('boom');
      },
    );
    expect(result).toEqual({
      facts: 'empty',
      recognized: false,
      problems: ['could not read the text: boom'],
    });
  });
});

describe('cutNote', () => {
  it('says where the text was cut, of how much, and that the rest was not read', () => {
    expect(cutNote(256 * KB, 1 * MB)).toBe('output cut at 256 KB of 1.0 MB; the rest was not read');
    expect(cutNote(384 * KB, 400 * KB)).toBe('output cut at 384 KB of 400 KB; the rest was not read');
    expect(cutNoteOf(['x', cutNote(256 * KB, 300 * KB)])).toBe(cutNote(256 * KB, 300 * KB));
    expect(cutNoteOf(['x'])).toBeUndefined();
  });
});

describe('parse budgets', () => {
  it('are 256-384 KB: far over real outputs, under what the command funnel keeps', () => {
    for (const budget of Object.values(PARSE_BUDGETS)) {
      expect(budget).toBeGreaterThanOrEqual(256 * KB);
      expect(budget).toBeLessThanOrEqual(384 * KB);
      expect(budget).toBeLessThan(DEFAULT_MAX_BUFFER_BYTES);
    }
    expect(LARGEST_PARSE_BUDGET).toBe(384 * KB);
  });

  it('dsregcmd output over 256 KB is read up to the cut and says where it was cut', () => {
    const real = sample('dsregcmd-status-01.txt');
    const filler = `${'x'.repeat(99)}\n`.repeat(Math.ceil((256 * KB) / 100));
    const text = `${real}\n${filler}         AzureAdJoined : NO\n`;
    const result = parseDsregcmd(text);
    expect(result.recognized).toBe(true);
    expect(result.problems[0]).toBe(cutNote(256 * KB, text.length));
    expect(result.problems[0]).toMatch(/^output cut at 256 KB of 2\d\d KB; the rest was not read$/);
    expect(result.facts.azureAdJoined).toEqual(parseDsregcmd(real).facts.azureAdJoined);
  });

  it('an nltest paste over 256 KB loses only what comes after the cut', () => {
    const real = sample('nltest-dsgetdc-01.txt');
    const padded = `${real}\n${' '.repeat(100)}\n`.repeat(Math.ceil((256 * KB) / (real.length + 102)) + 1);
    const result = parseNltestDsgetdc(padded);
    expect(result.recognized).toBe(true);
    expect(result.problems[0]).toBe(cutNote(256 * KB, padded.length));
    expect(result.facts.dc).toEqual(parseNltestDsgetdc(real).facts.dc);
  });

  it('every parser of the probe table cuts at its stated budget and notes it', () => {
    const huge = `${'z'.repeat(1023)}\n`.repeat(512);
    for (const [id, parse] of Object.entries(PROBE_PARSERS) as Array<
      [ProbeId, (text: string) => Parsed<unknown>]
    >) {
      const result = parse(huge);
      expect(cutNoteOf(result.problems), id).toBe(cutNote(PROBE_PARSE_BUDGETS[id], huge.length));
      // Just within the budget: read whole, no note.
      const within = parse(huge.slice(0, PROBE_PARSE_BUDGETS[id]));
      expect(cutNoteOf(within.problems), id).toBeUndefined();
    }
  });
});
