import { describe, expect, it } from 'vitest';
import { checkFileShare } from '../../../electron/engine/checks/check-file-share';
import type { ShareFailure } from '../../../electron/engine/parsers/parse-share-access';
import {
  dropProbe,
  type Edit,
  factsFor,
  failProbe,
  fixesOf,
  setOutput,
  shownNotes,
  showsLine,
  skipProbe,
} from './evidence-helpers';

// The end-to-end test: a share that opens with Kerberos leaves a cifs/<server> ticket; without
// one Windows fell back to NTLM (IP path, alias without SPN, no DC). Domain-based DFS paths are
// a documented doubt (docs/verdicts.md file-share).

const share = (result: Record<string, unknown>): Edit =>
  setOutput('share-access', JSON.stringify({ entries: null, failure: null, message: null, ...result }));
const evaluate = (scenario: string, ...edits: Edit[]) =>
  checkFileShare.evaluate(factsFor(scenario, ...edits));

describe('file-share', () => {
  it('passes a share that opened with a cifs ticket for its server', () => {
    const outcome = evaluate('healthy-hybrid');
    expect(outcome.status).toBe('pass');
    expect(outcome.summary).toBe(
      '\\\\fs01.corp.contoso.com\\finance opened, and a Kerberos ticket for cifs/fs01.corp.contoso.com was used.',
    );
    expect(showsLine(outcome, '"listed":true')).toBe(true);
    expect(showsLine(outcome, 'Server: cifs/fs01.corp.contoso.com @ CORP.CONTOSO.COM')).toBe(true);
  });

  it('matches a short server name with its DNS ticket', () => {
    const outcome = evaluate(
      'healthy-hybrid',
      share({ path: '\\\\fs01\\finance', listed: true, entries: 3 }),
    );
    expect(outcome.status).toBe('pass');
  });

  it('warns a share opened by IP address: no SPN, so NTLM', () => {
    const outcome = evaluate(
      'healthy-hybrid',
      share({ path: '\\\\10.20.0.50\\finance', listed: true, entries: 3 }),
    );
    expect(outcome.status).toBe('warn');
    expect(outcome.summary).toBe(
      '\\\\10.20.0.50\\finance opened, but without a Kerberos ticket (Windows fell back to NTLM).',
    );
    expect(shownNotes(outcome)).toContain('no cifs/10.20.0.50 ticket in the cache');
    expect(outcome.remediation).toMatch(/IP address or an alias/);
  });

  it('warns a domain-based DFS path (tickets go to the namespace servers: a documented doubt)', () => {
    const outcome = evaluate(
      'healthy-hybrid',
      share({ path: '\\\\corp.contoso.com\\dfs\\finance', listed: true }),
    );
    expect(outcome.status).toBe('warn');
  });

  it.each<[ShareFailure, RegExp]>([
    ['denied', /access was denied/],
    ['not-found', /does not exist/],
    ['unreachable', /could not be reached/],
    ['logon-failure', /rejected the sign-in/],
    ['timeout', /did not finish in time/],
    ['other', /Opening the share failed/],
  ])('fails a share that did not open (%s)', (failure, words) => {
    const outcome = evaluate(
      'healthy-hybrid',
      share({ path: '\\\\fs01.corp.contoso.com\\finance', listed: false, failure }),
    );
    expect(outcome.status).toBe('fail');
    expect(outcome.summary).toMatch(words);
    expect(fixesOf(outcome)).toEqual([]);
  });

  it("quotes Windows' own message with the failure", () => {
    const outcome = evaluate(
      'healthy-hybrid',
      share({
        path: '\\\\fs01.corp.contoso.com\\finance',
        listed: false,
        failure: 'denied',
        message: 'Access is denied.',
      }),
    );
    expect(outcome.remediation).toMatch(/Windows said: "Access is denied\."/);
  });

  describe('skip', () => {
    it('when a share was given but this capture did not test it', () => {
      const outcome = evaluate('healthy-hybrid', dropProbe('share-access'));
      expect(outcome.status).toBe('skip');
      expect(outcome.summary).toBe(
        'The share \\\\fs01.corp.contoso.com\\finance was not tested in this capture.',
      );
    });

    it('when no share was given', () => {
      const outcome = evaluate('healthy-entra-joined');
      expect(outcome.status).toBe('skip');
      expect(outcome.summary).toMatch(/No file share was given/);
    });

    it('when the probe was skipped', () => {
      const outcome = evaluate('healthy-hybrid', skipProbe('share-access', 'no share given'));
      expect(outcome.status).toBe('skip');
      expect(outcome.summary).toMatch(/No file share was tested/);
    });
  });

  describe('unknown', () => {
    it('when the share opened but the ticket cache was not read: Kerberos or NTLM is not known', () => {
      const outcome = evaluate('healthy-hybrid', failProbe('klist-tickets', 'access-denied'));
      expect(outcome.status).toBe('unknown');
      expect(outcome.summary).toMatch(
        /opened, but whether Kerberos was used is not known: Windows refused to run klist\.exe/,
      );
    });

    it('when the share test timed out as a probe', () => {
      const outcome = evaluate('healthy-hybrid', failProbe('share-access', 'timeout'));
      expect(outcome.status).toBe('unknown');
      expect(outcome.summary).toMatch(
        /^The share test did not run: .* did not finish in time and was stopped\.$/,
      );
    });

    it('when its output is not the share test result', () => {
      const outcome = evaluate('healthy-hybrid', setOutput('share-access', 'Access is denied.'));
      expect(outcome.status).toBe('unknown');
      expect(outcome.summary).toMatch(/could not be read/);
    });
  });
});
