import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Capture, PROBE_IDS, type ProbeId } from '@contract/types';
import { describe, expect, it } from 'vitest';
import { readCapture } from '../../../electron/engine/capture/read-capture';
import { loadScenario, SCENARIOS, scenarioNames } from '../../../electron/engine/scenarios/scenario-catalog';
import { productCommands } from '../../fixtures/probe-commands';

const CAPTURES_DIR = join(__dirname, '../../../electron/engine/scenarios/captures');
const CAPTURED_AT = '2026-11-25T09:14:03.000Z';

/** PRODUCT.md's probe table, as the app runs it (executable file name first). */
const COMMANDS: Record<Exclude<ProbeId, 'share-access' | 'entra-kerberos-server-admin'>, string[]> = {
  ...productCommands('corp.contoso.com', 'DC01.corp.contoso.com'),
  // The scenarios stand a readable placeholder in for the encoded PowerShell script.
  'entra-kerberos-object': [
    'powershell.exe',
    '-NoProfile',
    '-NonInteractive',
    '-ExecutionPolicy',
    'Bypass',
    '-EncodedCommand',
    '<query for AzureADKerberos and krbtgt_AzureAD>',
  ],
};

const CAPTURED_PROBES = PROBE_IDS.filter(
  (id) => id !== 'share-access' && id !== 'entra-kerberos-server-admin',
);

function fileText(name: string): string {
  return readFileSync(join(CAPTURES_DIR, `${name}.json`), 'utf8');
}

function out(capture: Capture, id: ProbeId): string {
  return capture.probes[id]?.stdout ?? '';
}

const scenario = (name: string) => loadScenario(name);

/** Scenarios whose technician typed a share to test. */
const WITH_SHARE = ['healthy-hybrid', 'key-trust-fallback', 'foreign-tenant-policy', 'smart-card-sign-in'];

describe('scenario catalog', () => {
  it('lists every capture file once, in catalog order', () => {
    const files = readdirSync(CAPTURES_DIR).filter((f) => f.endsWith('.json'));
    expect([...files].sort()).toEqual(SCENARIOS.map((s) => s.file).sort());
    expect(scenarioNames()).toEqual([
      'healthy-hybrid',
      'healthy-entra-joined',
      'cloud-trust-policy-missing',
      'certificate-trust-enabled',
      'password-sign-in',
      'no-dc-line-of-sight',
      'entra-kerberos-server-missing',
      'os-too-old',
      'policy-user-scope-only',
      'rdp-session',
      'cert-trust-policy-removed',
      'hello-container-deleted',
      'privileged-account',
      'key-trust-fallback',
      'no-keylist-dc',
      'clock-skew',
      'unsynced-user',
      'foreign-tenant-policy',
      'expired-prt',
      'smart-card-sign-in',
    ]);
    for (const s of SCENARIOS) {
      expect(s.file).toBe(`${s.name}.json`);
      expect(s.title.length).toBeGreaterThan(0);
      expect(
        s.description.split(/[.!?](\s|$)/).filter((x) => x.trim().length > 1).length,
      ).toBeGreaterThanOrEqual(2);
    }
  });

  it('refuses an unknown scenario with the list of known ones', () => {
    expect(() => loadScenario('nope')).toThrow(/unknown scenario "nope".*healthy-hybrid/);
    expect(() => loadScenario('toString')).toThrow(/unknown scenario/);
  });
});

describe.each(scenarioNames())('scenario %s', (name) => {
  it('is a valid, pretty-printed capture file', () => {
    const text = fileText(name);
    const read = readCapture(text);
    expect(read.ok, read.ok ? '' : read.reason).toBe(true);
    expect(text).toBe(`${JSON.stringify(JSON.parse(text), null, 2)}\n`);
    expect(scenario(name)).toEqual(read.ok ? read.capture : undefined);
  });

  it('has the probes of the probe table with their commands', () => {
    const capture = scenario(name);
    // Without a key-list DC the clock is measured against the DC the plain KDC query found.
    const commands =
      name === 'no-keylist-dc'
        ? {
            ...COMMANDS,
            'time-offset': productCommands('corp.contoso.com', 'DC12.corp.contoso.com')['time-offset'],
          }
        : COMMANDS;
    expect(capture.capturedAt).toBe(CAPTURED_AT);
    expect(capture.tool).toEqual({ name: 'whfb-doctor', version: '0.1.0' });
    // Only a scenario with a share to test has the share test's result.
    const expected = capture.inputs?.share ? [...CAPTURED_PROBES, 'share-access'] : CAPTURED_PROBES;
    expect(Object.keys(capture.probes).sort()).toEqual([...expected].sort());
    for (const id of CAPTURED_PROBES) {
      const result = capture.probes[id];
      expect(result, id).toBeDefined();
      if (!result) continue;
      if (result.error === null) {
        expect(result.command, id).toEqual(commands[id as keyof typeof commands]);
        expect(result.exitCode, id).not.toBeNull();
        expect(result.durationMs, id).toBeGreaterThan(0);
        expect(result.stdout, id).not.toMatch(/\r|^\s*(PS )?[A-Z]:\\[^>\n]*>/m);
      } else {
        expect(result.error, id).toMatch(/^skipped: /);
        expect(result).toMatchObject({ command: [], exitCode: null, stdout: '', stderr: '', durationMs: 0 });
      }
    }
  });

  it('keeps the shared identity consistent', () => {
    const capture = scenario(name);
    const entra = name === 'healthy-entra-joined' || name === 'unsynced-user';
    expect(out(capture, 'dsregcmd-status')).toContain('TenantId : 3f1c2b7a-5d7e-4c1a-9f0e-2b8d6a4c1e90');
    expect(out(capture, 'dsregcmd-status')).toContain(
      entra ? 'Device Name : PC-0177\n' : 'Device Name : PC-0142.corp.contoso.com\n',
    );
    expect(out(capture, 'whoami-user')).toContain(
      entra
        ? '"azuread\\alicesmith","S-1-12-1-1234567890-1122334455-987654321-123456789"'
        : '"contoso\\alice","S-1-5-21-1004336348-1177238915-682003330-1107"',
    );
    expect(out(capture, 'whoami-groups')).toContain(
      '"Mandatory Label\\Medium Mandatory Level","Label","S-1-16-8192",""',
    );
    expect(capture.probes['policy-gpo-machine']).toMatchObject({ exitCode: 1, stdout: '' });
    expect(capture.probes['policy-gpo-user']).toMatchObject({ exitCode: 1, stdout: '' });
    expect(capture.inputs).toEqual(
      WITH_SHARE.includes(name) ? { share: '\\\\fs01.corp.contoso.com\\finance' } : undefined,
    );
  });
});

describe('distinguishing facts', () => {
  const HEALTHY = ['healthy-hybrid', 'healthy-entra-joined'];

  it.each(HEALTHY)('%s shows a working cloud Kerberos trust chain', (name) => {
    const capture = scenario(name);
    expect(out(capture, 'klist-cloud-debug')).toContain('Cloud Kerberos enabled by policy: 0\n');
    expect(out(capture, 'klist-cloud-debug')).toContain('Public Key Credential Present: 1\n');
    expect(out(capture, 'klist-cloud-debug')).toContain('Cloud Primary (Hybrid logon) TGT available: 1\n');
    expect(out(capture, 'dsregcmd-status')).toMatch(/^ +OnPremTgt : YES$/m);
    expect(out(capture, 'dsregcmd-status')).toMatch(/^ +CloudTgt : YES$/m);
    expect(out(capture, 'dsregcmd-status')).toMatch(/^ +OnPremTGT : YES$/m);
    expect(out(capture, 'klist-tickets')).toContain('Server: krbtgt/CORP.CONTOSO.COM @ CORP.CONTOSO.COM');
    expect(out(capture, 'klist-tickets')).toContain('Server: cifs/fs01.corp.contoso.com @ CORP.CONTOSO.COM');
    expect(out(capture, 'events-udr')).toContain('Cloud trust for on premise auth policy is enabled: Yes');
    expect(out(capture, 'events-udr')).toContain('User account has Cloud TGT: Yes');
    expect(out(capture, 'policy-mdm')).toContain('UseCloudTrustForOnPremAuth    REG_DWORD    0x1');
    expect(out(capture, 'nltest-dsgetdc')).toContain(' KEYLIST\n');
    expect(out(capture, 'entra-kerberos-object')).toContain('"distinguishedName":"CN=krbtgt_AzureAD,');
  });

  it('healthy-hybrid is hybrid joined on Windows 11 23H2', () => {
    const capture = scenario('healthy-hybrid');
    expect(out(capture, 'dsregcmd-status')).toMatch(
      /AzureAdJoined : YES\n.*\n +DomainJoined : YES\n +DomainName : CONTOSO\n/,
    );
    expect(out(capture, 'os-version')).toContain('    CurrentBuild    REG_SZ    22631\n');
    expect(out(capture, 'os-version')).toContain('    UBR    REG_DWORD    0x116c\n');
    expect(out(capture, 'os-version')).toContain('    DisplayVersion    REG_SZ    23H2\n');
  });

  it('healthy-entra-joined is not domain joined and syncs time from time.windows.com', () => {
    const capture = scenario('healthy-entra-joined');
    expect(out(capture, 'dsregcmd-status')).toMatch(/DomainJoined : NO\n/);
    expect(out(capture, 'dsregcmd-status')).not.toContain('DomainName');
    expect(out(capture, 'dsregcmd-status')).toContain(
      'Executing Account Name : AzureAD\\AliceSmith, alice@contoso.com',
    );
    expect(out(capture, 'whoami-groups')).not.toContain('CONTOSO\\');
    expect(out(capture, 'time-status')).toContain('Source: time.windows.com,0x9\n');
  });

  it('cloud-trust-policy-missing has no cloud trust value and falls back to key trust', () => {
    const capture = scenario('cloud-trust-policy-missing');
    expect(out(capture, 'policy-mdm')).toContain('UsePassportForWork    REG_DWORD    0x1');
    expect(out(capture, 'policy-mdm')).not.toContain('UseCloudTrustForOnPremAuth');
    expect(out(capture, 'events-udr')).toContain('Cloud trust for on premise auth policy is enabled: No');
    expect(out(capture, 'events-udr')).toContain('User account has Cloud TGT: Not Tested');
    expect(out(capture, 'dsregcmd-status')).toMatch(/^ +NgcSet : YES$/m);
    // Entra ID issues the partial TGT with the PRT; the key-trust logon just does not use it.
    expect(out(capture, 'dsregcmd-status')).toMatch(/^ +OnPremTgt : YES$/m);
    expect(out(capture, 'klist-cloud-debug')).toContain('Cloud Primary (Hybrid logon) TGT available: 0\n');
    expect(out(capture, 'klist-tickets')).toContain('Server: krbtgt/CORP.CONTOSO.COM @ CORP.CONTOSO.COM');
    expect(out(capture, 'klist-tickets')).not.toContain('cifs/');
    expect(out(capture, 'whoami-groups')).toContain('"S-1-18-4"');
  });

  it('certificate-trust-enabled has the certificate setting on next to cloud trust', () => {
    const capture = scenario('certificate-trust-enabled');
    expect(out(capture, 'policy-mdm')).toContain('UseCertificateForOnPremAuth    REG_DWORD    0x1');
    expect(out(capture, 'policy-mdm')).toContain('UseCloudTrustForOnPremAuth    REG_DWORD    0x1');
    expect(out(capture, 'events-udr')).toContain(
      'User certificate for on premise auth policy is enabled: Yes',
    );
    expect(out(capture, 'events-udr')).toContain('Machine is governed by enrollment authority policy.');
    expect(out(capture, 'dsregcmd-status')).toMatch(/^ +CertEnrollment : enrollment authority$/m);
    expect(out(capture, 'dsregcmd-status')).toMatch(/^ +LogonCertTemplateReady : YES \( StateReady \)$/m);
    expect(out(capture, 'dsregcmd-status')).toMatch(/^ +OnPremTGT : YES$/m);
    expect(out(capture, 'klist-cloud-debug')).toContain('Cloud Primary (Hybrid logon) TGT available: 0\n');
    expect(out(capture, 'certutil-user-store')).toContain(
      'Provider = Microsoft Passport Key Storage Provider',
    );
  });

  it('password-sign-in used password-derived keys', () => {
    const capture = scenario('password-sign-in');
    expect(out(capture, 'klist-cloud-debug')).toContain('Public Key Credential Present: 0\n');
    expect(out(capture, 'klist-cloud-debug')).toContain('Password-derived Keys Present: 1\n');
    expect(out(capture, 'klist-cloud-debug')).toContain('AS_REP Credential Type: 1\n');
    expect(out(capture, 'klist-cloud-debug')).toContain('Cloud Primary (Hybrid logon) TGT available: 0\n');
    expect(out(capture, 'dsregcmd-status')).toMatch(/^ +NgcSet : YES$/m);
    expect(out(capture, 'dsregcmd-status')).toMatch(/^ +OnPremTgt : YES$/m);
    expect(out(capture, 'klist-tickets')).toContain('Server: krbtgt/CORP.CONTOSO.COM @ CORP.CONTOSO.COM');
    expect(out(capture, 'policy-mdm')).toContain('UseCloudTrustForOnPremAuth    REG_DWORD    0x1');
    expect(out(capture, 'logonui-last-provider')).toContain('{60B78E88-EAD8-445C-9CFD-0B87F74EA6CD}');
  });

  it('no-dc-line-of-sight finds no domain controller', () => {
    const capture = scenario('no-dc-line-of-sight');
    expect(capture.probes['nltest-dsgetdc']).toMatchObject({
      exitCode: 1,
      stdout: 'Getting DC name failed: Status = 1355 0x54b ERROR_NO_SUCH_DOMAIN\n',
    });
    expect(capture.probes['time-offset']?.error).toBe('skipped: no domain controller found by nltest');
    expect(JSON.parse(out(capture, 'entra-kerberos-object'))).toEqual({
      domain: 'corp.contoso.com',
      computer: null,
      krbtgt: null,
      error: 'The server is not operational.',
    });
    expect(out(capture, 'klist-tickets')).toContain('Cached Tickets: (0)');
    expect(out(capture, 'klist-cloud-debug')).toContain('Cloud Primary (Hybrid logon) TGT available: 1\n');
    expect(out(capture, 'dsregcmd-status')).toMatch(/^ +OnPremTgt : YES$/m);
    expect(out(capture, 'time-status')).toContain('Last Successful Sync Time: 11/23/2026');
  });

  it('entra-kerberos-server-missing finds neither AD object', () => {
    const capture = scenario('entra-kerberos-server-missing');
    expect(JSON.parse(out(capture, 'entra-kerberos-object'))).toEqual({
      domain: 'corp.contoso.com',
      computer: null,
      krbtgt: null,
      error: null,
    });
    expect(out(capture, 'dsregcmd-status')).toMatch(/^ +OnPremTgt : NO$/m);
    expect(out(capture, 'dsregcmd-status')).toMatch(/^ +CloudTgt : YES$/m);
    expect(out(capture, 'events-udr')).toContain('Cloud trust for on premise auth policy is enabled: Yes');
    expect(out(capture, 'events-udr')).toContain('User account has Cloud TGT: No');
    expect(out(capture, 'klist-tickets')).toContain('Kdc Called: DC01.corp.contoso.com');
    expect(out(capture, 'klist-tickets')).not.toContain('cifs/');
  });

  it('os-too-old runs Windows 10 21H2 at build 19044.1288 with pre-cloud-trust tools', () => {
    const capture = scenario('os-too-old');
    expect(out(capture, 'os-version')).toContain('    CurrentBuild    REG_SZ    19044\n');
    expect(out(capture, 'os-version')).toContain('    UBR    REG_DWORD    0x508\n');
    expect(out(capture, 'os-version')).toContain('    DisplayVersion    REG_SZ    21H2\n');
    expect(out(capture, 'os-version')).toContain('    ProductName    REG_SZ    Windows 10 Enterprise\n');
    expect(out(capture, 'dsregcmd-status')).not.toMatch(/OnPremTgt|CloudTgt|OnPremTGT|CloudTGT/);
    expect(out(capture, 'klist-cloud-debug')).toMatch(/^\nUsage: klist /);
    expect(out(capture, 'events-udr')).not.toContain('Cloud trust');
    expect(out(capture, 'policy-mdm')).toContain('UseCloudTrustForOnPremAuth    REG_DWORD    0x1');
  });

  it('policy-user-scope-only has the values under the user SID only', () => {
    const capture = scenario('policy-user-scope-only');
    const policy = out(capture, 'policy-mdm');
    expect(policy).toContain(
      '\\3f1c2b7a-5d7e-4c1a-9f0e-2b8d6a4c1e90\\S-1-5-21-1004336348-1177238915-682003330-1107\\Policies\n' +
        '    UsePassportForWork    REG_DWORD    0x1\n    UseCloudTrustForOnPremAuth    REG_DWORD    0x1\n',
    );
    expect(policy).not.toContain('\\Device');
    expect(out(capture, 'events-udr')).toContain('Cloud trust for on premise auth policy is enabled: No');
    expect(out(capture, 'dsregcmd-status')).toMatch(/^ +OnPremTgt : YES$/m);
    expect(out(capture, 'klist-cloud-debug')).toContain('Cloud Primary (Hybrid logon) TGT available: 0\n');
  });

  it('rdp-session is a remote session signed in with a password', () => {
    const capture = scenario('rdp-session');
    const groups = out(capture, 'whoami-groups');
    expect(groups).toContain('"NT AUTHORITY\\REMOTE INTERACTIVE LOGON","Well-known group","S-1-5-14"');
    expect(groups).not.toContain('"S-1-2-1"');
    expect(out(capture, 'dsregcmd-status')).toMatch(/^ +SessionIsNotRemote : NO$/m);
    expect(out(capture, 'dsregcmd-status')).toMatch(/^ +PreReqResult : WillNotProvision$/m);
    expect(out(capture, 'dsregcmd-status')).toMatch(/^ +NgcSet : YES$/m);
    expect(out(capture, 'klist-cloud-debug')).toContain('Password-derived Keys Present: 1\n');
    expect(out(capture, 'klist-cloud-debug')).toContain('Cloud Primary (Hybrid logon) TGT available: 0\n');
    const events = out(capture, 'events-udr');
    expect(events.indexOf('<EventID>360</EventID>')).toBeLessThan(events.indexOf('<EventID>358</EventID>'));
    expect(events).toContain('Windows Hello for Business provisioning will not be launched.');
    expect(events).toContain('User is not connected to the machine via Remote Desktop: No');
  });

  // These hold the partial TGT; what breaks is the exchange at the domain controller.
  const EXCHANGE_FAILS = ['no-dc-line-of-sight', 'privileged-account', 'no-keylist-dc', 'clock-skew'];

  it.each(scenarioNames().filter((n) => !HEALTHY.includes(n) && !EXCHANGE_FAILS.includes(n)))(
    '%s has no cloud Kerberos ticket',
    (name) => {
      expect(out(scenario(name), 'klist-cloud-debug')).not.toContain(
        'Cloud Primary (Hybrid logon) TGT available: 1',
      );
    },
  );
});
