import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { ProbeResult } from '@contract/types';
import { describe, expect, it } from 'vitest';
import { entraKerberosArgs } from '../../../electron/engine/probes/entra-kerberos-query';
import {
  contextFromInputs,
  contextFromOutputs,
  isValidHostName,
} from '../../../electron/engine/probes/probe-context';

const sample = (name: string): string =>
  readFileSync(path.join(import.meta.dirname, '../../fixtures/samples', name), 'utf8');

const result = (stdout: string, error: ProbeResult['error'] = null): ProbeResult => ({
  command: ['x.exe'],
  exitCode: 0,
  stdout,
  stderr: '',
  durationMs: 1,
  error,
});

const domainOf = (dsregcmd: string, extra = {}) =>
  contextFromOutputs({ 'dsregcmd-status': result(dsregcmd), ...extra }).domain;

describe('domain for dependent probes', () => {
  it('prefers the DNS suffix of Device Name', () => {
    expect(domainOf(sample('dsregcmd-status-01.txt'))).toBe('rcmlab.local');
    expect(domainOf(sample('dsregcmd-status-14.txt'))).toBe('nekolab.local');
  });

  it('falls back to the NetBIOS DomainName', () => {
    expect(domainOf(sample('dsregcmd-status-02.txt'))).toBe('HYBRIDADFS');
    expect(domainOf('  DomainName : CONTOSO\r\n  Device Name : PC01\r\n')).toBe('CONTOSO');
  });

  it('finds no domain on an Entra joined device without tickets', () => {
    expect(domainOf(sample('dsregcmd-status-13.txt'))).toBeUndefined();
  });

  it('takes the realm of the AD ticket-granting ticket on an Entra joined device', () => {
    const klist = result(sample('klist-02.txt'));
    expect(domainOf(sample('dsregcmd-status-13.txt'), { 'klist-tickets': klist })).toBe('za.tryhackme.com');
  });

  it('does not take the Entra Kerberos realm for the AD domain', () => {
    const klist = result(sample('klist-01.txt'));
    expect(domainOf(sample('dsregcmd-status-13.txt'), { 'klist-tickets': klist })).toBeUndefined();
  });

  it('reads CRLF output', () => {
    expect(domainOf(sample('dsregcmd-status-01.txt').replace(/\n/g, '\r\n'))).toBe('rcmlab.local');
  });

  it('ignores values that are not host names', () => {
    expect(domainOf('DomainName : a&b\n')).toBeUndefined();
  });
});

/** klist of a user of the child domain EU.CONTOSO.COM: the TGT, then a referral to the device's domain. */
const KLIST_EU_USER = `
Current LogonId is 0:0x3e7a1

Cached Tickets: (2)

#0>     Client: alice @ EU.CONTOSO.COM
        Server: krbtgt/EU.CONTOSO.COM @ EU.CONTOSO.COM
        KerbTicket Encryption Type: AES-256-CTS-HMAC-SHA1-96
        Ticket Flags 0x40e10000 -> forwardable renewable initial pre_authent name_canonicalize
        Start Time: 3/2/2026 8:01:12 (local)
        End Time:   3/2/2026 18:01:12 (local)
        Renew Time: 3/9/2026 8:01:12 (local)
        Session Key Type: AES-256-CTS-HMAC-SHA1-96
        Cache Flags: 0x1 -> PRIMARY
        Kdc Called: DC01.eu.contoso.com

#1>     Client: alice @ EU.CONTOSO.COM
        Server: krbtgt/CORP.CONTOSO.COM @ EU.CONTOSO.COM
        KerbTicket Encryption Type: AES-256-CTS-HMAC-SHA1-96
        Ticket Flags 0x40a50000 -> forwardable renewable pre_authent ok_as_delegate name_canonicalize
        Start Time: 3/2/2026 8:03:40 (local)
        End Time:   3/2/2026 18:01:12 (local)
        Renew Time: 3/9/2026 8:01:12 (local)
        Session Key Type: AES-256-CTS-HMAC-SHA1-96
        Cache Flags: 0
        Kdc Called: DC01.eu.contoso.com
`;

/** dsregcmd of a hybrid joined device in corp.contoso.com (NetBIOS CORP). */
const DSREGCMD_CORP_DEVICE = `
             AzureAdJoined : YES
              DomainJoined : YES
                DomainName : CORP
               Device Name : PC01.corp.contoso.com
`;

const whoami = (userName: string) =>
  result(`"User Name","SID"\r\n"${userName}","S-1-5-21-2811547166-3306178302-1401939770-2204"\r\n`);

describe("the user's domain for the Entra Kerberos query", () => {
  it('takes the client realm of the TGT: a user of a child domain on a device of the parent', () => {
    const context = contextFromOutputs({
      'dsregcmd-status': result(DSREGCMD_CORP_DEVICE),
      'klist-tickets': result(KLIST_EU_USER),
    });
    expect(context).toEqual({ domain: 'corp.contoso.com', userDomain: 'eu.contoso.com' });
    // The LDAP query searches the user's domain, where the objects must be.
    const script = Buffer.from(entraKerberosArgs(context)?.[5] ?? '', 'base64').toString('utf16le');
    expect(script).toContain("$domain = 'eu.contoso.com'\n");
  });

  it('takes the realm of a real sample (Administrator @ ZA.TRYHACKME.COM)', () => {
    const context = contextFromOutputs({ 'klist-tickets': result(sample('klist-02.txt')) });
    expect(context.userDomain).toBe('za.tryhackme.com');
  });

  it('takes neither the Entra Kerberos realm nor the AzureAD client realm of an Entra user', () => {
    const context = contextFromOutputs({
      'dsregcmd-status': result(sample('dsregcmd-status-13.txt')),
      'klist-tickets': result(sample('klist-01.txt')),
      'whoami-user': whoami('azuread\\ayan'),
    });
    expect(context).toEqual({});
  });

  it("keeps the device's domain when the query already searched the user's", () => {
    const object = result(
      '{"domain":"eu.contoso.com","computer":null,"krbtgt":null,"error":"The server is not operational."}',
    );
    const context = contextFromOutputs({
      'dsregcmd-status': result(DSREGCMD_CORP_DEVICE),
      'klist-tickets': result(KLIST_EU_USER),
      'entra-kerberos-object': object,
    });
    expect(context).toEqual({ domain: 'corp.contoso.com', userDomain: 'eu.contoso.com' });
  });

  it("maps whoami's NetBIOS domain, when it is the device's, to the device's DNS domain", () => {
    const context = contextFromOutputs({
      'dsregcmd-status': result(sample('dsregcmd-status-01.txt')),
      'whoami-user': whoami('rcmlab\\alice'),
    });
    expect(context).toEqual({ domain: 'rcmlab.local', userDomain: 'rcmlab.local' });
  });

  it('takes another NetBIOS domain from whoami as is on a domain joined device', () => {
    const context = contextFromOutputs({
      'dsregcmd-status': result(DSREGCMD_CORP_DEVICE),
      'whoami-user': whoami('eu\\carla'),
    });
    expect(context).toEqual({ domain: 'corp.contoso.com', userDomain: 'EU' });
  });

  it('takes no domain from a local account, whose "domain" is the computer name', () => {
    const context = contextFromOutputs({
      'dsregcmd-status': result(DSREGCMD_CORP_DEVICE),
      'whoami-user': whoami('pc01\\localadmin'),
    });
    expect(context).toEqual({ domain: 'corp.contoso.com' });
  });

  it('refuses a client realm that is not a host name', () => {
    const klist = KLIST_EU_USER.replaceAll('alice @ EU.CONTOSO.COM', "alice @ EU.CONTOSO.COM';calc;'");
    const context = contextFromOutputs({
      'dsregcmd-status': result(DSREGCMD_CORP_DEVICE),
      'klist-tickets': result(klist),
    });
    expect(context).toEqual({ domain: 'corp.contoso.com' });
  });
});

describe('domain controller for dependent probes', () => {
  const dcOf = (text: string) => contextFromOutputs({ 'nltest-dsgetdc': result(text) }).dcName;
  it('strips the leading backslashes', () => {
    expect(dcOf(sample('nltest-dsgetdc-01.txt'))).toBe('DC01');
    expect(dcOf(sample('nltest-dsgetdc-04.txt'))).toBe('DC.contoso.com');
  });

  it('finds nothing in a failure', () => {
    expect(dcOf('Getting DC name failed: Status = 1355 0x54b ERROR_NO_SUCH_DOMAIN\n')).toBeUndefined();
  });
});

describe('contextFromOutputs', () => {
  it('combines dsregcmd and nltest', () => {
    const context = contextFromOutputs({
      'dsregcmd-status': result(sample('dsregcmd-status-01.txt')),
      'nltest-dsgetdc': result(sample('nltest-dsgetdc-04.txt')),
    });
    // The DC's own answer names the domain best.
    expect(context).toEqual({ domain: 'contoso.com', dcName: 'DC.contoso.com' });
  });

  it('is empty without evidence', () => {
    expect(contextFromOutputs({})).toEqual({});
  });

  it('still reads what a timed-out probe printed', () => {
    const context = contextFromOutputs({
      'dsregcmd-status': result('Device Name : pc.corp.example\n', 'timeout'),
    });
    expect(context).toEqual({ domain: 'corp.example' });
  });
});

describe('contextFromInputs', () => {
  it('gives the share to test only when it is a valid UNC path', () => {
    expect(contextFromInputs({ share: '\\\\fs01\\finance' })).toEqual({ share: '\\\\fs01\\finance' });
    expect(contextFromInputs({ share: 'C:\\Windows' })).toEqual({});
    expect(contextFromInputs({ share: '\\\\fs01\\finance"; calc' })).toEqual({});
    expect(contextFromInputs({})).toEqual({});
    expect(contextFromInputs()).toEqual({});
  });

  it('is part of the evidence context', () => {
    expect(contextFromOutputs({}, { share: '\\\\fs01\\finance' })).toEqual({ share: '\\\\fs01\\finance' });
  });
});

describe('isValidHostName', () => {
  it('accepts DNS and NetBIOS names', () => {
    for (const name of ['contoso.com', 'CONTOSO', 'DC01', 'dc-01.corp.contoso.com', 'rcmlab.local', '123']) {
      expect(isValidHostName(name)).toBe(true);
    }
  });

  it('refuses anything that could carry syntax', () => {
    for (const name of [
      '',
      '-dsgetdc',
      'a..b',
      '.contoso.com',
      'contoso.com.',
      'contoso com',
      "x'; Remove-Item C:\\ -Recurse; '",
      'contoso.com&calc',
      'a/b',
      'a\\b',
      '$env:USERNAME',
      'dömäin.de',
      'x'.repeat(64),
      `${'a.'.repeat(127)}a`,
    ]) {
      expect(isValidHostName(name), name).toBe(false);
    }
  });
});
