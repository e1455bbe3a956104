import { describe, expect, it } from 'vitest';
import { checkOnpremTgt } from '../../../electron/engine/checks/check-onprem-tgt';
import {
  addGroup,
  dropProbe,
  type Edit,
  factsFor,
  failProbe,
  fixesOf,
  fixture,
  setOutput,
  setRegistryValue,
  shownNotes,
  showsLine,
} from './evidence-helpers';

// A password, key-trust or smart-card logon also yields krbtgt/<AD domain>, so the step passes
// only when the session used cloud Kerberos trust (VERDICTS.md onprem-tgt; docs/verdicts.md
// section 3). The Entra Kerberos realm's TGT (Azure Files) is not the AD domain's.

const evaluate = (scenario: string, ...edits: Edit[]) =>
  checkOnpremTgt.evaluate(factsFor(scenario, ...edits));

describe('onprem-tgt', () => {
  it('passes a domain TGT in a cloud-trust session, and shows the ticket and the deciding signals', () => {
    const outcome = evaluate('healthy-hybrid');
    expect(outcome.status).toBe('pass');
    expect(outcome.summary).toBe(
      'The user holds a ticket-granting ticket for CORP.CONTOSO.COM from DC01.corp.contoso.com, exchanged from the cloud ticket.',
    );
    expect(showsLine(outcome, 'Server: krbtgt/CORP.CONTOSO.COM @ CORP.CONTOSO.COM')).toBe(true);
    expect(showsLine(outcome, 'Kdc Called: DC01.corp.contoso.com')).toBe(true);
    expect(showsLine(outcome, 'Cloud Primary (Hybrid logon) TGT available: 1')).toBe(true);
    expect(shownNotes(outcome).join(' ')).toMatch(/partial TGT/);
  });

  it('fails without a domain TGT, and offers lock-and-PIN and a ticket purge, not the VPN', () => {
    const outcome = evaluate('clock-skew');
    expect(outcome.status).toBe('fail');
    expect(outcome.summary).toBe('There is no ticket-granting ticket for CORP.CONTOSO.COM in this session.');
    expect(shownNotes(outcome)).toEqual(['0 ticket(s) in the cache, none krbtgt/<AD domain>.']);
    expect(fixesOf(outcome)).toEqual(['lock-and-sign-in-with-pin', 'purge-tickets']);
  });

  it('does not count the Entra Kerberos realm ticket (Azure Files) as the domain TGT (real klist)', () => {
    const outcome = evaluate(
      'healthy-entra-joined',
      setOutput('klist-tickets', fixture('samples/klist-01.txt')),
    );
    expect(outcome.status).toBe('fail');
    expect(shownNotes(outcome)).toEqual(['2 ticket(s) in the cache, none krbtgt/<AD domain>.']);
  });

  it('fails a domain TGT that came from key trust (S-1-18-4), naming the fallback', () => {
    const outcome = evaluate('key-trust-fallback');
    expect(outcome.status).toBe('fail');
    expect(outcome.summary).toMatch(/came from key trust, not from cloud Kerberos trust/);
    expect(showsLine(outcome, 'S-1-18-4')).toBe(true);
    expect(outcome.remediation).toMatch(/inference to confirm/);
    expect(fixesOf(outcome)).toEqual(['lock-and-sign-in-with-pin']);
  });

  it('fails a domain TGT from a certificate-trust sign-in', () => {
    const outcome = evaluate('cert-trust-policy-removed');
    expect(outcome.status).toBe('fail');
    expect(outcome.summary).toMatch(/came from a certificate-trust sign-in/);
    expect(showsLine(outcome, 'Provider = Microsoft Passport Key Storage Provider')).toBe(true);
  });

  it('fails a domain TGT from a password sign-in', () => {
    const outcome = evaluate('password-sign-in');
    expect(outcome.status).toBe('fail');
    expect(outcome.summary).toMatch(
      /does not come from cloud Kerberos trust: This session was signed in with a password/,
    );
    expect(fixesOf(outcome)).toEqual(['lock-and-sign-in-with-pin']);
  });

  it('fails a domain TGT from a smart-card sign-in', () => {
    const outcome = evaluate('smart-card-sign-in');
    expect(outcome.status).toBe('fail');
    expect(outcome.summary).toMatch(/signed in with a smart card/);
  });

  describe('unknown', () => {
    it('when the klist output could not be read', () => {
      const outcome = evaluate('healthy-hybrid', setOutput('klist-tickets', 'klist: unknown option\n'));
      expect(outcome.status).toBe('unknown');
      expect(outcome.summary).toMatch(/could not be read/);
    });

    it('when it is not known how the session signed in', () => {
      const outcome = evaluate(
        'healthy-hybrid',
        setRegistryValue(
          'logonui-last-provider',
          'LastLoggedOnProvider',
          '{60B78E88-EAD8-445C-9CFD-0B87F74EA6CD}',
        ),
      );
      expect(outcome.status).toBe('unknown');
      expect(outcome.summary).toMatch(/not known whether it came from cloud trust/);
    });

    it('from an elevated run: the tickets are the administrator logon ones', () => {
      const outcome = evaluate(
        'healthy-hybrid',
        addGroup('Mandatory Label\\High Mandatory Level', 'S-1-16-12288', 'Label', ''),
      );
      expect(outcome.status).toBe('unknown');
      expect(outcome.summary).toMatch(/^Can't read the user's tickets: the app ran elevated/);
    });

    it('when klist was not captured or failed', () => {
      expect(evaluate('healthy-hybrid', dropProbe('klist-tickets')).summary).toBe(
        "Can't tell which Kerberos tickets the user holds: klist-tickets was not captured.",
      );
      expect(evaluate('healthy-hybrid', failProbe('klist-tickets', 'access-denied')).status).toBe('unknown');
    });
  });
});
