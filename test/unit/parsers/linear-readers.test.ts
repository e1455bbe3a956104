// The readers that replaced backtracking regular expressions with string methods: they read
// what the old patterns read, and the hostile lines that made those patterns crawl are read
// (or refused) like any other line. Timing is the fuzz test's business (test/unit/stress).

import { describe, expect, it } from 'vitest';
import { parseDsregcmd } from '../../../electron/engine/parsers/parse-dsregcmd';
import { parseKerberosServerAdmin } from '../../../electron/engine/parsers/parse-kerberos-server-admin';
import { parseKlistCloudDebug } from '../../../electron/engine/parsers/parse-klist-cloud-debug';
import { parseKlistTickets } from '../../../electron/engine/parsers/parse-klist-tickets';
import { logonProviderKind } from '../../../electron/engine/parsers/parse-logon-provider';
import { parseOsVersion } from '../../../electron/engine/parsers/parse-os-version';
import { parseUdrEvents } from '../../../electron/engine/parsers/parse-udr-events';
import { parseTimeOffset } from '../../../electron/engine/parsers/parse-w32tm';
import { MAX_QUOTE } from '../../../electron/engine/parsers/text-lines';
import { fixture } from './text-mutations';

const SPACES = ' '.repeat(100_000);

describe('dsregcmd section titles', () => {
  it('reads a title with any padding inside the bars', () => {
    const text = `|${SPACES}Device State${SPACES}|\n AzureAdJoined : YES`;
    const result = parseDsregcmd(text);
    expect(Object.keys(result.facts.fields)).toEqual(['Device State']);
    expect(result.facts.azureAdJoined?.value).toBe(true);
  });

  it('takes a bar with spaces and no closing bar for a line it does not understand, quoted short', () => {
    const result = parseDsregcmd(`+----+\n|${SPACES}x\n AzureAdJoined : YES`);
    expect(result.facts.azureAdJoined?.value).toBe(true);
    expect(result.problems).toHaveLength(1);
    expect((result.problems[0] ?? '').length).toBeLessThan(MAX_QUOTE + 30);
  });

  it('takes a lone bar or empty bars for no title', () => {
    const result = parseDsregcmd('|\n|   |\n AzureAdJoined : YES');
    expect(Object.keys(result.facts.fields)).toEqual(['']);
  });
});

describe('klist headers, ticket starts and flags', () => {
  const ticket = (first: string, flags: string) =>
    [
      first,
      '\tServer: krbtgt/CONTOSO.COM @ CONTOSO.COM',
      '\tKerbTicket Encryption Type: AES-256-CTS-HMAC-SHA1-96',
      flags,
      '\tKdc Called: DC01',
    ].join('\n');

  it('reads a count after a label without a colon, and not a lone count', () => {
    expect(parseKlistTickets(`Tickets (1)\n${ticket('#0>\tClient: a @ B', '')}`).facts.declaredCount).toBe(1);
    expect(parseKlistTickets('Tickets ( 3 )').facts.declaredCount).toBe(3);
    expect(parseKlistTickets('(3)').recognized).toBe(false);
    expect(parseKlistTickets('Tickets (a) (3)').recognized).toBe(false);
  });

  it('reads the client after "#0>" and the flag words after "->" whatever the spacing', () => {
    const text = ticket(
      '#0>\t\t   Client: alice @ CONTOSO.COM',
      `\tTicket Flags 0x40e10000 ->${SPACES}forwardable\t renewable`,
    );
    const [read] = parseKlistTickets(text).facts.tickets;
    expect(read?.client).toBe('alice @ CONTOSO.COM');
    expect(read?.flags).toEqual(['forwardable', 'renewable']);
  });

  it('quotes a failure line short', () => {
    const result = parseKlistTickets(`klist failed with 0xc000005f: ${'x'.repeat(10_000)}`);
    expect(result.problems[0]?.startsWith('klist reported: klist failed with 0xc000005f')).toBe(true);
    expect((result.problems[0] ?? '').length).toBeLessThan(MAX_QUOTE + 20);
  });
});

describe('klist cloud_debug usage text', () => {
  it('knows the usage text by a line naming purge and tickets', () => {
    const usage = 'Usage: klist [-lh <LogonId.HighPart>] [-li <LogonId.LowPart>] tickets | tgt | purge | ...';
    expect(parseKlistCloudDebug(usage).problems).toEqual([
      'klist printed its usage text: this Windows build does not know cloud_debug',
    ]);
  });

  it('does not take the two words on different lines for the usage text', () => {
    expect(parseKlistCloudDebug('purge\ntickets').problems).toEqual([
      'no klist cloud_debug fields were found',
    ]);
  });
});

describe('os version in brackets', () => {
  it.each([
    ['Microsoft Windows [Version 10.0.22631.4460]', 22631, 4460],
    ['[1 [Version 10.0.19045]', 19045, undefined],
    ['] ] [Version 10.0.26100.1]', 26100, 1],
    ['[note] Microsoft Windows [Versión 10.0.19045.5131]', 19045, 5131],
  ])('reads %j', (line, build, ubr) => {
    const { facts } = parseOsVersion(line);
    expect(facts.currentBuild?.value).toBe(build);
    expect(facts.ubr?.value).toBe(ubr);
  });

  it.each([
    '[Version 10.0.22631.4460',
    '[Version 10.0.226]',
    '[Version 10.0.22631 x]',
    `${'['.repeat(100_000)}Version 10.0.2`,
  ])('reads no build from %j', (line) => {
    expect(parseOsVersion(line).facts.currentBuild).toBeUndefined();
  });
});

describe('w32tm sample errors', () => {
  it.each([
    ['10:15:03, error: 0x800705B4', 'error: 0x800705B4'],
    ['10:15:03, erreur : 0x800705B4', 'erreur : 0x800705B4'],
    ['10:15:03, note, error 0x800705B4', 'error 0x800705B4'],
    ['10:15:03, error: 0x800705B4.', 'error: 0x800705B4.'],
  ])('reads %j', (line, failure) => {
    expect(parseTimeOffset(line).facts.failure?.value).toBe(failure);
  });

  it.each([
    '10:15:03, 0x800705B4',
    '10:15:03 error: 0x800705B4',
    '10:15:03, error: 0x800705B4 later',
    `10:15:03, ${'0x11111111'.repeat(10_000)} x`,
  ])('reads no sample error from %j', (line) => {
    expect(parseTimeOffset(line).facts.failure).toBeUndefined();
  });
});

describe('credential provider braces', () => {
  it('strips braces and the spaces inside them', () => {
    expect(logonProviderKind(`{${SPACES}D6886603-9D2F-4EB2-B667-1971041FA96B${SPACES}}`)).toBe('pin');
    expect(logonProviderKind(`D6886603-9D2F-4EB2-B667-1971041FA96B${SPACES}x`)).toBe('other');
    expect(logonProviderKind('{}')).toBe('other');
  });
});

describe('Get-AzureADKerberosServer errors', () => {
  it('reads the message after the cmdlet name and colon, whatever the spacing', () => {
    const result = parseKerberosServerAdmin(`Get-AzureADKerberosServer${SPACES}:${SPACES}Access denied.`);
    expect(result.facts.error?.value).toBe('Access denied.');
  });

  it('takes a cmdlet name and colon without a message for no error', () => {
    expect(parseKerberosServerAdmin(`Get-AzureADKerberosServer :${SPACES}`).facts.error).toBeUndefined();
  });
});

describe('event text before the XML', () => {
  it('drops the "Event Xml:" line however it is indented', () => {
    const copied = fixture('parsers/udr-event-358-copy-details-01.txt').replace(
      /^Event Xml:$/m,
      '   Event Xml:   ',
    );
    expect(copied).toContain('\n   Event Xml:   \n');
    const original = parseUdrEvents(fixture('parsers/udr-event-358-copy-details-01.txt'));
    expect(parseUdrEvents(copied)).toEqual(original);
  });

  it('reads collapse markers only at the start of their own line', () => {
    const xml =
      '- <Events>\n  - <Event>\n\n\n    - <System><EventID>360</EventID></System>\n  </Event>\n</Events>';
    expect(parseUdrEvents(xml).facts.events.map((event) => event.eventId)).toEqual([360]);
  });
});
