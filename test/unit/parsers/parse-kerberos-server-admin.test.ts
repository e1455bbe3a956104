import { describe, expect, it } from 'vitest';
import {
  type KerberosServerRecord,
  parseKerberosServerAdmin,
  readPastedDate,
} from '../../../electron/engine/parsers/parse-kerberos-server-admin';
import {
  ALIGNMENT_VARIANTS,
  collapseAlignment,
  doubleSpaced,
  expectParsedShape,
  expectSourced,
  indent,
  itDoesNotRecognize,
  itIgnoresPadding,
  itReadsVariantsAlike,
  itSurvivesDamagedText,
  sample,
  toCrlf,
  valuesRead,
} from './text-mutations';

const ajf = sample('get-azureadkerberosserver-01.txt');
const architekt = sample('get-azureadkerberosserver-04.txt');

/** The typed facts of a record, without the raw `fields` map. */
function typed(record: KerberosServerRecord | undefined): Omit<KerberosServerRecord, 'fields'> {
  const { fields: _fields, ...rest } = record ?? {};
  return rest;
}

/** The typed values of a record, without the lines they came from. */
function valuesOf(record: KerberosServerRecord | undefined): Record<string, unknown> {
  return Object.fromEntries(Object.entries(typed(record)).map(([key, sourced]) => [key, sourced?.value]));
}

/** Format-List as PowerShell prints it at a console width: names padded, values word-wrapped. */
function formatList(pairs: Array<[string, string]>, width: number): string {
  const pad = Math.max(...pairs.map(([name]) => name.length));
  const lines: string[] = [];
  for (const [name, value] of pairs) {
    const prefix = `${name.padEnd(pad)} : `;
    const room = width - prefix.length;
    const parts: string[] = [];
    let current = '';
    for (let word of value.split(' ')) {
      if (current !== '' && current.length + 1 + word.length <= room) {
        current += ` ${word}`;
        continue;
      }
      if (current !== '') parts.push(current);
      while (word.length > room) {
        parts.push(word.slice(0, room));
        word = word.slice(room);
      }
      current = word;
    }
    parts.push(current);
    parts.forEach((part, index) => {
      lines.push(`${index === 0 ? prefix : ' '.repeat(prefix.length)}${part}`);
    });
  }
  return lines.join('\n');
}

function pairsOf(text: string): Array<[string, string]> {
  return text
    .split('\n')
    .map((line) => /^(\w+)\s+: (.*)$/.exec(line))
    .filter((match): match is RegExpExecArray => match !== null)
    .map((match) => [match[1] ?? '', match[2] ?? '']);
}

describe('parseKerberosServerAdmin', () => {
  it('reads get-azureadkerberosserver-01 (command line, PowerShell blank lines, CloudTrustDisplay)', () => {
    const result = parseKerberosServerAdmin(ajf);
    expect(result.recognized).toBe(true);
    expect(result.problems).toEqual([]);
    expect(result.facts.servers).toHaveLength(1);
    expect(result.facts.error).toBeUndefined();
    expect(typed(result.facts.servers[0])).toEqual({
      id: { value: '11637', line: 'Id                 : 11637' },
      userAccount: {
        value: 'CN=krbtgt_AzureAD,OU=Users,OU=T0,DC=corp,DC=ajf,DC=one',
        line: 'UserAccount        : CN=krbtgt_AzureAD,OU=Users,OU=T0,DC=corp,DC=ajf,DC=one',
      },
      computerAccount: {
        value: 'CN=AzureADKerberos,OU=Domain Controllers,DC=corp,DC=ajf,DC=one',
        line: 'ComputerAccount    : CN=AzureADKerberos,OU=Domain Controllers,DC=corp,DC=ajf,DC=one',
      },
      displayName: { value: 'krbtgt_11637', line: 'DisplayName        : krbtgt_11637' },
      domainDnsName: { value: 'corp.ajf.one', line: 'DomainDnsName      : corp.ajf.one' },
      keyVersion: { value: 864665, line: 'KeyVersion         : 864665' },
      keyUpdatedOn: { value: '2023-03-15T06:44:39Z', line: 'KeyUpdatedOn       : 3/15/2023 6:44:39 AM' },
      keyUpdatedFrom: { value: 'CORPDC02.corp.ajf.one', line: 'KeyUpdatedFrom     : CORPDC02.corp.ajf.one' },
      cloudDisplayName: { value: 'krbtgt_11637', line: 'CloudDisplayName   : krbtgt_11637' },
      cloudDomainDnsName: { value: 'corp.ajf.one', line: 'CloudDomainDnsName : corp.ajf.one' },
      cloudId: { value: '11637', line: 'CloudId            : 11637' },
      cloudKeyVersion: { value: 864665, line: 'CloudKeyVersion    : 864665' },
      cloudKeyUpdatedOn: {
        value: '2023-03-15T06:44:39Z',
        line: 'CloudKeyUpdatedOn  : 3/15/2023 6:44:39 AM',
      },
      cloudTrustDisplay: {
        value: 'Microsoft.AzureAD.Kdc.Service.TrustDisplay',
        line: 'CloudTrustDisplay  : Microsoft.AzureAD.Kdc.Service.TrustDisplay',
      },
    });
    expect(Object.keys(result.facts.servers[0]?.fields ?? {})).toHaveLength(14);
    expect(result.facts.servers[0]?.fields?.KeyUpdatedOn).toEqual({
      value: '3/15/2023 6:44:39 AM',
      line: 'KeyUpdatedOn       : 3/15/2023 6:44:39 AM',
    });
  });

  it('reads get-azureadkerberosserver-04 (2021 module, no CloudTrustDisplay)', () => {
    const { facts, recognized, problems } = parseKerberosServerAdmin(architekt);
    expect(recognized).toBe(true);
    expect(problems).toEqual([]);
    expect(facts.servers).toHaveLength(1);
    const [server] = facts.servers;
    expect(server?.id?.value).toBe('30775');
    expect(server?.domainDnsName?.value).toBe('ad.cloud-architekt.net');
    expect(server?.computerAccount?.value).toBe(
      'CN=AzureADKerberos,OU=Domain Controllers,DC=ad,DC=cloud-architekt,DC=net',
    );
    expect(server?.keyVersion).toEqual({ value: 1585708, line: 'KeyVersion         : 1585708' });
    expect(server?.cloudKeyVersion?.value).toBe(1585708);
    expect(server?.keyUpdatedOn).toEqual({
      value: '2021-04-23T10:26:55Z',
      line: 'KeyUpdatedOn       : 4/23/2021 10:26:55 AM',
    });
    expect(server?.cloudKeyUpdatedOn?.value).toBe('2021-04-23T10:26:55Z');
    expect(server?.keyUpdatedFrom?.value).toBe('dc1.ad.cloud-architekt.net');
    expect(server?.cloudTrustDisplay).toBeUndefined();
  });

  itReadsVariantsAlike(parseKerberosServerAdmin, { ajf, architekt });
  itReadsVariantsAlike(parseKerberosServerAdmin, { ajf, architekt }, ALIGNMENT_VARIANTS, valuesRead);
  itIgnoresPadding(parseKerberosServerAdmin, [ajf, architekt]);

  it('reads a PowerShell prompt line, collapsed alignment and a BOM', () => {
    const text = `\uFEFFPS C:\\Users\\admin> Get-AzureADKerberosServer -Domain ad.cloud-architekt.net\n\n${indent(
      collapseAlignment(architekt),
    )}`;
    const result = parseKerberosServerAdmin(text);
    expect(result.problems).toEqual([]);
    expect(result.facts.servers.map(valuesOf)).toEqual(
      parseKerberosServerAdmin(architekt).facts.servers.map(valuesOf),
    );
    expect(result.facts.servers[0]?.keyVersion?.line).toBe('KeyVersion: 1585708');
  });

  it('reads several objects separated by blank lines as one record each', () => {
    const text = toCrlf(`${ajf}\n\n${architekt}\n\n`);
    const { facts, recognized } = parseKerberosServerAdmin(text);
    expect(recognized).toBe(true);
    expect(facts.servers.map((s) => s.domainDnsName?.value)).toEqual([
      'corp.ajf.one',
      'ad.cloud-architekt.net',
    ]);
    expect(facts.servers.map((s) => s.keyVersion?.value)).toEqual([864665, 1585708]);
    expect(facts.servers[0]?.cloudTrustDisplay).toBeDefined();
    expect(facts.servers[1]?.cloudTrustDisplay).toBeUndefined();
  });

  it('separates objects even with a blank line after every line', () => {
    const text = doubleSpaced(`${ajf}\n${architekt}`);
    expect(parseKerberosServerAdmin(text).facts.servers).toHaveLength(2);
  });

  it('appends a value the console wrapped onto the next, indented line', () => {
    const text = formatList(pairsOf(architekt), 80);
    expect(text).toContain('\n                     Controllers,DC=ad,DC=cloud-architekt,DC=net');
    const [server] = parseKerberosServerAdmin(text).facts.servers;
    expect(server?.computerAccount).toEqual({
      value: 'CN=AzureADKerberos,OU=Domain Controllers,DC=ad,DC=cloud-architekt,DC=net',
      line: 'ComputerAccount    : CN=AzureADKerberos,OU=Domain Controllers,DC=ad,DC=cloud-architekt,DC=net',
    });
    expect(server?.keyVersion?.value).toBe(1585708);
  });

  it('joins a value broken inside a word at the full console width without a space', () => {
    const text = formatList(pairsOf(architekt), 60);
    expect(text.split('\n').length).toBeGreaterThan(13);
    const { facts } = parseKerberosServerAdmin(text);
    expect(facts.servers).toHaveLength(1);
    expect(facts.servers[0]?.userAccount?.value).toBe(
      'CN=krbtgt_AzureAD,CN=Users,DC=ad,DC=cloud-architekt,DC=net',
    );
    expect(facts.servers[0]?.computerAccount?.value).toBe(
      'CN=AzureADKerberos,OU=Domain Controllers,DC=ad,DC=cloud-architekt,DC=net',
    );
  });

  it.each([
    ['3/15/2023 6:44:39 AM', '2023-03-15T06:44:39Z'],
    ['3/15/2023 6:44:39 PM', '2023-03-15T18:44:39Z'],
    ['12/15/2023 12:05:00 AM', '2023-12-15T00:05:00Z'],
    ['15/03/2023 06:44:39', '2023-03-15T06:44:39Z'],
    ['15.03.2023 06:44:39', '2023-03-15T06:44:39Z'],
    ['5.3.2023 6:44', '2023-03-05T06:44:00Z'],
    ['2023-03-15 06:44:39', '2023-03-15T06:44:39Z'],
    ['2023-03-15T06:44:39Z', '2023-03-15T06:44:39Z'],
    ['2023-03-15T06:44:39.1234567+02:00', '2023-03-15T04:44:39Z'],
    ['2023/03/15 6:44:39', '2023-03-15T06:44:39Z'],
  ])('reads the date "%s" as %s without a problem', (printed, iso) => {
    expect(readPastedDate(printed)).toEqual({ iso });
    const { facts, problems } = parseKerberosServerAdmin(`KeyVersion : 3\nKeyUpdatedOn : ${printed}`);
    expect(problems).toEqual([]);
    expect(facts.servers[0]?.keyUpdatedOn).toEqual({ value: iso, line: `KeyUpdatedOn : ${printed}` });
  });

  it('reads an ambiguous day/month as month first with AM/PM, day first without, and says so', () => {
    const withMarker = parseKerberosServerAdmin(
      'DomainDnsName : corp.contoso.com\nKeyUpdatedOn : 5/3/2023 6:44:39 PM',
    );
    expect(withMarker.facts.servers[0]?.keyUpdatedOn?.value).toBe('2023-05-03T18:44:39Z');
    expect(withMarker.problems).toEqual([
      expect.stringMatching(/KeyUpdatedOn \(corp\.contoso\.com\).*ambiguous.*month\/day/),
    ]);
    const without = parseKerberosServerAdmin('KeyUpdatedOn : 05/03/2023 06:44:39');
    expect(without.facts.servers[0]?.keyUpdatedOn?.value).toBe('2023-03-05T06:44:39Z');
    expect(without.problems).toEqual([expect.stringMatching(/ambiguous.*day\/month/)]);
    expect(parseKerberosServerAdmin('KeyUpdatedOn : 3/3/2023 06:44:39').problems).toEqual([]);
  });

  it('keeps an unreadable date or version in `fields` and names it in the problems', () => {
    const text = architekt
      .replace('4/23/2021 10:26:55 AM', '23 avril 2021 10:26:55')
      .replace('CloudKeyVersion    : 1585708', 'CloudKeyVersion    : 1.5e6');
    const { facts, recognized, problems } = parseKerberosServerAdmin(text);
    expect(recognized).toBe(true);
    const [server] = facts.servers;
    expect(server?.keyUpdatedOn).toBeUndefined();
    expect(server?.cloudKeyVersion).toBeUndefined();
    expect(server?.fields?.KeyUpdatedOn?.value).toBe('23 avril 2021 10:26:55');
    expect(problems).toEqual([
      expect.stringMatching(/^KeyUpdatedOn \(ad\.cloud-architekt\.net\) is not a date.*avril/),
      expect.stringMatching(/^CloudKeyVersion .* is not a number: "1\.5e6"/),
    ]);
  });

  it.each([
    '2/30/2023 1:00:00 PM',
    '13/13/2023',
    '2023-03-15 25:00:00',
    '0/1/2023',
    '3/15/2023 13:00:00 PM',
    'yesterday',
  ])('rejects the impossible date %j', (text) => {
    expect(readPastedDate(text)).toEqual({});
  });

  it('keeps fields printed empty (half of the object missing) in `fields` only', () => {
    const text = architekt
      .replace('KeyVersion         : 1585708', 'KeyVersion         :')
      .replace(/ComputerAccount .*/, 'ComputerAccount    :');
    const [server] = parseKerberosServerAdmin(text).facts.servers;
    expect(server?.keyVersion).toBeUndefined();
    expect(server?.computerAccount).toBeUndefined();
    expect(server?.fields?.KeyVersion).toEqual({ value: '', line: 'KeyVersion         :' });
    expect(server?.cloudKeyVersion?.value).toBe(1585708);
  });

  it('reads a cmdlet error as the failure', () => {
    const text = [
      'PS C:\\> Get-AzureADKerberosServer -Domain corp.contoso.com -UserPrincipalName admin@contoso.com',
      'Get-AzureADKerberosServer : Failed to connect to domain corp.contoso.com.',
      'At line:1 char:1',
      '+ Get-AzureADKerberosServer -Domain corp.contoso.com -UserPrincipalName ...',
      '+ ~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~',
      '    + CategoryInfo          : NotSpecified: (:) [Get-AzureADKerberosServer], Exception',
      '    + FullyQualifiedErrorId : Microsoft.AzureAD.Kdc.Management.GetAzureADKerberosServer',
    ].join('\n');
    const { facts, recognized } = parseKerberosServerAdmin(text);
    expect(recognized).toBe(true);
    expect(facts.servers).toEqual([]);
    expect(facts.error).toEqual({
      value: 'Failed to connect to domain corp.contoso.com.',
      line: 'Get-AzureADKerberosServer : Failed to connect to domain corp.contoso.com.',
    });
  });

  it('reads the command line alone as "no object", with a note', () => {
    const result = parseKerberosServerAdmin(
      "Get-AzureADKerberosServer -Domain 'corp.ajf.one' -UserPrincipalName 'a@ajf.one'\n\n\n",
    );
    expect(result.recognized).toBe(true);
    expect(result.facts).toEqual({ servers: [] });
    expect(result.problems).toEqual([expect.stringMatching(/no Kerberos server object/)]);
  });

  itDoesNotRecognize(
    parseKerberosServerAdmin,
    ['', '   \n\n', 'hello: world', 'Name : Value\nOther : thing', '\u0000\u0001 ☃ %%%'],
    { facts: { servers: [] }, problems: [expect.stringMatching(/no Get-AzureADKerberosServer fields/)] },
  );

  itSurvivesDamagedText(
    [ajf, architekt],
    [
      'KeyVersion',
      'CloudKeyVersion',
      'KeyUpdatedOn',
      'DomainDnsName',
      'Id',
      ' : ',
      '3/15/2023 6:44:39 AM',
      '15.03.2023',
      '2023-03-15T06:44:39Z',
      ' AM',
      '864665',
      'Get-AzureADKerberosServer',
      '                     ',
    ],
    (text) => {
      const result = parseKerberosServerAdmin(text);
      expectParsedShape(result);
      expect(Array.isArray(result.facts.servers)).toBe(true);
      for (const server of result.facts.servers) {
        expectSourced(server.keyVersion, 'number');
        expectSourced(server.cloudKeyVersion, 'number');
        expectSourced(server.domainDnsName, 'string');
        for (const date of [server.keyUpdatedOn, server.cloudKeyUpdatedOn]) {
          expectSourced(date, 'string');
          if (date) expect(Number.isNaN(new Date(date.value).getTime())).toBe(false);
        }
        if (server.keyVersion) expect(Number.isSafeInteger(server.keyVersion.value)).toBe(true);
      }
      if (!result.recognized) expect(result.problems.length).toBeGreaterThan(0);
    },
  );
});
