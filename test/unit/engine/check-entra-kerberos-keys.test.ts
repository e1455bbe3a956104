import { readFileSync } from 'node:fs';
import type { CaptureInputs, ProbeOutputs, ProbeResult } from '@contract/types';
import { describe, expect, it } from 'vitest';
import { runChecklist } from '../../../electron/engine/checklist/run-checklist';
import {
  checkEntraKerberosKeys,
  KERBEROS_KEY_MAX_AGE_DAYS,
  keyMaxAgeDays,
} from '../../../electron/engine/checks/check-entra-kerberos-keys';
import { buildFactSet } from '../../../electron/engine/facts/fact-set';

const sample = (name: string) =>
  readFileSync(new URL(`../../fixtures/samples/${name}`, import.meta.url), 'utf8');
const ajf = sample('get-azureadkerberosserver-01.txt'); // corp.ajf.one, key of 2023-03-15T06:44:39Z, CloudTrustDisplay
const architekt = sample('get-azureadkerberosserver-04.txt'); // ad.cloud-architekt.net, key of 2021-04-23T10:26:55Z

const LINES_AJF = [
  'KeyVersion         : 864665',
  'CloudKeyVersion    : 864665',
  'KeyUpdatedOn       : 3/15/2023 6:44:39 AM',
  'ComputerAccount    : CN=AzureADKerberos,OU=Domain Controllers,DC=corp,DC=ajf,DC=one',
];

function admin(stdout: string, change: Partial<ProbeResult> = {}): ProbeResult {
  return {
    command: ['Get-AzureADKerberosServer'],
    exitCode: 0,
    stdout,
    stderr: '',
    durationMs: 0,
    error: null,
    ...change,
  };
}

function evaluate(
  stdout: string | undefined,
  inputs: CaptureInputs = {},
  now = '2023-06-01T00:00:00Z',
  extra: ProbeOutputs = {},
) {
  const outputs: ProbeOutputs = {
    ...extra,
    ...(stdout === undefined ? {} : { 'entra-kerberos-server-admin': admin(stdout) }),
  };
  return checkEntraKerberosKeys.evaluate(buildFactSet(outputs, inputs, new Date(now)));
}

/** The device's AD domain, as the directory query reports it. */
const deviceDomain = (domain: string): ProbeOutputs => ({
  'entra-kerberos-object': {
    command: ['powershell.exe'],
    exitCode: 0,
    stdout: JSON.stringify({ domain }),
    stderr: '',
    durationMs: 1,
    error: null,
  },
});

describe('entra-kerberos-keys', () => {
  it('is defined as the admin view of the server keys, with no dependency', () => {
    expect(checkEntraKerberosKeys).toMatchObject({
      id: 'entra-kerberos-keys',
      title: 'Entra Kerberos server keys (admin view)',
      needs: ['entra-kerberos-server-admin'],
      dependsOn: [],
    });
    expect(checkEntraKerberosKeys.explanation).toMatch(/KeyVersion/);
    expect(checkEntraKerberosKeys.explanation).toMatch(/CloudKeyVersion/);
    expect(checkEntraKerberosKeys.explanation).toMatch(/-RotateServerKey/);
    expect(checkEntraKerberosKeys.explanation).toMatch(/CloudTrustDisplay.*not needed for Windows Hello/);
  });

  it('passes on sample 01 with the key age, the evidence lines and the CloudTrustDisplay note', () => {
    const outcome = evaluate(ajf);
    expect(outcome.status).toBe('pass');
    expect(outcome.summary).toMatch(
      /corp\.ajf\.one are in sync \(version 864665 .*\); the key is 77 days old\./,
    );
    expect(outcome.summary).toMatch(/CloudTrustDisplay .*not needed for Windows Hello/);
    expect(outcome.evidence).toHaveLength(1);
    expect(outcome.evidence[0]).toMatchObject({
      probeId: 'entra-kerberos-server-admin',
      command: ['Get-AzureADKerberosServer'],
      lines: LINES_AJF,
      note: expect.stringMatching(/CloudTrustDisplay .*not needed for Windows Hello/),
    });
    expect(outcome.fixes).toBeUndefined();
  });

  it('passes on sample 04 (no CloudTrustDisplay) without mentioning it', () => {
    const outcome = evaluate(architekt, {}, '2021-05-01T00:00:00Z');
    expect(outcome.status).toBe('pass');
    expect(outcome.summary).toMatch(/the key is 7 days old/);
    expect(outcome.summary).not.toMatch(/CloudTrustDisplay/);
    expect(outcome.evidence[0]?.note).toBeUndefined();
    expect(outcome.evidence[0]?.lines).toEqual([
      'KeyVersion         : 1585708',
      'CloudKeyVersion    : 1585708',
      'KeyUpdatedOn       : 4/23/2021 10:26:55 AM',
      'ComputerAccount    : CN=AzureADKerberos,OU=Domain Controllers,DC=ad,DC=cloud-architekt,DC=net',
    ]);
  });

  it(`warns when the key is older than ${KERBEROS_KEY_MAX_AGE_DAYS} days, with the rotate fix`, () => {
    const outcome = evaluate(ajf, {}, '2024-03-15T06:44:39Z');
    expect(outcome.status).toBe('warn');
    expect(outcome.summary).toMatch(/last rotated 366 days ago \(more than 180\)/);
    expect(outcome.fixes).toEqual(['rotate-entra-kerberos-key']);
    expect(outcome.remediation).toMatch(/Set-AzureADKerberosServer .*-RotateServerKey/);
    expect(outcome.evidence[0]?.lines).toEqual(LINES_AJF);
    // Exactly at the limit is still fine.
    expect(evaluate(ajf, {}, '2023-09-11T06:44:39Z').status).toBe('pass');
    expect(evaluate(ajf, {}, '2023-09-12T06:44:39Z').status).toBe('warn');
  });

  it('takes the maximum age from the inputs (keyMaxAgeDays)', () => {
    expect(evaluate(ajf, { keyMaxAgeDays: 30 }).status).toBe('warn');
    expect(evaluate(ajf, { keyMaxAgeDays: 30 }).summary).toMatch(/77 days ago \(more than 30\)/);
    expect(evaluate(ajf, { keyMaxAgeDays: 400 }, '2024-03-15T06:44:39Z').status).toBe('pass');
    expect(keyMaxAgeDays({})).toBe(180);
    expect(keyMaxAgeDays({ keyMaxAgeDays: 90 })).toBe(90);
    for (const bad of [0, -5, Number.NaN, Number.POSITIVE_INFINITY])
      expect(keyMaxAgeDays({ keyMaxAgeDays: bad })).toBe(180);
  });

  it('fails when KeyVersion and CloudKeyVersion differ: tickets signed with a key the DCs lack', () => {
    const outcome = evaluate(ajf.replace('CloudKeyVersion    : 864665', 'CloudKeyVersion    : 864666'));
    expect(outcome.status).toBe('fail');
    expect(outcome.summary).toMatch(/out of sync: AD has key version 864665, Entra ID 864666/);
    expect(outcome.summary).toMatch(/key the domain controllers don't have.*rejected/);
    expect(outcome.fixes).toEqual(['rotate-entra-kerberos-key']);
    expect(outcome.evidence[0]?.lines).toEqual([
      LINES_AJF[0],
      'CloudKeyVersion    : 864666',
      LINES_AJF[2],
      LINES_AJF[3],
    ]);
    expect(outcome.docs?.length).toBeGreaterThan(0);
  });

  it('fails with the create fix when the command printed no object', () => {
    const outcome = evaluate(
      "Get-AzureADKerberosServer -Domain 'corp.ajf.one' -UserPrincipalName 'ga@ajf.one'\n\n",
    );
    expect(outcome.status).toBe('fail');
    expect(outcome.summary).toMatch(/no Microsoft Entra Kerberos server object/);
    expect(outcome.fixes).toEqual(['create-entra-kerberos-server']);
  });

  it('fails with the create fix when half of the object is missing (fields printed empty)', () => {
    const outcome = evaluate(
      architekt
        .replace('KeyVersion         : 1585708', 'KeyVersion         :')
        .replace(/ComputerAccount .*/, 'ComputerAccount    :'),
      {},
      '2021-05-01T00:00:00Z',
    );
    expect(outcome.status).toBe('fail');
    expect(outcome.summary).toMatch(/incomplete: it exists in Entra ID but not in AD/);
    expect(outcome.fixes).toEqual(['create-entra-kerberos-server']);
    expect(outcome.evidence[0]?.lines).toEqual([
      'KeyVersion         :',
      'CloudKeyVersion    : 1585708',
      'KeyUpdatedOn       : 4/23/2021 10:26:55 AM',
      'ComputerAccount    :',
    ]);
  });

  it('skips when the output was not pasted: it is an admin-side input', () => {
    const outcome = evaluate(undefined);
    expect(outcome).toEqual({
      status: 'skip',
      summary: expect.stringMatching(
        /^Paste the output of Get-AzureADKerberosServer to check the server keys/,
      ),
      evidence: [],
    });
    expect(outcome.summary).toMatch(/not collected on the device/);
  });

  it('is unknown when the pasted text is unreadable, saying why', () => {
    const outcome = evaluate('\u0000\u0001garbage ☃ %%%');
    expect(outcome.status).toBe('unknown');
    expect(outcome.summary).toMatch(/could not be read \(no Get-AzureADKerberosServer fields/);
    expect(outcome.evidence[0]?.note).toMatch(/could not be read/);
  });

  it('is unknown when a version is missing from the paste, or when the cmdlet failed', () => {
    const truncated = evaluate(ajf.slice(0, ajf.indexOf('CloudKeyVersion')));
    expect(truncated.status).toBe('unknown');
    expect(truncated.summary).toMatch(/CloudKeyVersion is missing or unreadable/);
    const failed = evaluate('Get-AzureADKerberosServer : Failed to connect to domain corp.ajf.one.');
    expect(failed.status).toBe('unknown');
    expect(failed.summary).toMatch(/failed.*Failed to connect to domain corp\.ajf\.one\./);
    expect(failed.evidence[0]?.lines).toEqual([
      'Get-AzureADKerberosServer : Failed to connect to domain corp.ajf.one.',
    ]);
  });

  it('passes with an unreadable date, and notes an ambiguous one', () => {
    const noDate = evaluate(ajf.replace(/3\/15\/2023 6:44:39 AM/g, 'someday'));
    expect(noDate.status).toBe('pass');
    expect(noDate.summary).toMatch(/date of the key could not be read/);
    const ambiguous = evaluate(ajf.replace(/3\/15\/2023 6:44:39 AM/g, '05/03/2023 06:44:39'));
    expect(ambiguous.status).toBe('pass');
    expect(ambiguous.summary).toMatch(/the key is 87 days old/); // read as 5 March
    expect(ambiguous.evidence[0]?.note).toMatch(/ambiguous; read as day\/month/);
  });

  it("judges only the device's domain when several objects were pasted", () => {
    const both = `${ajf}\n\n${architekt.replace('CloudKeyVersion    : 1585708', 'CloudKeyVersion    : 1585709')}`;
    const outcome = evaluate(both, {}, '2023-06-01T00:00:00Z', deviceDomain('corp.ajf.one'));
    expect(outcome.status).toBe('pass');
    expect(outcome.summary).toMatch(/corp\.ajf\.one/);
    expect(outcome.evidence).toHaveLength(1);
    expect(outcome.evidence[0]?.lines).toEqual(LINES_AJF);
    expect(outcome.evidence[0]?.note).toMatch(
      /Judged the object of corp\.ajf\.one, this device's domain \(2 were pasted\)/,
    );

    const other = evaluate(both, {}, '2023-06-01T00:00:00Z', deviceDomain('AD.Cloud-Architekt.net'));
    expect(other.status).toBe('fail');
    expect(other.summary).toMatch(/ad\.cloud-architekt\.net are out of sync/);
  });

  it("says unknown when the only pasted object is for another domain than the device's", () => {
    const outcome = evaluate(ajf, {}, '2023-06-01T00:00:00Z', deviceDomain('corp.contoso.com'));
    // Another domain's object says nothing about this one: unknown, never the headline.
    expect(outcome.status).toBe('unknown');
    expect(outcome.summary).toMatch(
      /^The pasted output is for corp\.ajf\.one, not corp\.contoso\.com \(this device's domain\)/,
    );
  });

  it('judges every object and reports the worst when the domain is not known', () => {
    const both = `${ajf}\n\n${architekt.replace('CloudKeyVersion    : 1585708', 'CloudKeyVersion    : 1585709')}`;
    expect(evaluate(both, {}, '2023-06-01T00:00:00Z', deviceDomain('other.example')).status).toBe('unknown');
    for (const extra of [{}]) {
      const outcome = evaluate(both, {}, '2023-06-01T00:00:00Z', extra);
      expect(outcome.status).toBe('fail');
      expect(outcome.summary).toMatch(/ad\.cloud-architekt\.net are out of sync.*\(2 domains checked\.\)/);
      expect(outcome.fixes).toEqual(['rotate-entra-kerberos-key']);
      expect(outcome.evidence.map((e) => e.lines[1])).toEqual(['CloudKeyVersion    : 1585709', LINES_AJF[1]]);
      expect(outcome.evidence[0]?.note).toMatch(/Object of ad\.cloud-architekt\.net\./);
    }
    const warnAndPass = evaluate(`${ajf}\n\n${architekt}`, {}, '2023-06-01T00:00:00Z');
    expect(warnAndPass.status).toBe('warn');
    expect(warnAndPass.summary).toMatch(/ad\.cloud-architekt\.net .*last rotated 768 days ago/);
  });

  it('shows in the checklist right after entra-kerberos-server, and skip does not block anything', () => {
    const set = buildFactSet(
      { 'entra-kerberos-server-admin': admin(ajf) },
      {},
      new Date('2023-06-01T00:00:00Z'),
    );
    const results = runChecklist(set);
    const ids = results.map((r) => r.id);
    expect(ids.indexOf('entra-kerberos-keys')).toBe(ids.indexOf('entra-kerberos-server') + 1);
    expect(results.find((r) => r.id === 'entra-kerberos-keys')).toMatchObject({
      status: 'pass',
      blockedBy: null,
    });
    const empty = runChecklist(buildFactSet({}));
    expect(empty.find((r) => r.id === 'entra-kerberos-keys')?.status).toBe('skip');
  });

  it('is unknown when the probe itself failed', () => {
    const set = buildFactSet(
      { 'entra-kerberos-server-admin': admin('', { error: 'access-denied' }) },
      {},
      new Date('2023-06-01T00:00:00Z'),
    );
    const outcome = checkEntraKerberosKeys.evaluate(set);
    expect(outcome.status).toBe('unknown');
    expect(outcome.summary).toMatch(/access denied/);
  });
});
