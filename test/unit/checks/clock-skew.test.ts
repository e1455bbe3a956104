import { describe, expect, it } from 'vitest';
import { runChecklist } from '../../../electron/engine/checklist/run-checklist';
import { checkClockSkew } from '../../../electron/engine/checks/check-clock-skew';
import {
  dropProbe,
  type Edit,
  factsFor,
  failProbe,
  fixesOf,
  fixture,
  replaceText,
  setOutput,
  showsLine,
} from './evidence-helpers';

// Kerberos refuses tickets when the clocks differ by more than 5 minutes (the default maximum
// tolerance); the 60 s warning is the app's own threshold (docs/verdicts.md clock-skew).

const OFFSET = (seconds: string): Edit => replaceText('time-offset', '+00.0123456s', seconds);
const evaluate = (scenario: string, ...edits: Edit[]) =>
  checkClockSkew.evaluate(factsFor(scenario, ...edits));

describe('clock-skew', () => {
  it('passes a clock within milliseconds of the DC', () => {
    const outcome = evaluate('healthy-hybrid');
    expect(outcome.status).toBe('pass');
    expect(outcome.summary).toBe('This clock is within 12 ms of the domain controller.');
    expect(showsLine(outcome, '09:14:03, +00.0123456s')).toBe(true);
  });

  it('passes a French stripchart (decimal comma)', () => {
    const outcome = evaluate(
      'healthy-hybrid',
      setOutput('time-offset', fixture('parsers/w32tm-stripchart-fr-01.txt')),
    );
    expect(outcome.status).toBe('pass');
    expect(outcome.summary).toMatch(/within 31 ms/);
  });

  it.each([
    ['+60.0000000s', 'pass'],
    ['+75.5000000s', 'warn'],
    ['-299.9000000s', 'warn'],
    ['+300.0000000s', 'warn'],
    ['+301.0000000s', 'fail'],
  ])('judges an offset of %s as %s (5-minute Kerberos limit)', (offset, status) => {
    expect(evaluate('healthy-hybrid', OFFSET(offset)).status).toBe(status);
  });

  it('warns with the offset in seconds', () => {
    const outcome = evaluate('healthy-hybrid', OFFSET('+75.5000000s'));
    expect(outcome.summary).toBe(
      'This clock is 75.5 s off the domain controller; Kerberos tolerates up to 5 minutes.',
    );
  });

  it('fails a clock ten minutes behind, and says Kerberos will refuse tickets (practice capture)', () => {
    const outcome = evaluate('clock-skew');
    expect(outcome.status).toBe('fail');
    expect(outcome.summary).toBe(
      'This clock is 10 minutes off the domain controller: Kerberos will refuse tickets.',
    );
    expect(showsLine(outcome, '-612.4418750s')).toBe(true);
    expect(outcome.remediation).toMatch(/w32tm \/resync/);
    expect(fixesOf(outcome)).toEqual([]);
  });

  it('is the root cause of the missing domain ticket, not the tickets (practice capture)', () => {
    const results = runChecklist(factsFor('clock-skew'));
    expect(results.find((r) => r.id === 'onprem-tgt')).toMatchObject({
      status: 'blocked',
      blockedBy: 'clock-skew',
    });
  });

  it('warns when the offset is unknown and the clock runs on the local CMOS clock (real sample)', () => {
    const outcome = evaluate(
      'healthy-hybrid',
      failProbe('time-offset'),
      setOutput('time-status', fixture('samples/w32tm-status-01.txt')),
    );
    expect(outcome.status).toBe('warn');
    expect(outcome.summary).toBe(
      'The offset to the domain controller is unknown, and this clock is not synchronised.',
    );
    expect(showsLine(outcome, 'Leap Indicator: 3(not synchronized)')).toBe(true);
    expect(showsLine(outcome, 'Source: Local CMOS Clock')).toBe(true);
  });

  it('reads "not synchronised" from German w32tm too', () => {
    const outcome = evaluate(
      'healthy-hybrid',
      dropProbe('time-offset'),
      setOutput('time-status', fixture('parsers/w32tm-status-de-01.txt')),
    );
    expect(outcome.status).toBe('warn');
  });

  describe('unknown', () => {
    it('when the DC did not answer the time query, quoting w32tm', () => {
      const outcome = evaluate(
        'healthy-hybrid',
        setOutput('time-offset', fixture('parsers/w32tm-stripchart-error-01.txt')),
      );
      expect(outcome.status).toBe('unknown');
      expect(outcome.summary).toMatch(/0x800705B4/);
      expect(showsLine(outcome, '10:15:03, error: 0x800705B4')).toBe(true);
    });

    it('when no DC was found to measure against, and the clock syncs from a DC (practice capture)', () => {
      const outcome = evaluate('no-dc-line-of-sight');
      expect(outcome.status).toBe('unknown');
      expect(outcome.summary).toBe(
        "Can't measure the offset to the domain controller: it was not run (no domain controller found by nltest).",
      );
      expect(showsLine(outcome, 'Source: DC01.corp.contoso.com')).toBe(true);
    });

    it('when neither time probe was captured', () => {
      const outcome = evaluate('healthy-hybrid', dropProbe('time-offset'), dropProbe('time-status'));
      expect(outcome.status).toBe('unknown');
      expect(outcome.summary).toMatch(/time-offset was not captured/);
    });
  });
});
