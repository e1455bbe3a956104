import { describe, expect, it } from 'vitest';
import { checkPrt, parseDsregcmdTime } from '../../../electron/engine/checks/check-prt';
import {
  addGroup,
  at,
  dropProbe,
  type Edit,
  factsFor,
  failProbe,
  fixesOf,
  fixture,
  removeLine,
  setLine,
  setOutput,
  showsLine,
} from './evidence-helpers';

// A PRT is valid for 14 days [L9]; dsregcmd shows AcquirePrtDiagnostics/RefreshPrtDiagnostics
// only when an attempt failed after the last successful update [L5]. Without a valid PRT
// there is no partial TGT (VERDICTS.md prt: expiry and diagnostics were ignored before).

const SAMPLE_06 = fixture('samples/dsregcmd-status-06.txt');
const REFRESH_FAILED = fixture('parsers/dsregcmd-sso-refresh-diagnostics-01.txt');
const evaluate = (scenario: string, ...edits: Edit[]) => checkPrt.evaluate(factsFor(scenario, ...edits));

describe('prt', () => {
  it('passes a PRT renewed this morning and says how long ago', () => {
    const outcome = evaluate('healthy-hybrid');
    expect(outcome.status).toBe('pass');
    expect(outcome.summary).toBe('The user has a valid Primary Refresh Token (renewed 1 hour ago).');
    expect(showsLine(outcome, 'AzureAdPrt : YES')).toBe(true);
    expect(showsLine(outcome, 'AzureAdPrtUpdateTime : 2026-11-25 07:41:19.000 UTC')).toBe(true);
    expect(showsLine(outcome, 'AzureAdPrtExpiryTime : 2026-12-09 07:41:18.000 UTC')).toBe(true);
  });

  it.each([
    ['2026-11-25T08:00:00Z', 'less than an hour ago'],
    ['2026-11-28T08:00:00Z', '3 days ago'],
  ])('says the age in plain words at %s', (now, words) => {
    const outcome = checkPrt.evaluate(at(factsFor('healthy-hybrid'), now));
    expect(outcome.status).toBe('pass');
    expect(outcome.summary).toContain(words);
  });

  it('fails an expired PRT even with AzureAdPrt YES, and offers a refresh, never a deletion', () => {
    const outcome = evaluate('expired-prt');
    expect(outcome.status).toBe('fail');
    expect(outcome.summary).toMatch(/^The PRT expired on 2026-11-17 08:12 UTC: no new cloud Kerberos ticket/);
    expect(showsLine(outcome, 'AzureAdPrtExpiryTime : 2026-11-17 08:12:43.000 UTC')).toBe(true);
    expect(fixesOf(outcome)).toEqual(['refresh-prt']);
    // The capture prints its RefreshPrtDiagnostics block after EnterprisePrt, where dsregcmd puts the
    // enterprise PRT's blocks, so it is not read (reported); the fixture below has it in place.
  });

  it('shows the failed renewal beside an expired PRT', () => {
    const set = at(
      factsFor('healthy-hybrid', setOutput('dsregcmd-status', REFRESH_FAILED)),
      '2025-07-01T00:00:00Z',
    );
    const outcome = checkPrt.evaluate(set);
    expect(outcome.status).toBe('fail');
    expect(outcome.summary).toMatch(/expired on 2025-06-16 07:58 UTC/);
    expect(showsLine(outcome, 'RefreshPrtDiagnostics : PRESENT')).toBe(true);
    expect(showsLine(outcome, 'Server Error Description : AADSTS50173')).toBe(true);
  });

  it('infers the expiry from the update time plus 14 days when dsregcmd prints no expiry, and says so', () => {
    const outcome = evaluate('expired-prt', removeLine('dsregcmd-status', 'AzureAdPrtExpiryTime'));
    expect(outcome.status).toBe('fail');
    expect(outcome.summary).toMatch(
      /expired on 2026-11-17 08:12 UTC \(inferred: last renewed 22 days ago, and a PRT lives 14 days\)/,
    );
  });

  it('fails without a PRT and quotes the sign-in error (real sample)', () => {
    const outcome = evaluate('healthy-hybrid', setOutput('dsregcmd-status', SAMPLE_06));
    expect(outcome.status).toBe('fail');
    expect(outcome.summary).toBe(
      'The user has no Primary Refresh Token from Microsoft Entra ID: AADSTS50126: Error validating credentials due to invalid username or password.',
    );
    expect(showsLine(outcome, 'AzureAdPrt : NO')).toBe(true);
    expect(showsLine(outcome, 'AcquirePrtDiagnostics : PRESENT')).toBe(true);
    expect(showsLine(outcome, 'Attempt Status : 0xc000006d')).toBe(true);
    expect(fixesOf(outcome)).toEqual(['refresh-prt']);
  });

  it('fails without a PRT and without any error text', () => {
    const outcome = evaluate('healthy-hybrid', setLine('dsregcmd-status', 'AzureAdPrt', 'NO'));
    expect(outcome.status).toBe('fail');
    expect(outcome.summary).toBe('The user has no Primary Refresh Token from Microsoft Entra ID.');
  });

  it('warns a valid PRT whose last renewal failed: the tickets stop once it expires', () => {
    const set = at(
      factsFor('healthy-hybrid', setOutput('dsregcmd-status', REFRESH_FAILED)),
      '2025-06-03T09:00:00Z',
    );
    const outcome = checkPrt.evaluate(set);
    expect(outcome.status).toBe('warn');
    expect(outcome.summary).toMatch(
      /still valid, but its last refresh failed: AADSTS50173: The provided grant has expired/,
    );
    expect(showsLine(outcome, 'Previous Prt Attempt : 2025-06-02 12:03:17.412 UTC')).toBe(true);
    expect(fixesOf(outcome)).toEqual(['refresh-prt']);
  });

  it('warns a PRT whose last acquisition failed after it was issued', () => {
    const outcome = evaluate(
      'healthy-hybrid',
      setOutput('dsregcmd-status', SAMPLE_06),
      setLine('dsregcmd-status', 'AzureAdPrt', 'YES'),
    );
    expect(outcome.status).toBe('warn');
    expect(outcome.summary).toMatch(/last acquisition failed: AADSTS50126/);
  });

  it('passes but says the age is unknown when the update time cannot be read', () => {
    const outcome = evaluate(
      'healthy-hybrid',
      setLine('dsregcmd-status', 'AzureAdPrtUpdateTime', '25/11/2026 07:41'),
    );
    expect(outcome.status).toBe('pass');
    expect(outcome.summary).toMatch(
      /update time "25\/11\/2026 07:41" could not be read, so its age is unknown/,
    );
  });

  describe('unknown', () => {
    it('when the expiry time cannot be read: validity is not known', () => {
      const outcome = evaluate('healthy-hybrid', setLine('dsregcmd-status', 'AzureAdPrtExpiryTime', 'soon'));
      expect(outcome.status).toBe('unknown');
      expect(outcome.summary).toMatch(/expiry time "soon" could not be read/);
    });

    it('when dsregcmd printed no AzureAdPrt', () => {
      const outcome = evaluate('healthy-hybrid', removeLine('dsregcmd-status', 'AzureAdPrt'));
      expect(outcome.status).toBe('unknown');
      expect(outcome.summary).toBe('dsregcmd did not report AzureAdPrt.');
    });

    it('from an elevated run: the PRT is the administrator session one', () => {
      const outcome = evaluate(
        'healthy-hybrid',
        addGroup('Mandatory Label\\High Mandatory Level', 'S-1-16-12288', 'Label', ''),
      );
      expect(outcome.status).toBe('unknown');
      expect(outcome.summary).toMatch(/^Can't tell whether the user has a PRT: the app ran elevated/);
    });

    it('when dsregcmd was not captured or timed out', () => {
      expect(evaluate('healthy-hybrid', dropProbe('dsregcmd-status')).summary).toBe(
        "Can't tell whether the user has a PRT: dsregcmd-status was not captured.",
      );
      expect(evaluate('healthy-hybrid', failProbe('dsregcmd-status')).status).toBe('unknown');
    });
  });

  it('reads dsregcmd times as UTC and rejects other shapes', () => {
    expect(parseDsregcmdTime('2025-03-09 11:00:27.000 UTC')?.toISOString()).toBe('2025-03-09T11:00:27.000Z');
    expect(parseDsregcmdTime('2025-03-09T11:00:27Z')?.toISOString()).toBe('2025-03-09T11:00:27.000Z');
    expect(parseDsregcmdTime('2025-13-40 99:00:00 UTC')).toBeUndefined();
    expect(parseDsregcmdTime('yesterday')).toBeUndefined();
  });
});
