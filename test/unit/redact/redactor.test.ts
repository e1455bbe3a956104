// What a technician sees in a redacted capture or report: every identifying value replaced by
// a placeholder that reads like what it replaced, the same value the same way everywhere,
// and nothing replaced that the verdicts need or that identifies nobody.
import { describe, expect, it } from 'vitest';
import { createRedactor } from '../../../electron/engine/redact/redactor';

/** A fresh redactor that has learned the text, and the text redacted. */
function redacted(text: string): string {
  const redactor = createRedactor();
  redactor.learn(text);
  return redactor.redact(text);
}

describe('names', () => {
  it('gives each user, computer and domain one placeholder, in the case it was printed', () => {
    const text = [
      '                DomainName : CONTOSO',
      '               Device Name : PC-0142.corp.contoso.com',
      '    Executing Account Name : CONTOSO\\alice, alice@contoso.com',
      '#0>	Client: alice @ CORP.CONTOSO.COM',
      '	Kdc Called: DC01.corp.contoso.com',
      'Signed in as contoso\\alice on pc-0142.',
    ].join('\n');
    expect(redacted(text)).toBe(
      [
        '                DomainName : DOMAIN-1',
        '               Device Name : HOST-1.domain-2.example',
        '    Executing Account Name : DOMAIN-1\\user-1, user-1@domain-3.example',
        '#0>	Client: user-1 @ DOMAIN-2.EXAMPLE',
        '	Kdc Called: HOST-2.domain-2.example',
        'Signed in as domain-1\\user-1 on host-1.',
      ].join('\n'),
    );
  });

  it('replaces a name learned from a later line in the lines before it', () => {
    expect(
      redacted('PS C:\\Users\\bob> whoami\n"User Name","SID"\n"fabrikam\\bob","S-1-5-21-1-2-3-1105"'),
    ).toBe('PS C:\\Users\\user-1> whoami\n"User Name","SID"\n"domain-1\\user-1","S-1-5-21-0-0-1-1001"');
  });

  it('keeps names every organisation has, and words the parsers read', () => {
    const text =
      'Client: Administrator @ CORP.CONTOSO.COM\n           DC: \\\\DC.corp.contoso.com\nBUILTIN\\Users';
    expect(redacted(text)).toBe(
      'Client: Administrator @ DOMAIN-1.EXAMPLE\n           DC: \\\\HOST-1.domain-1.example\nBUILTIN\\Users',
    );
  });

  it('keeps a computer account’s $ and learns it as a computer', () => {
    expect(redacted('Executing Account Name : RCMLAB\\RCMLAB-WS2022-S$, RCMLAB-WS2022-S$@rcmlab.local')).toBe(
      'Executing Account Name : DOMAIN-1\\HOST-1$, HOST-1$@domain-2.example',
    );
  });

  it('replaces a site, a tenant name, a display name and an organisation as a whole', () => {
    const text = [
      ' Dc Site Name: Paris-Office',
      '                TenantName : INE Security Labs',
      '    LastLoggedOnDisplayName    REG_SZ    Alice Smith',
      '    RegisteredOrganization    REG_SZ    Contoso Ltd.',
      'Subject: CN=Alice Smith, OU=Staff, DC=corp, DC=contoso, DC=com',
    ].join('\n');
    expect(redacted(text)).toBe(
      [
        ' Dc Site Name: site-1',
        '                TenantName : tenant-1',
        '    LastLoggedOnDisplayName    REG_SZ    name-1',
        '    RegisteredOrganization    REG_SZ    org-1',
        'Subject: CN=name-1, OU=Staff, DC=domain-1, DC=example',
      ].join('\n'),
    );
  });
});

describe('named fields', () => {
  it('leaves empty values and markers, a subject without a person’s name, and XML without a field name', () => {
    const text = [
      '                TenantName : -',
      '    LastLoggedOnDisplayName    REG_SZ    ',
      'Subject: CN=alice@contoso.com',
      'Subject: O=Example Org',
      '<Data>bob</Data><Data Name=TargetUserName>carol</Data><Data Name="TargetUserName>dave</Data>',
    ].join('\n');
    expect(redacted(text)).toBe(
      [
        '                TenantName : -',
        '    LastLoggedOnDisplayName    REG_SZ    ',
        'Subject: CN=user-1@domain-1.example',
        'Subject: O=Example Org',
        '<Data>bob</Data><Data Name=TargetUserName>carol</Data><Data Name="TargetUserName>dave</Data>',
      ].join('\n'),
    );
  });
});

describe('DNS names', () => {
  it('keeps Microsoft’s names and the names of Windows and .NET that only look like DNS names', () => {
    const text =
      'https://login.microsoftonline.com/common krbtgt/KERBEROS.MICROSOFTONLINE.COM System.Net.WebException user32.dll 10.0.22621.4460';
    expect(redacted(text)).toBe(text);
  });

  it('replaces the customer’s own label under a Microsoft name', () => {
    expect(redacted('cifs/entraazfiles1.file.core.windows.net user_x@inesecuritylabs.onmicrosoft.com')).toBe(
      'cifs/host-1.file.core.windows.net user-1@domain-1.onmicrosoft.com',
    );
  });

  it('recognises an FQDN no field named by its top-level domain, and a sub-domain of a known one', () => {
    const text = 'Dom Name: corp.contoso.com\nsts.fabrikam.com and dc7.eu.corp.contoso.com';
    // Each new domain also names its organisation (fabrikam is domain-4), so the next is domain-5.
    expect(redacted(text)).toBe(
      'Dom Name: domain-1.example\nhost-1.domain-3.example and host-2.domain-5.example',
    );
  });

  it('writes the domain of a distinguished name as the same domain', () => {
    expect(
      redacted(
        '"domain":"corp.contoso.com","dn":"CN=AzureADKerberos,OU=Domain Controllers,DC=corp,DC=contoso,DC=com"',
      ),
    ).toBe(
      '"domain":"domain-1.example","dn":"CN=AzureADKerberos,OU=Domain Controllers,DC=domain-1,DC=example"',
    );
  });
});

describe('SIDs', () => {
  it('keeps well-known SIDs and the relative ids that decide a verdict, and replaces the domain part', () => {
    const text = [
      'S-1-1-0 S-1-2-1 S-1-5-11 S-1-5-32-544 S-1-16-12288 S-1-18-1 S-1-18-4 S-1-5-65-1 S-1-5-14',
      'S-1-5-21-1004336348-1177238915-682003330-512 S-1-5-21-1004336348-1177238915-682003330-572',
      'S-1-5-21-1004336348-1177238915-682003330-1107 S-1-5-21-1004336348-1177238915-682003330-1214',
      'S-1-5-21-1004336348-1177238915-682003330-1107 S-1-5-21-9-8-7-1107 S-1-5-21-9-8-7',
      'S-1-12-1-1234567890-1122334455-987654321-123456789',
    ].join('\n');
    expect(redacted(text)).toBe(
      [
        'S-1-1-0 S-1-2-1 S-1-5-11 S-1-5-32-544 S-1-16-12288 S-1-18-1 S-1-18-4 S-1-5-65-1 S-1-5-14',
        'S-1-5-21-0-0-1-512 S-1-5-21-0-0-1-572',
        'S-1-5-21-0-0-1-1001 S-1-5-21-0-0-1-1002',
        'S-1-5-21-0-0-1-1001 S-1-5-21-0-0-2-1003 S-1-5-21-0-0-2',
        'S-1-12-1-0-0-0-1',
      ].join('\n'),
    );
  });
});

describe('GUIDs', () => {
  it('marks tenant, device and key ids by the field or path that printed them, keeping their shape and case', () => {
    const text = [
      '                  TenantId : 3f1c2b7a-5d7e-4c1a-9f0e-2b8d6a4c1e90',
      '                  DeviceId : 8D2F6C41-3B7E-4A90-B1C5-6E0D9A27F318',
      '                  NgcKeyId : {e7b0c3d2-5a19-4f86-b2e4-0c9d71a6f358}',
      'HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Policies\\PassportForWork\\0b9e6a2c-1d4f-4e8a-9c3b-5f7a2d1e8b46\\Device',
      '     Dom Guid: 6b1f0c2e-8d4a-4f3b-9e71-2a5c8d0f4b13',
      '  Key Container = te-ContosoUserVPN-1a2b3c4d-5e6f-7081-92a3-b4c5d6e7f809',
      '    LastLoggedOnProvider    REG_SZ    {D6886603-9D2F-4EB2-B667-1971041FA96B}',
    ].join('\n');
    expect(redacted(text)).toBe(
      [
        '                  TenantId : aaaaaaaa-0000-0000-0000-000000000001',
        '                  DeviceId : DDDDDDDD-0000-0000-0000-000000000001',
        '                  NgcKeyId : {cccccccc-0000-0000-0000-000000000001}',
        'HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Policies\\PassportForWork\\aaaaaaaa-0000-0000-0000-000000000002\\Device',
        '     Dom Guid: bbbbbbbb-0000-0000-0000-000000000001',
        '  Key Container = te-ContosoUserVPN-bbbbbbbb-0000-0000-0000-000000000002',
        '    LastLoggedOnProvider    REG_SZ    {D6886603-9D2F-4EB2-B667-1971041FA96B}',
      ].join('\n'),
    );
  });
});

describe('addresses, hashes and paths', () => {
  it('replaces IPv4 and IPv6 addresses with documentation addresses, keeping loopback, times and MACs', () => {
    const text =
      'Address: \\\\10.20.0.10\nTracking DC01 [10.20.0.10:123]. fe80::1c2d:3e4f%12 ::ffff:10.0.0.12 ::1 127.0.0.1 09:14:03 00:15:5d:01:02:03';
    expect(redacted(text)).toBe(
      'Address: \\\\192.0.2.1\nTracking DC01 [192.0.2.1:123]. 2001:db8::1%12 2001:db8::2 ::1 127.0.0.1 09:14:03 00:15:5d:01:02:03',
    );
  });

  it('writes the time source’s address in w32tm’s ReferenceId as the hex of its placeholder', () => {
    expect(
      redacted('ReferenceId: 0x0A14000A (source IP:  10.20.0.10)\nReferenceId: 0x00000000 (unspecified)'),
    ).toBe('ReferenceId: 0xC0000201 (source IP:  192.0.2.1)\nReferenceId: 0x00000000 (unspecified)');
  });

  it('replaces thumbprints and serial numbers with hex of the same length, spaced or not', () => {
    const text = [
      'Thumbprint : 5E2A91C07F3B48D6A1E9C2F0B7D43A8E61C95F20',
      'Cert Hash(sha1): 5e 2a 91 c0 7f 3b 48 d6 a1 e9 c2 f0 b7 d4 3a 8e 61 c9 5f 20',
      'Serial Number: 3d00000012ab34cd56ef78900000000000012',
      'Ticket Flags 0x40e10000 -> forwardable  InstallTime    REG_QWORD    0x1db665b18649037  132518765432100000',
    ].join('\n');
    expect(redacted(text)).toBe(
      [
        'Thumbprint : 0000000000000000000000000000000000000001',
        'Cert Hash(sha1): 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 01',
        'Serial Number: 0000000000000000000000000000000000002',
        'Ticket Flags 0x40e10000 -> forwardable  InstallTime    REG_QWORD    0x1db665b18649037  132518765432100000',
      ].join('\n'),
    );
  });

  it('replaces the server and the folders of a UNC path, keeping administrative shares, also in JSON', () => {
    const text = [
      '\\\\fs01.corp.contoso.com\\finance\\alice \\\\fs01\\c$ \\\\fs01\\home$',
      '{"path":"\\\\\\\\fs01.corp.contoso.com\\\\finance","listed":true}',
      'No file share was given: type a UNC path such as \\\\server\\share to test one.',
    ].join('\n');
    expect(redacted(text)).toBe(
      [
        '\\\\host-1.domain-1.example\\share-1\\share-2 \\\\host-1\\c$ \\\\host-1\\share-3$',
        '{"path":"\\\\\\\\host-1.domain-1.example\\\\share-1","listed":true}',
        'No file share was given: type a UNC path such as \\\\server\\share to test one.',
      ].join('\n'),
    );
  });
});

describe('output layout', () => {
  it('keeps the columns of a table where a name got shorter or longer', () => {
    const text = [
      'User Name              SID',
      '====================== =============================================',
      'inlanefreight\\jpinkman S-1-5-21-1225962538-3826430528-595808535-1106',
      'CONTOSO\\Domain Admins  Group  S-1-5-21-1225962538-3826430528-595808535-512',
    ].join('\n');
    expect(redacted(text)).toBe(
      [
        'User Name              SID',
        '====================== =============================================',
        'domain-1\\user-1        S-1-5-21-0-0-1-1001',
        'DOMAIN-2\\Domain Admins Group  S-1-5-21-0-0-1-512',
      ].join('\n'),
    );
  });

  it('leaves prose with single spaces', () => {
    const redactor = createRedactor();
    redactor.learn('inlanefreight\\jpinkman S-1-5-21-1-2-3-1106');
    expect(redactor.redact('Running as inlanefreight\\jpinkman here', { prose: true })).toBe(
      'Running as domain-1\\user-1 here',
    );
  });

  it('changes nothing in text that is already redacted', () => {
    const once = redacted(
      'Device Name : PC-0142.corp.contoso.com\n"contoso\\alice","S-1-5-21-1-2-3-1107"\nTenantId : 3f1c2b7a-5d7e-4c1a-9f0e-2b8d6a4c1e90\n\\\\fs01\\finance 10.1.2.3 fe80::1',
    );
    expect(redacted(once)).toBe(once);
  });
});

describe('the redactor', () => {
  it('counts the distinct values of each kind it replaced', () => {
    const redactor = createRedactor();
    redactor.learn('"contoso\\alice","S-1-5-21-1-2-3-1107"');
    redactor.redact('"contoso\\alice","S-1-5-21-1-2-3-1107" alice 10.0.0.1 10.0.0.1');
    expect(redactor.counts()).toEqual({ domain: 1, user: 1, sid: 1, ip: 1 });
  });

  it('takes time in proportion to the text, whatever it holds', () => {
    const hostile = [
      'a:'.repeat(100_000),
      '\\'.repeat(200_000),
      'DC=a,'.repeat(40_000),
      '11 '.repeat(70_000),
      'S-1-5-21-'.repeat(20_000),
      '<'.repeat(200_000),
      '"a":'.repeat(50_000),
      'x @ '.repeat(50_000),
      `${'a'.repeat(200_000)}@`,
      'a-'.repeat(100_000),
      'a.'.repeat(100_000),
      // One line with more fields than a function call takes arguments.
      '"a":"b",'.repeat(130_000),
    ];
    const started = performance.now();
    for (const text of hostile) {
      const redactor = createRedactor();
      redactor.learn(text);
      redactor.redact(text);
    }
    // A few seconds on a slow machine with coverage on; anything quadratic takes minutes here.
    expect(performance.now() - started).toBeLessThan(30_000);
  }, 60_000);
});
