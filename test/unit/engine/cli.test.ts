import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXIT_CHECK_FAILED, EXIT_OK, EXIT_USAGE, runCli } from '../../../electron/cli';
import { serializeCapture } from '../../../electron/engine/capture/write-capture';
import { loadScenario, SCENARIOS } from '../../../electron/engine/scenarios/scenario-catalog';

async function cli(args: string[], isTty = false) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(args, {
    stdout: (text) => {
      stdout += text;
    },
    stderr: (text) => {
      stderr += text;
    },
    isTty,
    env: {},
  });
  return { code, stdout, stderr };
}

const samples = (name: string) => path.join(import.meta.dirname, '../../fixtures/samples', name);
const tempDir = () => mkdtempSync(path.join(tmpdir(), 'whfb-cli-'));

describe('command line', () => {
  it('check on a healthy scenario exits 0 and prints the verdict first', async () => {
    const { code, stdout } = await cli(['check', '--scenario', 'healthy-hybrid']);
    expect(code).toBe(EXIT_OK);
    const lines = stdout.split('\n');
    expect(lines[3]).toContain('Cloud Kerberos trust works on this device');
    expect(stdout).not.toContain('\x1b[');
  });

  it('uses colour only on a terminal', async () => {
    const { stdout } = await cli(['check', '--scenario', 'healthy-hybrid'], true);
    expect(stdout).toContain('\x1b[32m');
  });

  it('check on a broken scenario exits 1 and shows the evidence and fixes of the failure', async () => {
    const { code, stdout } = await cli(['check', '--scenario', 'certificate-trust-enabled']);
    expect(code).toBe(EXIT_CHECK_FAILED);
    expect(stdout).toContain('UseCertificateForOnPremAuth    REG_DWORD    0x1');
    expect(stdout).toContain('fixes: sync-device-policy');
    // The policy comes first: deleting the container while it is on would recreate it for certificate trust.
    expect(stdout).not.toContain('delete-hello-container');
  });

  it('check --json prints the versioned report with delete-hello-container on the proven leftover container', async () => {
    const { code, stdout } = await cli(['check', '--scenario', 'cert-trust-policy-removed', '--json']);
    expect(code).toBe(EXIT_CHECK_FAILED);
    const report = JSON.parse(stdout);
    expect(report).toMatchObject({
      format: 'whfb-doctor/report',
      version: 1,
      trustModel: 'certificate-trust',
      policyTrustModel: 'cloud-kerberos-trust',
    });
    const failing = report.checks.find((c: { status: string }) => c.status === 'fail');
    expect(failing.id).toBe('cert-trust-conflict');
    expect(failing.fixes).toContain('delete-hello-container');
    for (const check of report.checks) {
      expect(Object.keys(check)).toEqual(
        expect.arrayContaining(['id', 'status', 'title', 'summary', 'evidence', 'fixes', 'blockedBy']),
      );
    }
  });

  it('check --capture reads a saved capture and --out writes the report', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'pc.json');
    writeFileSync(file, serializeCapture(loadScenario('no-dc-line-of-sight')));
    const out = path.join(dir, 'report.json');
    const { code } = await cli(['check', '--capture', file, '--json', '--out', out]);
    expect(code).toBe(EXIT_CHECK_FAILED);
    expect(JSON.parse(readFileSync(out, 'utf8')).headline.checkId).toBe('dc-line-of-sight');
  });

  it.each([
    [['check', '--capture', '/nonexistent/x.json'], /no such file/],
    [['check', '--scenario', 'nope'], /no scenario "nope"/],
    [['check', '--scenario', 'a', '--capture', 'b'], /either --scenario or --capture/],
    [['check', '--bogus'], /bogus/],
    [['check', '--scenario', 'healthy-hybrid', '--share', '\\\\fs01\\x" & calc'], /--share/],
    [['check'], /live checks need Windows/],
    [['capture'], /needs --out/],
    [['capture', '--out', '/tmp/x.json'], /live checks need Windows/],
    [['parse', 'no-such-probe', 'x'], /unknown probe id/],
    [['frobnicate'], /unknown command/],
  ])('%j exits 2 with a one-line reason', async (args, reason) => {
    const { code, stderr } = await cli(args as string[]);
    expect(code).toBe(EXIT_USAGE);
    expect(stderr).toMatch(reason);
    expect(stderr.trim().split('\n')).toHaveLength(1);
  });

  it('rejects a corrupt capture with exit 2 and no stack trace', async () => {
    const file = path.join(tempDir(), 'broken.json');
    writeFileSync(file, '{"format":"whfb-doctor/capture","version":1,"probes":');
    const { code, stderr } = await cli(['check', '--capture', file]);
    expect(code).toBe(EXIT_USAGE);
    expect(stderr).toMatch(/not valid JSON/);
    expect(stderr).not.toMatch(/at .*\.ts/);
  });

  it('parse prints the facts of a real sample', async () => {
    const { code, stdout } = await cli(['parse', 'klist-tickets', samples('klist-fr-02.txt')]);
    expect(code).toBe(EXIT_OK);
    const parsed = JSON.parse(stdout);
    expect(parsed.recognized).toBe(true);
    expect(parsed.facts.tickets[0].server).toBe('krbtgt/NOVACORP.TEST');
  });

  it('parse says so when the file is not that probe output', async () => {
    const { code, stdout } = await cli(['parse', 'klist-cloud-debug', samples('whoami-01.txt')]);
    expect(code).toBe(EXIT_USAGE);
    expect(JSON.parse(stdout).recognized).toBe(false);
  });

  it('check --kerberos-server adds the pasted Get-AzureADKerberosServer output as evidence', async () => {
    const { code, stdout } = await cli([
      'check',
      '--scenario',
      'healthy-hybrid',
      '--kerberos-server',
      samples('get-azureadkerberosserver-01.txt'),
      '--json',
    ]);
    expect(code).toBe(EXIT_OK);
    const check = JSON.parse(stdout).checks.find((c: { id: string }) => c.id === 'entra-kerberos-keys');
    // The scenario was captured in 2026; the pasted key dates from March 2023.
    expect(check).toMatchObject({ status: 'warn', fixes: ['rotate-entra-kerberos-key'] });
    expect(check.evidence[0]).toMatchObject({
      probeId: 'entra-kerberos-server-admin',
      command: ['Get-AzureADKerberosServer'],
      lines: expect.arrayContaining(['KeyVersion         : 864665', 'CloudKeyVersion    : 864665']),
    });
  });

  it('check --key-max-age-days sets the key age limit', async () => {
    const args = [
      'check',
      '--scenario',
      'healthy-hybrid',
      '--kerberos-server',
      samples('get-azureadkerberosserver-04.txt'),
    ];
    const { code, stdout } = await cli([...args, '--key-max-age-days', '3650', '--json']);
    expect(code).toBe(EXIT_OK);
    const report = JSON.parse(stdout);
    expect(report.checks.find((c: { id: string }) => c.id === 'entra-kerberos-keys').status).toBe('pass');
  });

  it('check fails (exit 1) with the rotate fix when the pasted key versions differ', async () => {
    const file = path.join(tempDir(), 'kerberos-server.txt');
    const text = readFileSync(samples('get-azureadkerberosserver-04.txt'), 'utf8');
    writeFileSync(file, text.replace('CloudKeyVersion    : 1585708', 'CloudKeyVersion    : 1585709'));
    const { code, stdout } = await cli(['check', '--scenario', 'healthy-hybrid', '--kerberos-server', file]);
    expect(code).toBe(EXIT_CHECK_FAILED);
    expect(stdout).toContain('CloudKeyVersion    : 1585709');
    expect(stdout).toContain('rotate-entra-kerberos-key');
  });

  it('check reads a --kerberos-server file saved as UTF-16 by Windows PowerShell', async () => {
    const file = path.join(tempDir(), 'kerberos-server-utf16.txt');
    const text = readFileSync(samples('get-azureadkerberosserver-01.txt'), 'utf8').replace(/\n/g, '\r\n');
    writeFileSync(file, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]));
    const { code, stdout } = await cli([
      'check',
      '--scenario',
      'healthy-hybrid',
      '--kerberos-server',
      file,
      '--key-max-age-days',
      '5000',
      '--json',
    ]);
    expect(code).toBe(EXIT_OK);
    const check = JSON.parse(stdout).checks.find((c: { id: string }) => c.id === 'entra-kerberos-keys');
    expect(check.status).toBe('pass');
    expect(check.summary).toMatch(/version 864665/);
  });

  it('check without --kerberos-server skips the admin-side key check', async () => {
    const { stdout } = await cli(['check', '--scenario', 'healthy-hybrid', '--json']);
    const check = JSON.parse(stdout).checks.find((c: { id: string }) => c.id === 'entra-kerberos-keys');
    expect(check.status).toBe('skip');
    expect(check.summary).toMatch(/Paste the output of Get-AzureADKerberosServer/);
  });

  it.each([
    [
      ['check', '--scenario', 'healthy-hybrid', '--kerberos-server', '/nonexistent/kerberos.txt'],
      /--kerberos-server: .*no such file/,
    ],
    [
      ['check', '--scenario', 'healthy-hybrid', '--kerberos-server', tmpdir()],
      /--kerberos-server: .*not a file/,
    ],
    [
      ['check', '--scenario', 'healthy-hybrid', '--key-max-age-days', '0'],
      /--key-max-age-days: expected a positive whole number/,
    ],
    [
      ['check', '--scenario', 'healthy-hybrid', '--key-max-age-days', 'soon'],
      /--key-max-age-days: expected a positive whole number/,
    ],
    [
      ['check', '--scenario', 'healthy-hybrid', '--key-max-age-days=-3'],
      /--key-max-age-days: expected a positive whole number/,
    ],
    [
      ['check', '--scenario', 'healthy-hybrid', '--key-max-age-days', '1.5'],
      /--key-max-age-days: expected a positive whole number/,
    ],
  ])('%j exits 2 with a one-line reason about the admin inputs', async (args, reason) => {
    const { code, stderr } = await cli(args as string[]);
    expect(code).toBe(EXIT_USAGE);
    expect(stderr).toMatch(reason);
    expect(stderr.trim().split('\n')).toHaveLength(1);
  });

  it('the usage text documents --kerberos-server and --key-max-age-days', async () => {
    const { stdout } = await cli(['--help']);
    expect(stdout).toContain('--kerberos-server FILE');
    expect(stdout).toContain('--key-max-age-days N');
  });

  it('scenarios lists every built-in scenario', async () => {
    const { code, stdout } = await cli(['scenarios']);
    expect(code).toBe(EXIT_OK);
    expect(stdout).toContain('certificate-trust-enabled');
    expect(stdout.trim().split('\n')).toHaveLength(SCENARIOS.length);
  });
});
