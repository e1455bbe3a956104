import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseEntraKerberosObject } from '../../../electron/engine/parsers/parse-entra-kerberos-object';
import {
  expectParsedShape,
  fixture,
  itReadsVariantsAlike,
  itSurvivesDamagedText,
  toCrlf,
  valuesRead,
} from './text-mutations';

const present = fixture('parsers/entra-kerberos-object-01.json');
const absent = fixture('parsers/entra-kerberos-object-absent-01.json');
const failed = fixture('parsers/entra-kerberos-object-error-01.json');
const ps51 = fixture('parsers/entra-kerberos-object-ps51-01.txt');

describe('parseEntraKerberosObject', () => {
  it('reads both objects', () => {
    expect(parseEntraKerberosObject(present)).toEqual({
      facts: {
        domain: 'corp.contoso.com',
        computer: {
          distinguishedName: 'CN=AzureADKerberos,OU=Domain Controllers,DC=corp,DC=contoso,DC=com',
          whenCreated: '2024-02-01T10:00:00Z',
        },
        krbtgt: {
          distinguishedName: 'CN=krbtgt_AzureAD,CN=Users,DC=corp,DC=contoso,DC=com',
          pwdLastSet: '2025-09-01T10:00:00Z',
          keyVersion: 3,
        },
        line: present.trim(),
      },
      recognized: true,
      problems: [],
    });
  });

  it('reads searched-and-absent objects as null', () => {
    const { facts, recognized } = parseEntraKerberosObject(absent);
    expect(recognized).toBe(true);
    expect(facts.computer).toBeNull();
    expect(facts.krbtgt).toBeNull();
    expect(facts.failure).toBeUndefined();
  });

  it('reads a failed query as a failure, leaving the objects unknown rather than absent', () => {
    const { facts, recognized } = parseEntraKerberosObject(failed);
    expect(recognized).toBe(true);
    expect(facts.failure).toBe('The server is not operational.');
    expect(facts.domain).toBe('corp.contoso.com');
    expect('computer' in facts).toBe(false);
    expect('krbtgt' in facts).toBe(false);
  });

  it('reads Windows PowerShell 5.1 output: BOM, prompts, pretty JSON, /Date()/, FILETIME, string keyVersion', () => {
    const { facts, recognized, problems } = parseEntraKerberosObject(ps51);
    expect(recognized).toBe(true);
    expect(problems).toEqual([]);
    expect(facts.computer).toEqual({
      distinguishedName: 'CN=AzureADKerberos,OU=Domain Controllers,DC=corp,DC=contoso,DC=com',
      whenCreated: '2024-02-01T10:00:00.000Z',
    });
    expect(facts.krbtgt).toEqual({
      distinguishedName: 'CN=krbtgt_AzureAD,CN=Users,DC=corp,DC=contoso,DC=com',
      pwdLastSet: '2025-06-30T03:00:00.000Z',
      keyVersion: 3,
    });
    expect(facts.line.startsWith('{')).toBe(true);
    expect(facts.line.endsWith('}')).toBe(true);
  });

  it('accepts surrounding whitespace, CRLF, omitted optional fields and unknown properties', () => {
    const text = toCrlf(
      `\n\n  {"domain":"corp.contoso.com","computer":{"distinguishedName":"CN=AzureADKerberos","extra":1},"version":2}  \n`,
    );
    const { facts, recognized } = parseEntraKerberosObject(text);
    expect(recognized).toBe(true);
    expect(facts.computer).toEqual({ distinguishedName: 'CN=AzureADKerberos' });
    expect('krbtgt' in facts).toBe(false);
  });

  it('finds the JSON line among other lines with braces', () => {
    const text = `PS C:\\> $r = @{ a = 1 }\n${present}`;
    expect(parseEntraKerberosObject(text).facts.krbtgt?.keyVersion).toBe(3);
  });

  itReadsVariantsAlike(parseEntraKerberosObject, { present, absent, failed });
  // The evidence of pretty-printed JSON is the pasted block itself, line breaks included.
  itReadsVariantsAlike(parseEntraKerberosObject, { ps51 }, undefined, valuesRead);

  it.each([
    ['', /no JSON object/],
    ['not json', /no JSON object/],
    ['[1,2]', /no JSON object/],
    ['{"computer":{"whenCreated":"x"}}', /computer\.distinguishedName/],
    ['{"krbtgt":{"distinguishedName":"CN=x","keyVersion":"three"}}', /krbtgt\.keyVersion/],
    ['{"error":42}', /error/],
    ['{"domain":"x",', /no JSON object/],
  ])('rejects %j with a clear problem (%s)', (text, problem) => {
    const result = parseEntraKerberosObject(text);
    expect(result.recognized).toBe(false);
    expect(result.facts).toEqual({ line: '' });
    expect(result.problems[0]).toMatch(problem);
  });

  const vocabulary = ['{', '}', '"computer":', '"krbtgt":', 'null', '"error":"x"', '"keyVersion":3', ','];
  itSurvivesDamagedText(
    [present, absent, failed, ps51],
    vocabulary,
    (text) => {
      const result = parseEntraKerberosObject(text);
      expectParsedShape(result);
      expect(typeof result.facts.line).toBe('string');
      if (result.facts.computer) expect(typeof result.facts.computer.distinguishedName).toBe('string');
      if (result.facts.krbtgt?.keyVersion !== undefined) {
        expect(Number.isInteger(result.facts.krbtgt.keyVersion)).toBe(true);
      }
      if (!result.recognized) expect(result.problems.length).toBeGreaterThan(0);
    },
    [fc.json().map((json) => `{"computer":${json}}`)],
  );
});
