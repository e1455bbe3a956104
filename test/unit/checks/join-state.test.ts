import { describe, expect, it } from 'vitest';
import { checkJoinState } from '../../../electron/engine/checks/check-join-state';
import {
  dropProbe,
  type Edit,
  factsFor,
  failProbe,
  fixesOf,
  fixture,
  removeLine,
  setLine,
  setOutput,
  shownLines,
  showsLine,
} from './evidence-helpers';

// Cloud Kerberos trust needs a Microsoft Entra joined or hybrid joined device; domain join
// alone gives no PRT and so no cloud ticket (VERDICTS.md join-state: correct).

const evaluate = (scenario: string, ...edits: Edit[]) =>
  checkJoinState.evaluate(factsFor(scenario, ...edits));

describe('join-state', () => {
  it('passes a hybrid joined device and shows both join lines', () => {
    const outcome = evaluate('healthy-hybrid');
    expect(outcome.status).toBe('pass');
    expect(outcome.summary).toMatch(/hybrid joined/);
    expect(showsLine(outcome, 'AzureAdJoined : YES')).toBe(true);
    expect(showsLine(outcome, 'DomainJoined : YES')).toBe(true);
    expect(showsLine(outcome, 'DomainName : CONTOSO')).toBe(true);
  });

  it('passes a Microsoft Entra joined device that is not in the domain', () => {
    const outcome = evaluate('healthy-entra-joined');
    expect(outcome.status).toBe('pass');
    expect(outcome.summary).toBe('The device is Microsoft Entra joined.');
    expect(showsLine(outcome, 'DomainJoined : NO')).toBe(true);
  });

  it('fails a domain-only device whose hybrid join stopped, and shows the join error (real sample)', () => {
    const outcome = evaluate(
      'healthy-hybrid',
      setOutput('dsregcmd-status', fixture('samples/dsregcmd-status-01.txt')),
    );
    expect(outcome.status).toBe('fail');
    expect(outcome.summary).toMatch(/AD domain only/);
    expect(showsLine(outcome, 'AzureAdJoined : NO')).toBe(true);
    expect(showsLine(outcome, 'AD Configuration Test : FAIL [0x80070002]')).toBe(true);
    expect(showsLine(outcome, 'Error Phase : discover')).toBe(true);
    expect(showsLine(outcome, 'Client ErrorCode : 0x801c001d')).toBe(true);
    expect(outcome.remediation).toMatch(/0x801c001d/);
    expect(fixesOf(outcome)).toEqual([]);
  });

  it('fails a device joined to neither', () => {
    const outcome = evaluate(
      'healthy-hybrid',
      setLine('dsregcmd-status', 'AzureAdJoined', 'NO'),
      setLine('dsregcmd-status', 'DomainJoined', 'NO'),
    );
    expect(outcome.status).toBe('fail');
    expect(outcome.summary).toBe('The device is not joined to Microsoft Entra ID.');
    expect(outcome.remediation).toMatch(/Join the device/);
    // The join diagnostics are shown with the failure, here as they passed.
    expect(shownLines(outcome)).toContain('AD Configuration Test : PASS');
    expect(shownLines(outcome)).toContain('DRS Discovery Test : PASS');
  });

  describe('unknown', () => {
    it('when dsregcmd does not print AzureAdJoined', () => {
      const outcome = evaluate('healthy-hybrid', removeLine('dsregcmd-status', 'AzureAdJoined'));
      expect(outcome.status).toBe('unknown');
      expect(outcome.summary).toMatch(/did not report AzureAdJoined/);
    });

    it('when dsregcmd was not captured', () => {
      const outcome = evaluate('healthy-hybrid', dropProbe('dsregcmd-status'));
      expect(outcome.status).toBe('unknown');
      expect(outcome.summary).toMatch(
        /^Can't tell how the device is joined: dsregcmd-status was not captured/,
      );
    });

    it('when Windows refused to run dsregcmd', () => {
      const outcome = evaluate('healthy-hybrid', failProbe('dsregcmd-status', 'access-denied'));
      expect(outcome.status).toBe('unknown');
      expect(outcome.summary).toMatch(/refused to run dsregcmd\.exe \/status/);
    });

    it('when the output is not dsregcmd output', () => {
      const outcome = evaluate('healthy-hybrid', setOutput('dsregcmd-status', 'Access is denied.\n'));
      expect(outcome.status).toBe('unknown');
      expect(outcome.summary).toMatch(/could not be read/);
    });
  });
});
