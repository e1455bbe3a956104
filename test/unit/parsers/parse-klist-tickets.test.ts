import { describe, expect, it } from 'vitest';
import { parseKlistTickets, readLogonId } from '../../../electron/engine/parsers/parse-klist-tickets';
import {
  ALIGNMENT_VARIANTS,
  expectParsedShape,
  itDoesNotRecognize,
  itIgnoresPadding,
  itReadsVariantsAlike,
  itSurvivesDamagedText,
  sample,
  samples,
  valuesRead,
} from './text-mutations';

// Plausible German klist output (written for this test; layout as the other languages).
const GERMAN = [
  'C:\\Users\\anna> klist',
  '',
  'Aktuelle Anmelde-ID ist 0:0x3a7f2',
  '',
  'Zwischengespeicherte Tickets: (1)',
  '',
  '#0>\tClient: anna.schmidt @ CONTOSO.COM',
  '\tServer: krbtgt/CONTOSO.COM @ CONTOSO.COM',
  '\tKerbTicket (Verschlüsselungstyp): AES-256-CTS-HMAC-SHA1-96',
  '\tTicketkennzeichen 0x40e10000 -> forwardable renewable initial pre_authent name_canonicalize',
  '\tStartzeit: 3/4/2026 8:01:12 (lokal)',
  '\tEndzeit:   3/4/2026 18:01:12 (lokal)',
  '\tErneuerungszeit: 3/11/2026 8:01:12 (lokal)',
  '\tSitzungsschlüsseltyp: AES-256-CTS-HMAC-SHA1-96',
  '\tCacheflags: 0x1 -> PRIMARY',
  '\tAufgerufener KDC: DC01.contoso.com',
].join('\n');

const SAMPLES = {
  ...samples('klist-01.txt', 'klist-02.txt', 'klist-es-01.txt', 'klist-fr-02.txt'),
  'german (synthetic)': GERMAN,
};

function expectTicketsShape(text: string): void {
  const result = parseKlistTickets(text);
  expectParsedShape(result);
  const { facts } = result;
  expect(Array.isArray(facts.tickets)).toBe(true);
  expect(['undefined', 'string']).toContain(typeof facts.logonId);
  if (facts.declaredCount !== undefined) expect(Number.isInteger(facts.declaredCount)).toBe(true);
  for (const ticket of facts.tickets) {
    expect(Number.isInteger(ticket.index)).toBe(true);
    for (const part of [ticket.client, ticket.server, ticket.realm, ticket.service, ticket.target]) {
      expect(typeof part).toBe('string');
    }
    expect(['undefined', 'string']).toContain(typeof ticket.encryptionType);
    expect(['undefined', 'string']).toContain(typeof ticket.kdcCalled);
    for (const flag of ticket.flags) {
      expect(typeof flag).toBe('string');
      expect(flag).not.toBe('');
    }
    for (const line of ticket.lines) expect(typeof line).toBe('string');
  }
}

describe('parseKlistTickets on real samples', () => {
  it.each(Object.entries(SAMPLES))('%s is recognized without problems', (_name, text) => {
    const result = parseKlistTickets(text);
    expect(result.recognized).toBe(true);
    expect(result.problems).toEqual([]);
    expect(result.facts.tickets.length).toBe(result.facts.declaredCount);
  });

  it('reads klist-01 (purge + get: cloud TGT supplied at logon, cifs via KDC proxy)', () => {
    const { facts } = parseKlistTickets(sample('klist-01.txt'));
    expect(facts.logonId).toBe('0:0x14c5c3f');
    expect(facts.declaredCount).toBe(2);
    expect(facts.tickets).toHaveLength(2);
    const [tgt, cifs] = facts.tickets;
    expect(tgt).toMatchObject({
      index: 0,
      client: 'ayan@<> @ AzureAD',
      server: 'krbtgt/KERBEROS.MICROSOFTONLINE.COM',
      realm: 'KERBEROS.MICROSOFTONLINE.COM',
      service: 'krbtgt',
      target: 'KERBEROS.MICROSOFTONLINE.COM',
      encryptionType: 'Unknown (-1)',
      flags: ['forwardable', 'renewable', 'name_canonicalize'],
      kdcCalled: 'TicketSuppliedAtLogon',
    });
    expect(tgt?.lines).toHaveLength(10);
    expect(tgt?.lines[0]).toBe('#0>     Client: ayan@<> @ AzureAD');
    expect(tgt?.lines.at(-1)).toBe('Kdc Called: TicketSuppliedAtLogon');
    expect(cifs).toMatchObject({
      index: 1,
      server: 'cifs/entraazfiles1.file.core.windows.net',
      realm: 'KERBEROS.MICROSOFTONLINE.COM',
      service: 'cifs',
      target: 'entraazfiles1.file.core.windows.net',
      encryptionType: 'AES-256-CTS-HMAC-SHA1-96',
      flags: ['forwardable'],
      kdcCalled: 'KdcProxy:login.microsoftonline.com',
    });
  });

  it('reads klist-02 (prompt line, one TGT)', () => {
    const { facts } = parseKlistTickets(sample('klist-02.txt'));
    expect(facts.logonId).toBe('0:0x1e43562');
    expect(facts.tickets).toEqual([
      expect.objectContaining({
        index: 0,
        client: 'Administrator @ ZA.TRYHACKME.COM',
        server: 'krbtgt/ZA.TRYHACKME.COM',
        realm: 'ZA.TRYHACKME.COM',
        flags: ['forwardable', 'renewable', 'initial', 'pre_authent', 'name_canonicalize'],
        kdcCalled: 'THMDC.za.tryhackme.com',
      }),
    ]);
  });

  it('reads klist-es-01 (Spanish, empty "KDC llamado")', () => {
    const { facts } = parseKlistTickets(sample('klist-es-01.txt'));
    expect(facts.logonId).toBe('0:0x25e7d');
    expect(facts.declaredCount).toBe(2);
    const [tgt, cifs] = facts.tickets;
    expect(tgt).toMatchObject({
      client: 'm.lovegod @ ABSOLUTE.HTB',
      server: 'krbtgt/absolute.htb',
      realm: 'ABSOLUTE.HTB',
      service: 'krbtgt',
      encryptionType: 'AES-256-CTS-HMAC-SHA1-96',
      flags: ['renewable', 'initial', 'pre_authent', 'name_canonicalize'],
      kdcCalled: '',
    });
    expect(cifs).toMatchObject({
      service: 'cifs',
      target: 'dc.absolute.htb',
      flags: ['renewable', 'pre_authent', 'ok_as_delegate', 'name_canonicalize'],
      kdcCalled: 'dc.absolute.htb',
    });
  });

  it('reads klist-fr-02 (French, starts at the header)', () => {
    const { facts } = parseKlistTickets(sample('klist-fr-02.txt'));
    expect(facts.logonId).toBeUndefined();
    expect(facts.declaredCount).toBe(2);
    expect(facts.tickets).toHaveLength(2);
    expect(facts.tickets[0]).toMatchObject({
      client: 'claire.durand @ NOVACORP.TEST',
      server: 'krbtgt/NOVACORP.TEST',
      realm: 'NOVACORP.TEST',
      encryptionType: 'AES-256-CTS-HMAC-SHA1-96',
      flags: ['forwardable', 'renewable', 'initial', 'pre_authent', 'name_canonicalize'],
      kdcCalled: 'DC02.novacorp.test',
    });
    expect(facts.tickets[1]).toMatchObject({
      server: 'ldap/DC01.novacorp.test',
      service: 'ldap',
      target: 'DC01.novacorp.test',
      kdcCalled: 'DC02.novacorp.test',
    });
  });

  it('reads German klist output', () => {
    const { facts } = parseKlistTickets(GERMAN);
    expect(facts.logonId).toBe('0:0x3a7f2');
    expect(facts.declaredCount).toBe(1);
    expect(facts.tickets).toEqual([
      expect.objectContaining({
        index: 0,
        client: 'anna.schmidt @ CONTOSO.COM',
        server: 'krbtgt/CONTOSO.COM',
        realm: 'CONTOSO.COM',
        service: 'krbtgt',
        target: 'CONTOSO.COM',
        encryptionType: 'AES-256-CTS-HMAC-SHA1-96',
        flags: ['forwardable', 'renewable', 'initial', 'pre_authent', 'name_canonicalize'],
        kdcCalled: 'DC01.contoso.com',
      }),
    ]);
  });
});

describe('parseKlistTickets edge cases', () => {
  it('reads an empty ticket cache', () => {
    const result = parseKlistTickets('Current LogonId is 0:0x3e7\n\nCached Tickets: (0)\n');
    expect(result).toEqual({
      facts: { logonId: '0:0x3e7', declaredCount: 0, tickets: [] },
      recognized: true,
      problems: [],
    });
  });

  it('uses the last line of a complete ticket as the KDC when its label has no "KDC"', () => {
    // Labels made up on purpose: only the fixed layout is known.
    const text = [
      '#0> Aaa: bob @ CORP.TEST',
      'Bbb: krbtgt/CORP.TEST @ CORP.TEST',
      'Ccc: RSADSI RC4-HMAC(NT)',
      'Ddd 0x40e10000 -> forwardable renewable',
      'Eee: 1/1/2026 8:00:00',
      'Fff: 1/1/2026 18:00:00',
      'Ggg: 1/8/2026 8:00:00',
      'Hhh: AES-256-CTS-HMAC-SHA1-96',
      'Iii: 0x1 -> PRIMARY',
      'Jjj: dc1.corp.test',
    ].join('\n');
    const [ticket] = parseKlistTickets(text).facts.tickets;
    expect(ticket).toMatchObject({
      server: 'krbtgt/CORP.TEST',
      encryptionType: 'RSADSI RC4-HMAC(NT)',
      flags: ['forwardable', 'renewable'],
      kdcCalled: 'dc1.corp.test',
    });
  });

  it('leaves kdcCalled unset on a truncated ticket and says the count does not match', () => {
    const truncated = sample('klist-02.txt').split('\n').slice(0, 12).join('\n');
    const result = parseKlistTickets(truncated);
    expect(result.facts.tickets).toHaveLength(1);
    expect(result.facts.tickets[0]?.kdcCalled).toBeUndefined();
    expect(result.facts.tickets[0]?.encryptionType).toBe('AES-256-CTS-HMAC-SHA1-96');
    expect(result.problems).toEqual([]);

    const cut = sample('klist-01.txt').split('\n').slice(0, 24).join('\n');
    const partial = parseKlistTickets(cut);
    expect(partial.facts.tickets.map((t) => t.service)).toEqual(['krbtgt']);
    // The cut falls after "#1>     Client: ...": a ticket without its server line.
    expect(partial.problems).toEqual([
      '1 ticket(s) without a readable server line were skipped.',
      'The header announces 2 ticket(s) but 1 were read.',
    ]);
  });

  it('skips a ticket with no server line and says so', () => {
    const result = parseKlistTickets('Cached Tickets: (1)\n\n#0>     Client: bob @ CORP.TEST\n');
    expect(result.recognized).toBe(true);
    expect(result.facts.tickets).toEqual([]);
    expect(result.problems).toContain('1 ticket(s) without a readable server line were skipped.');
  });

  it('keeps the last listing when klist output was pasted twice', () => {
    const text = `${sample('klist-02.txt')}\n${sample('klist-es-01.txt')}`;
    const result = parseKlistTickets(text);
    expect(result.facts.tickets.map((t) => t.server)).toEqual([
      'krbtgt/absolute.htb',
      'cifs/dc.absolute.htb',
    ]);
    expect(result.facts.logonId).toBe('0:0x25e7d');
    expect(result.problems).toEqual(['The text holds several ticket listings; the last one was read.']);
  });

  it('ends a ticket at its KDC line, before output of a following command', () => {
    const text = `${sample('klist-02.txt')}\nDeleting all tickets:\nTicket(s) purged!\n`;
    const [ticket] = parseKlistTickets(text).facts.tickets;
    expect(ticket?.kdcCalled).toBe('THMDC.za.tryhackme.com');
    expect(ticket?.lines).toHaveLength(10);
  });

  it('does not take other klist commands for a ticket list', () => {
    expect(parseKlistTickets(sample('klist-cloud_debug-01.txt')).recognized).toBe(false);
    expect(
      parseKlistTickets('Current LogonId is 0:0x14c5c3f\n\tDeleting all tickets:\n\tTicket(s) purged!')
        .recognized,
    ).toBe(false);
  });

  it('reports a klist failure', () => {
    const result = parseKlistTickets(
      'klist failed with 0xc000005f/-1073741729: A specified logon session does not exist.',
    );
    expect(result.recognized).toBe(false);
    expect(result.facts).toEqual({ tickets: [] });
    expect(result.problems[0]).toContain('0xc000005f');
  });

  itDoesNotRecognize(parseKlistTickets, ['', ' \n \n', 'hello world', 'Server: foo', '#0>', '(3)'], {
    facts: { tickets: [] },
    problems: 1,
  });

  it('reads logon ids only as "N:0xHEX" tokens', () => {
    expect(readLogonId('El id. de inicio de sesión actual es 0:0x25e7d')).toBe('0:0x25e7d');
    expect(readLogonId('Cache Flags: 0x1 -> PRIMARY')).toBeUndefined();
    expect(readLogonId('Start Time: 2/7/2026 17:22:58 (local)')).toBeUndefined();
  });
});

describe('parseKlistTickets layout tolerance', () => {
  itReadsVariantsAlike(parseKlistTickets, SAMPLES);
  itReadsVariantsAlike(parseKlistTickets, SAMPLES, ALIGNMENT_VARIANTS, valuesRead);
  itIgnoresPadding(parseKlistTickets, Object.values(SAMPLES));
});

describe('parseKlistTickets properties', () => {
  itSurvivesDamagedText(
    Object.values(SAMPLES),
    ['\n', '#0>', '#1> ', ': ', ' @ ', '/', '0x40e10000 -> ', '(2)', 'Kdc Called:', '0:0x1f'],
    expectTicketsShape,
  );
});
