import { describe, expect, it } from 'vitest';
import { checkEntraKerberosServer } from '../../../electron/engine/checks/check-entra-kerberos-server';
import {
  at,
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

// Set-AzureADKerberosServer creates the AzureADKerberos computer and the krbtgt_AzureAD user in
// every domain that has users [L6]; the user's domain is what matters, not the device's.

const evaluate = (scenario: string, ...edits: Edit[]) =>
  checkEntraKerberosServer.evaluate(factsFor(scenario, ...edits));

describe('entra-kerberos-server', () => {
  it('passes when both objects exist in the domain, with the key age', () => {
    const outcome = evaluate('healthy-hybrid');
    expect(outcome.status).toBe('pass');
    expect(outcome.summary).toBe(
      'The Microsoft Entra Kerberos server object exists in corp.contoso.com (key set 59 days ago).',
    );
    expect(showsLine(outcome, 'CN=krbtgt_AzureAD,CN=Users,DC=corp,DC=contoso,DC=com')).toBe(true);
  });

  it('fails when neither object exists, and offers to create it (practice capture)', () => {
    const outcome = evaluate('entra-kerberos-server-missing');
    expect(outcome.status).toBe('fail');
    expect(outcome.summary).toBe(
      'The Microsoft Entra Kerberos server object is missing in corp.contoso.com (the AzureADKerberos computer and the krbtgt_AzureAD user not found).',
    );
    expect(fixesOf(outcome)).toEqual(['create-entra-kerberos-server']);
    expect(outcome.remediation).toMatch(/Set-AzureADKerberosServer/);
  });

  it('fails when only the computer object is missing, and names that one', () => {
    const outcome = evaluate(
      'healthy-hybrid',
      replaceText(
        'entra-kerberos-object',
        '"computer":{"distinguishedName":"CN=AzureADKerberos,OU=Domain Controllers,DC=corp,DC=contoso,DC=com","whenCreated":"2025-03-12T09:41:07.0000000Z"}',
        '"computer":null',
      ),
    );
    expect(outcome.status).toBe('fail');
    expect(outcome.summary).toMatch(/\(the AzureADKerberos computer not found\)/);
  });

  it('warns when the key was last rotated more than 180 days ago', () => {
    const outcome = checkEntraKerberosServer.evaluate(at(factsFor('healthy-hybrid'), '2027-06-01T00:00:00Z'));
    expect(outcome.status).toBe('warn');
    expect(outcome.summary).toBe(
      'The Kerberos server object exists, but its key was last rotated 247 days ago.',
    );
    expect(fixesOf(outcome)).toEqual(['rotate-entra-kerberos-key']);
  });

  it('does not print a negative age when the key was set after the capture time', () => {
    const outcome = checkEntraKerberosServer.evaluate(at(factsFor('healthy-hybrid'), '2026-01-01T00:00:00Z'));
    expect(outcome.status).toBe('pass');
    expect(outcome.summary).toMatch(/set after the capture time, so its age is not known/);
    expect(outcome.summary).not.toMatch(/-\d+ days/);
  });

  it('passes without an age when pwdLastSet was not read', () => {
    const outcome = evaluate(
      'healthy-hybrid',
      replaceText('entra-kerberos-object', '"pwdLastSet":"2026-09-26T10:22:41.5731226Z",', ''),
    );
    expect(outcome.status).toBe('pass');
    expect(outcome.summary).toBe('The Microsoft Entra Kerberos server object exists in corp.contoso.com.');
  });

  describe('unknown', () => {
    it('when the directory query failed (no DC reachable)', () => {
      const outcome = evaluate('no-dc-line-of-sight');
      expect(outcome.status).toBe('unknown');
      expect(outcome.summary).toBe('The directory query failed: The server is not operational.');
      expect(fixesOf(outcome)).toEqual([]);
    });

    it("when it searched another domain than the user's: the object must be in the user's domain", () => {
      const outcome = evaluate(
        'healthy-hybrid',
        setOutput(
          'entra-kerberos-object',
          fixture('parsers/entra-kerberos-object-account-operators-01.json'),
        ),
      );
      expect(outcome.status).toBe('unknown');
      expect(outcome.summary).toBe(
        "The query looked in eu.contoso.com, but the user belongs to corp.contoso.com: the object must exist in the user's domain.",
      );
      expect(showsLine(outcome, 'Client: alice @ CORP.CONTOSO.COM')).toBe(true);
    });

    it('when the query was not run (no AD domain found)', () => {
      const outcome = evaluate('unsynced-user');
      expect(outcome.status).toBe('unknown');
      expect(outcome.summary).toMatch(
        /^Can't tell whether the Kerberos server object exists: it was not run/,
      );
    });

    it('when the query timed out or was not captured', () => {
      expect(evaluate('healthy-hybrid', failProbe('entra-kerberos-object')).status).toBe('unknown');
      expect(evaluate('healthy-hybrid', dropProbe('entra-kerberos-object')).summary).toMatch(
        /was not captured/,
      );
    });
  });
});
