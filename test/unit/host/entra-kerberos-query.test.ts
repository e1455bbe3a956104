import { describe, expect, it } from 'vitest';
import { parseEntraKerberosObject } from '../../../electron/engine/parsers/parse-entra-kerberos-object';
import {
  buildEntraKerberosScript,
  ENTRA_KERBEROS_SCRIPT_TEMPLATE,
  entraKerberosArgs,
  entraKerberosDomain,
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

describe('which domain the query searches', () => {
  const scriptOf = (args: string[] | null): string => decode(args?.[5] ?? '');

  it("searches the user's domain when it differs from the device's", () => {
    const context = { domain: 'corp.contoso.com', userDomain: 'eu.contoso.com' };
    expect(entraKerberosDomain(context)).toBe('eu.contoso.com');
    const script = scriptOf(entraKerberosArgs(context));
    expect(script).toContain("$domain = 'eu.contoso.com'\n");
    expect(script).not.toContain('corp.contoso.com');
    // The domain is data: the one literal, nowhere else in the script.
    expect(script.split('eu.contoso.com')).toHaveLength(2);
  });

  it("searches the device's domain when the user's is not known", () => {
    expect(scriptOf(entraKerberosArgs({ domain: 'corp.contoso.com' }))).toContain(
      "$domain = 'corp.contoso.com'\n",
    );
  });

  it("runs on an Entra joined device that knows only the user's domain", () => {
    expect(scriptOf(entraKerberosArgs({ userDomain: 'EU' }))).toContain("$domain = 'EU'\n");
  });

  it("refuses a hostile user's domain instead of falling back to the device's", () => {
    for (const userDomain of ["eu.contoso.com'; calc; '", '$(calc)', 'eu contoso']) {
      expect(entraKerberosArgs({ domain: 'corp.contoso.com', userDomain }), userDomain).toBeNull();
    }
  });

  it('keeps the argv the same shape, well under the Windows command line limit', () => {
    const args = entraKerberosArgs({ domain: 'corp.contoso.com', userDomain: 'eu.contoso.com' }) ?? [];
    expect(args.slice(0, 5)).toEqual([
      '-NoProfile',
      '-NonInteractive',
      '-ExecutionPolicy',
      'Bypass',
      '-EncodedCommand',
    ]);
    expect(args).toHaveLength(6);
    // CreateProcess takes at most 32,767 characters, executable path included.
    expect(args.join(' ').length).toBeLessThan(30_000);
  });
});

describe('replication policy and user parts of the script', () => {
  const script = ENTRA_KERBEROS_SCRIPT_TEMPLATE;

  it('reads the never-reveal and reveal-on-demand lists of the AzureADKerberos object', () => {
    expect(script).toContain("'msDS-NeverRevealGroup', 'msDS-RevealOnDemandGroup'");
    expect(script).toContain("Set-GroupRefs 'neverReveal'");
    expect(script).toContain("Set-GroupRefs 'revealOnDemand'");
    // Each group's SID from its objectSid; a '/' in a DN is escaped for the ADsPath.
    expect(script).toContain("Properties['objectSid']");
    expect(script).toContain("Replace('/', '\\/')");
  });

  it('looks the current user up by SID and reads tokenGroups with a base-scope search', () => {
    expect(script).toContain('[System.Security.Principal.WindowsIdentity]::GetCurrent().User.Value');
    expect(script).toContain("'/<SID=' + $accountSid + '>'");
    expect(script).toContain("PropertiesToLoad.Add('tokenGroups')");
    expect(script.match(/SearchScope = 'Base'/g)).toHaveLength(3);
    for (const attribute of ['adminCount', 'pwdLastSet', 'userAccountControl']) {
      expect(script).toContain(`'${attribute}'`);
    }
    // The user's SID comes from Windows, never from the command line or the context.
    expect(script).not.toMatch(/\$args\b|^param\s*\(/m);
  });

  it('gives each new part its own try/catch, after the object query', () => {
    const objectQuery = script.indexOf('sAMAccountName=krbtgt_AzureAD');
    const policy = script.indexOf("Set-GroupRefs 'neverReveal'");
    const account = script.indexOf('GetCurrent().User.Value');
    const groups = script.indexOf("PropertiesToLoad.Add('tokenGroups')");
    expect(objectQuery).toBeGreaterThan(0);
    expect(policy).toBeGreaterThan(objectQuery);
    expect(account).toBeGreaterThan(policy);
    expect(groups).toBeGreaterThan(account);
    expect(script.match(/\btry \{/g)?.length).toBeGreaterThanOrEqual(5);
    expect(script).toContain("$result.userError = 'tokenGroups: '");
    // The user is not looked up when the domain could not be queried at all.
    expect(script).toContain('if ($null -eq $result.error) {');
  });

  it('prints every field the parser reads, and stays Windows PowerShell 5.1 syntax', () => {
    expect(script).toContain(
      '$result = [ordered]@{ domain = $domain; computer = $null; krbtgt = $null; neverReveal = $null; revealOnDemand = $null; user = $null; userError = $null; error = $null }',
    );
    expect(script).not.toContain('??');
    expect(script).not.toContain('?.');
    expect(script).not.toMatch(/\s\?\s/);
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

  it('is read by the parser with the replication policy and the user', () => {
    const full =
      '{"domain":"eu.contoso.com","computer":{"distinguishedName":"CN=AzureADKerberos,OU=Domain Controllers,DC=eu,DC=contoso,DC=com","whenCreated":"2024-02-01T10:00:00.0000000Z"},' +
      '"krbtgt":{"distinguishedName":"CN=krbtgt_AzureAD,CN=Users,DC=eu,DC=contoso,DC=com","pwdLastSet":"2025-06-30T08:00:00.0000000Z","keyVersion":3},' +
      '"neverReveal":[{"dn":"CN=Domain Admins,CN=Users,DC=eu,DC=contoso,DC=com","sid":"S-1-5-21-2811547166-3306178302-1401939770-512"},{"dn":"CN=Enterprise Admins,CN=Users,DC=contoso,DC=com","sid":null}],' +
      '"revealOnDemand":[],' +
      '"user":{"dn":"CN=Jos\u00e9 Garc\u00eda,OU=Staff,DC=eu,DC=contoso,DC=com","sid":"S-1-5-21-2811547166-3306178302-1401939770-1105","tokenGroups":["S-1-5-21-2811547166-3306178302-1401939770-513"],"adminCount":null,"pwdLastSet":"2025-11-03T08:15:00.0000000Z","userAccountControl":512},' +
      '"userError":null,"error":null}';
    const parsed = parseEntraKerberosObject(`${full}\r\n`);
    expect(parsed.problems).toEqual([]);
    expect(parsed.facts.neverReveal).toEqual([
      {
        dn: 'CN=Domain Admins,CN=Users,DC=eu,DC=contoso,DC=com',
        sid: 'S-1-5-21-2811547166-3306178302-1401939770-512',
      },
      { dn: 'CN=Enterprise Admins,CN=Users,DC=contoso,DC=com', sid: null },
    ]);
    expect(parsed.facts.revealOnDemand).toEqual([]);
    expect(parsed.facts.user).toEqual({
      dn: 'CN=José García,OU=Staff,DC=eu,DC=contoso,DC=com',
      sid: 'S-1-5-21-2811547166-3306178302-1401939770-1105',
      tokenGroups: ['S-1-5-21-2811547166-3306178302-1401939770-513'],
      pwdLastSet: '2025-11-03T08:15:00.0000000Z',
      userAccountControl: 512,
    });
  });

  it('carries an escaped, localized error message', () => {
    const failed =
      '{"domain":"corp.contoso.com","computer":null,"krbtgt":null,"error":"Le domaine sp\\u00e9cifi\\u00e9 n\\u0027existe pas."}';
    const parsed = parseEntraKerberosObject(failed);
    expect(parsed.facts.failure).toBe("Le domaine spécifié n'existe pas.");
  });
});
