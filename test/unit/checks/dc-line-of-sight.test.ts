import { describe, expect, it } from 'vitest';
import { checkDcLineOfSight } from '../../../electron/engine/checks/check-dc-line-of-sight';
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

// The partial TGT is exchanged at a writable DC that supports the key list request [L3][L6].
// `nltest /dsgetdc:<domain> /kdc /keylist` makes key list a required filter (dsgetdc.h), so
// "no key-list DC" and "no DC" fail alike; the second query without /keylist tells them
// apart. 'connect-vpn' only when no DC answers at all.

const FLAGS =
  'Flags: GC DS LDAP KDC TIMESERV WRITABLE DNS_DC DNS_DOMAIN DNS_FOREST CLOSE_SITE FULL_SECRET WS DS_8 DS_9 DS_10 KEYLIST';
const evaluate = (scenario: string, ...edits: Edit[]) =>
  checkDcLineOfSight.evaluate(factsFor(scenario, ...edits));

describe('dc-line-of-sight', () => {
  it('passes a writable key-list DC in the same site', () => {
    const outcome = evaluate('healthy-hybrid');
    expect(outcome.status).toBe('pass');
    expect(outcome.summary).toMatch(
      /^Reached domain controller .*DC01\.corp\.contoso\.com \(site HQ\), which supports the key list request\.$/,
    );
    expect(showsLine(outcome, 'KEYLIST')).toBe(true);
    expect(fixesOf(outcome)).toEqual([]);
  });

  it('passes a French nltest answer', () => {
    const outcome = evaluate(
      'healthy-hybrid',
      setOutput('nltest-dsgetdc', fixture('parsers/nltest-dsgetdc-fr-01.txt')),
    );
    expect(outcome.status).toBe('pass');
    expect(outcome.summary).toMatch(/DC01\.corp\.contoso\.fr \(site Paris-Siege\)/);
  });

  it('fails with no line of sight when both queries fail, and offers the VPN (practice capture)', () => {
    const outcome = evaluate('no-dc-line-of-sight');
    expect(outcome.status).toBe('fail');
    expect(outcome.summary).toBe(
      'No domain controller for corp.contoso.com answered: the device has no line of sight to the domain.',
    );
    expect(showsLine(outcome, 'ERROR_NO_SUCH_DOMAIN')).toBe(true);
    expect(outcome.evidence.map((e) => e.probeId)).toEqual(['nltest-dsgetdc', 'nltest-dsgetdc-kdc']);
    expect(fixesOf(outcome)).toEqual(['connect-vpn']);
    // Hybrid joined: a sign-in without a DC falls back to key trust.
    expect(outcome.remediation).toMatch(/falls back to key trust/);
  });

  it('does not mention the hybrid fallback on an Entra joined device', () => {
    const failure = setOutput('nltest-dsgetdc', fixture('parsers/nltest-dsgetdc-failure-01.txt'));
    const kdcFailure = setOutput('nltest-dsgetdc-kdc', fixture('parsers/nltest-dsgetdc-failure-01.txt'));
    const outcome = evaluate('healthy-entra-joined', failure, kdcFailure);
    expect(outcome.status).toBe('fail');
    expect(fixesOf(outcome)).toEqual(['connect-vpn']);
    expect(outcome.remediation).not.toMatch(/hybrid/);
  });

  it('fails unpatched DCs as a reason of its own when a DC answers without /keylist, and does not offer the VPN', () => {
    const outcome = evaluate('no-keylist-dc');
    expect(outcome.status).toBe('fail');
    expect(outcome.summary).toMatch(
      /DC12\.corp\.contoso\.com answered, but no domain controller for corp\.contoso\.com supports the key list request/,
    );
    expect(showsLine(outcome, 'ERROR_NO_SUCH_DOMAIN')).toBe(true);
    expect(showsLine(outcome, 'DC12.corp.contoso.com')).toBe(true);
    expect(outcome.remediation).toMatch(/The network is fine/);
    expect(fixesOf(outcome)).toEqual([]);
    expect(outcome.explainedBy).toEqual([]);
  });

  it('fails with either cause when /keylist fails and the second query was not run (French failure)', () => {
    const outcome = evaluate(
      'healthy-hybrid',
      setOutput('nltest-dsgetdc', fixture('parsers/nltest-dsgetdc-failure-fr-01.txt')),
      dropProbe('nltest-dsgetdc-kdc'),
    );
    expect(outcome.status).toBe('fail');
    expect(outcome.summary).toMatch(/either none is in reach or none supports key list/);
    expect(outcome.remediation).toMatch(/if a domain controller is in reach, check its version/);
    // Nobody knows whether a DC answers; the VPN is offered with the version check.
    expect(fixesOf(outcome)).toEqual(['connect-vpn']);
  });

  it('warns about a DC that does not announce KEYLIST (only a pasted answer can show it)', () => {
    const outcome = evaluate('healthy-hybrid', replaceText('nltest-dsgetdc', ' DS_10 KEYLIST', ' DS_10'));
    expect(outcome.status).toBe('warn');
    expect(outcome.summary).toMatch(/did not announce key list support/);
    expect(outcome.remediation).toMatch(/KB4534307/);
  });

  it('warns about a read-only key-list DC: the exchange needs a writable one', () => {
    const outcome = evaluate(
      'healthy-hybrid',
      replaceText('nltest-dsgetdc', FLAGS, FLAGS.replace(' WRITABLE', '')),
    );
    expect(outcome.status).toBe('warn');
    expect(outcome.summary).toMatch(/read-only/);
  });

  describe('unknown', () => {
    it('when nltest was not run because no AD domain is known (practice capture)', () => {
      const outcome = evaluate('unsynced-user');
      expect(outcome.status).toBe('unknown');
      expect(outcome.summary).toBe(
        "Can't tell whether a domain controller is reachable: it was not run (no AD domain found in dsregcmd output).",
      );
      expect(fixesOf(outcome)).toEqual([]);
    });

    it('when nltest timed out', () => {
      const outcome = evaluate('healthy-hybrid', failProbe('nltest-dsgetdc'));
      expect(outcome.status).toBe('unknown');
      expect(outcome.summary).toMatch(/did not finish in time/);
      expect(fixesOf(outcome)).toEqual([]);
    });

    it('when nltest was not captured', () => {
      const outcome = evaluate('healthy-hybrid', dropProbe('nltest-dsgetdc'));
      expect(outcome.status).toBe('unknown');
    });
  });
});
