import { describe, expect, it } from 'vitest';
import { parseEntraKerberosObject } from '../../../electron/engine/parsers/parse-entra-kerberos-object';
import {
  buildEntraKerberosScript,
  ENTRA_KERBEROS_SCRIPT_TEMPLATE,
  entraKerberosArgs,
} from '../../../electron/engine/probes/entra-kerberos-query';
import { encodePowerShellCommand, toPowerShellLiteral } from '../../../electron/engine/probes/powershell';

const decode = (base64: string): string => Buffer.from(base64, 'base64').toString('utf16le');

describe('entraKerberosArgs', () => {
  it('encodes the script as base64 UTF-16LE that decodes back to it', () => {
    const args = entraKerberosArgs({ domain: 'corp.contoso.com' });
    expect(args).not.toBeNull();
    const encoded = args?.[5] ?? '';
    expect(args).toHaveLength(6);
    expect(encoded).toMatch(/^[A-Za-z0-9+/]+=*$/);
    expect(decode(encoded)).toBe(buildEntraKerberosScript('corp.contoso.com'));
  });

  it('inserts the domain once, as a single-quoted literal', () => {
    const script = buildEntraKerberosScript('CONTOSO') ?? '';
    expect(script).toContain("$domain = 'CONTOSO'\n");
    expect(script).not.toContain('__DOMAIN_LITERAL__');
    expect(script.split('CONTOSO')).toHaveLength(2);
  });

  it('queries with ADSI, no RSAT module, and prints compressed JSON', () => {
    const script = ENTRA_KERBEROS_SCRIPT_TEMPLATE;
    expect(script).toContain("[adsisearcher]'(&(objectClass=computer)(cn=AzureADKerberos))'");
    expect(script).toContain("[adsisearcher]'(&(objectClass=user)(sAMAccountName=krbtgt_AzureAD))'");
    expect(script).toContain("'/OU=Domain Controllers,'");
    expect(script).toContain('FromFileTimeUtc');
    expect(script).toContain('msDS-KeyVersionNumber');
    expect(script).toContain('ConvertTo-Json -InputObject $result -Compress');
    expect(script).toContain('} catch {');
    expect(script).not.toMatch(/Import-Module|Get-AD/);
    // The JS template must not have swallowed PowerShell's backslash escapes.
    expect(script).toContain("'[^\\x00-\\x7F]'");
    expect(script).toContain("'\\u{0:x4}'");
  });

  it('refuses hostile domains instead of quoting them', () => {
    for (const domain of [
      "contoso.com'; Start-Process calc; '",
      'contoso.com\u2019; Start-Process calc; \u2019',
      'contoso.com"; calc',
      '$(calc)',
      'contoso.com\nStart-Process calc',
    ]) {
      expect(entraKerberosArgs({ domain }), domain).toBeNull();
      expect(buildEntraKerberosScript(domain), domain).toBeNull();
    }
    expect(entraKerberosArgs({})).toBeNull();
  });
});

describe('toPowerShellLiteral', () => {
  it('doubles every quote PowerShell recognizes, typographic ones included', () => {
    expect(toPowerShellLiteral("it's")).toBe("'it''s'");
    expect(toPowerShellLiteral('a\u2019b')).toBe("'a\u2019\u2019b'");
    expect(toPowerShellLiteral('\u2018x\u201A\u201B')).toBe("'\u2018\u2018x\u201A\u201A\u201B\u201B'");
    expect(toPowerShellLiteral('$env:x "y"')).toBe('\'$env:x "y"\'');
  });
});

describe('encodePowerShellCommand', () => {
  it('round-trips non-ASCII text', () => {
    expect(decode(encodePowerShellCommand('Write-Output "Répertoire"'))).toBe('Write-Output "Répertoire"');
  });
});

describe('output contract with parse-entra-kerberos-object', () => {
  // Hand-written in the shape the script prints (PowerShell cannot run here): ISO times from
  // ToString('o'), keyVersion as a number, non-ASCII escaped as \uXXXX.
  const line =
    '{"domain":"corp.contoso.com","computer":{"distinguishedName":"CN=AzureADKerberos,OU=Domain Controllers,DC=corp,DC=contoso,DC=com","whenCreated":"2024-02-01T10:00:00.0000000Z"},' +
    '"krbtgt":{"distinguishedName":"CN=krbtgt_AzureAD,CN=Users,DC=corp,DC=contoso,DC=com","pwdLastSet":"2025-06-30T08:00:00.0000000Z","keyVersion":3},"error":null}';

  it('is read by the parser', () => {
    const parsed = parseEntraKerberosObject(`${line}\r\n`);
    expect(parsed.recognized).toBe(true);
    expect(parsed.facts).toMatchObject({
      domain: 'corp.contoso.com',
      computer: { whenCreated: '2024-02-01T10:00:00.0000000Z' },
      krbtgt: { pwdLastSet: '2025-06-30T08:00:00.0000000Z', keyVersion: 3 },
    });
  });

  it('carries an escaped, localized error message', () => {
    const failed =
      '{"domain":"corp.contoso.com","computer":null,"krbtgt":null,"error":"Le domaine sp\\u00e9cifi\\u00e9 n\\u0027existe pas."}';
    const parsed = parseEntraKerberosObject(failed);
    expect(parsed.facts.failure).toBe("Le domaine spécifié n'existe pas.");
  });
});
