import { describe, expect, it } from 'vitest';
import { PROBE_PARSERS } from '../../../electron/engine/facts/probe-parsers';
import {
  cutNote,
  cutToBudget,
  KB,
  MB,
  PARSE_BUDGETS,
  parseWithin,
} from '../../../electron/engine/parsers/parse-budget';
import { parseDsregcmd } from '../../../electron/engine/parsers/parse-dsregcmd';
import { parseNltestDsgetdc } from '../../../electron/engine/parsers/parse-nltest';
import type { Parsed } from '../../../electron/engine/types';
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
    expect(result.problems).toEqual(['output cut at 2 KB: only the lines before were read', 'read']);
  });

  it('keeps the reason first when the cut text is not recognized', () => {
    const unreadable = (): Parsed<string> => ({ facts: '', recognized: false, problems: ['no fields'] });
    const result = parseWithin(4, 'the text', 'abc\ndef', () => '', unreadable);
    expect(result.problems).toEqual(['no fields', cutNote(4)]);
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

describe('parse budgets', () => {
  it('are between 1 MB and 4 MB: far over real outputs, under what the command funnel keeps', () => {
    for (const budget of Object.values(PARSE_BUDGETS)) {
      expect(budget).toBeGreaterThanOrEqual(1 * MB);
      expect(budget).toBeLessThanOrEqual(4 * MB);
    }
  });

  it('dsregcmd output over 4 MB is read up to the cut and says where it was cut', () => {
    const real = sample('dsregcmd-status-01.txt');
    const filler = `${'x'.repeat(99)}\n`.repeat(Math.ceil((4 * MB) / 100));
    const result = parseDsregcmd(`${real}\n${filler}         AzureAdJoined : NO\n`);
    expect(result.recognized).toBe(true);
    expect(result.problems[0]).toBe('output cut at 4096 KB: only the lines before were read');
    expect(result.facts.azureAdJoined).toEqual(parseDsregcmd(real).facts.azureAdJoined);
  });

  it('an nltest paste over 1 MB loses only what comes after the cut', () => {
    const real = sample('nltest-dsgetdc-01.txt');
    const padded = `${real}\n${' '.repeat(100)}\n`.repeat(Math.ceil(MB / (real.length + 102)) + 1);
    const result = parseNltestDsgetdc(padded);
    expect(result.recognized).toBe(true);
    expect(result.problems[0]).toBe('output cut at 1024 KB: only the lines before were read');
    expect(result.facts.dc).toEqual(parseNltestDsgetdc(real).facts.dc);
  });

  it('every parser of the probe table cuts what is over its budget and notes it', () => {
    const huge = `${'z'.repeat(1023)}\n`.repeat(4 * KB + 1);
    for (const [id, parse] of Object.entries(PROBE_PARSERS)) {
      const result = parse(huge);
      expect(
        result.problems.some((problem) => problem.startsWith('output cut at ')),
        id,
      ).toBe(true);
    }
  });
});
