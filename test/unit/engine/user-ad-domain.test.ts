import type { ProbeOutputs, ProbeResult } from '@contract/types';
import { describe, expect, it } from 'vitest';
import { adDomain, userAdDomain } from '../../../electron/engine/facts/ad-domain';
import { buildFactSet } from '../../../electron/engine/facts/fact-set';

const result = (stdout: string): ProbeResult => ({
  command: ['x.exe'],
  exitCode: 0,
  stdout,
  stderr: '',
  durationMs: 1,
  error: null,
});

const factsFrom = (probes: Record<string, string>) =>
  buildFactSet(
    Object.fromEntries(Object.entries(probes).map(([id, stdout]) => [id, result(stdout)])) as ProbeOutputs,
  );

const TICKET = (client: string, server: string) => `Current LogonId is 0:0x3e7a1

Cached Tickets: (1)

#0>     Client: ${client}
        Server: ${server}
        KerbTicket Encryption Type: AES-256-CTS-HMAC-SHA1-96
        Ticket Flags 0x40e10000 -> forwardable renewable initial pre_authent name_canonicalize
        Start Time: 3/2/2026 8:01:12 (local)
        End Time:   3/2/2026 18:01:12 (local)
        Renew Time: 3/9/2026 8:01:12 (local)
        Session Key Type: AES-256-CTS-HMAC-SHA1-96
        Cache Flags: 0x1 -> PRIMARY
        Kdc Called: DC01.eu.contoso.com
`;

const CORP_DEVICE = 'DomainName : CORP\nDevice Name : PC01.corp.contoso.com\n';
const WHOAMI = (name: string) =>
  `"User Name","SID"\n"${name}","S-1-5-21-1004336348-1177238915-682003330-1108"\n`;

describe('userAdDomain', () => {
  it('names the klist line the realm came from', () => {
    const set = factsFrom({
      'dsregcmd-status': CORP_DEVICE,
      'klist-tickets': TICKET('alice @ EU.CONTOSO.COM', 'krbtgt/EU.CONTOSO.COM @ EU.CONTOSO.COM'),
    });
    expect(userAdDomain(set)).toEqual({
      domain: 'eu.contoso.com',
      source: 'klist-tickets',
      line: '#0>     Client: alice @ EU.CONTOSO.COM',
    });
    // The device's domain stays the device's.
    expect(adDomain(set)).toBe('corp.contoso.com');
  });

  it("prefers the ticket's client realm over whoami", () => {
    const set = factsFrom({
      'dsregcmd-status': CORP_DEVICE,
      'whoami-user': WHOAMI('corp\\alice'),
      'klist-tickets': TICKET('alice @ EU.CONTOSO.COM', 'krbtgt/EU.CONTOSO.COM @ EU.CONTOSO.COM'),
    });
    expect(userAdDomain(set)?.domain).toBe('eu.contoso.com');
  });

  it("ignores the client of the Entra Kerberos TGT, and names whoami's line when it decides", () => {
    const set = factsFrom({
      'dsregcmd-status': CORP_DEVICE,
      'whoami-user': WHOAMI('corp\\alice'),
      'klist-tickets': TICKET(
        'alice @ KERBEROS.MICROSOFTONLINE.COM',
        'krbtgt/KERBEROS.MICROSOFTONLINE.COM @ KERBEROS.MICROSOFTONLINE.COM',
      ),
    });
    expect(userAdDomain(set)).toEqual({
      domain: 'corp.contoso.com',
      source: 'whoami-user',
      line: '"corp\\alice","S-1-5-21-1004336348-1177238915-682003330-1108"',
    });
  });

  it("gives the NetBIOS name when that is all there is of the device's domain", () => {
    const set = factsFrom({ 'dsregcmd-status': 'DomainName : CORP\n', 'whoami-user': WHOAMI('corp\\alice') });
    expect(userAdDomain(set)?.domain).toBe('CORP');
  });

  it('never takes the UPN suffix, nor a whoami domain it cannot place', () => {
    expect(userAdDomain(factsFrom({ 'whoami-user': WHOAMI('alice@contoso.com') }))).toBeUndefined();
    // Without dsregcmd, "eu\carla" could as well be a local account of a computer named EU.
    expect(userAdDomain(factsFrom({ 'whoami-user': WHOAMI('eu\\carla') }))).toBeUndefined();
    expect(userAdDomain(factsFrom({}))).toBeUndefined();
  });

  it('treats a NetBIOS computer name cut to 15 characters as a local account', () => {
    const set = factsFrom({
      'dsregcmd-status': 'DomainName : CORP\nDevice Name : rcmlab-ws2022-srv1.corp.contoso.com\n',
      'whoami-user': WHOAMI('rcmlab-ws2022-s\\admin'),
    });
    expect(userAdDomain(set)).toBeUndefined();
  });
});
