import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXIT_CHECK_FAILED, EXIT_OK, EXIT_USAGE, runCli } from '../../../electron/cli/cli';
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

/**
 * A real Get-AzureADKerberosServer sample, mutated to the practice device's domain
 * (corp.contoso.com): output for another domain says nothing about this user's keys.
 */
function sampleForContoso(name: string, edit: (text: string) => string = (t) => t): string {
  const text = readFileSync(samples(name), 'utf8')
    .replace(/corp\.ajf\.one|ad\.cloud-architekt\.net/gi, 'corp.contoso.com')
    .replace(/DC=corp,DC=ajf,DC=one|DC=ad,DC=cloud-architekt,DC=net/gi, 'DC=corp,DC=contoso,DC=com');
  const file = path.join(tempDir(), name);
  writeFileSync(file, edit(text));
  return file;
}

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
    expect(stdout).toContain('fixes: Sync device policy');
    // The policy comes first: deleting the container while it is on would recreate it for certificate trust.
    expect(stdout).not.toContain('Delete the Hello container');
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
      sampleForContoso('get-azureadkerberosserver-01.txt'),
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
      sampleForContoso('get-azureadkerberosserver-04.txt'),
    ];
    const { code, stdout } = await cli([...args, '--key-max-age-days', '3650', '--json']);
    expect(code).toBe(EXIT_OK);
    const report = JSON.parse(stdout);
    expect(report.checks.find((c: { id: string }) => c.id === 'entra-kerberos-keys').status).toBe('pass');
  });

  it('check fails (exit 1) with the rotate fix when the pasted key versions differ', async () => {
    const file = sampleForContoso('get-azureadkerberosserver-04.txt', (text) =>
      text.replace('CloudKeyVersion    : 1585708', 'CloudKeyVersion    : 1585709'),
    );
    const { code, stdout } = await cli(['check', '--scenario', 'healthy-hybrid', '--kerberos-server', file]);
    expect(code).toBe(EXIT_CHECK_FAILED);
    expect(stdout).toContain('CloudKeyVersion    : 1585709');
    expect(stdout).toContain('Rotate the Entra Kerberos server key');
  });

  it('check reads a --kerberos-server file saved as UTF-16 by Windows PowerShell', async () => {
    const file = path.join(tempDir(), 'kerberos-server-utf16.txt');
    const text = readFileSync(sampleForContoso('get-azureadkerberosserver-01.txt'), 'utf8').replace(
      /\n/g,
      '\r\n',
    );
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

describe('command line: files from outside', () => {
  const fifo = () => {
    const file = path.join(tempDir(), 'pipe.json');
    execFileSync('mkfifo', [file]);
    return file;
  };
  const sized = (name: string, bytes: number) => {
    const file = path.join(tempDir(), name);
    writeFileSync(file, '');
    truncateSync(file, bytes);
    return file;
  };
  const written = (name: string, content: string | Buffer) => {
    const file = path.join(tempDir(), name);
    writeFileSync(file, content);
    return file;
  };
  const hasControl = (text: string) =>
    [...text.trimEnd()].some((c) => c < ' ' || (c >= '\u007f' && c <= '\u009f'));
  const refused = async (args: string[]) => {
    const { code, stdout, stderr } = await cli(args);
    expect(code).toBe(EXIT_USAGE);
    expect(stdout).toBe('');
    expect(stderr.endsWith('\n')).toBe(true);
    expect(stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(hasControl(stderr)).toBe(false);
    return stderr.trimEnd();
  };
  const healthy = () => serializeCapture(loadScenario('healthy-hybrid'));
  const MB = 1024 * 1024;

  it('check --capture refuses a named pipe, /dev/zero and a folder at once', async () => {
    const pipe = fifo();
    expect(await refused(['check', '--capture', pipe])).toBe(
      `whfb-doctor: ${pipe} is not a file (a named pipe)`,
    );
    expect(await refused(['check', '--capture', '/dev/zero'])).toBe(
      'whfb-doctor: /dev/zero is not a file (a device)',
    );
    const dir = tempDir();
    expect(await refused(['check', '--capture', dir])).toBe(`whfb-doctor: ${dir} is not a file`);
  });

  it('check --capture refuses a 25 MB file by its size', async () => {
    expect(await refused(['check', '--capture', sized('huge.json', 25 * MB)])).toBe(
      'whfb-doctor: file is 25.0 MB, larger than any capture (limit 20 MB)',
    );
  });

  it('check --capture refuses 100,000 levels of nesting, a huge format and duplicate fields in one short line', async () => {
    const deep = written('deep.json', `{"format":${'['.repeat(100_000)}${']'.repeat(100_000)}}`);
    expect(await refused(['check', '--capture', deep])).toBe(
      'whfb-doctor: not a WHfB Doctor capture (nested deeper than 32 levels at line 1, column 42)',
    );
    const huge = written('huge-format.json', `{"format":"\\u001b]0;${'A'.repeat(20_000_000)}"}`);
    const line = await refused(['check', '--capture', huge]);
    expect(line).toMatch(
      /^whfb-doctor: not a WHfB Doctor capture \(a 20,000,009-character string at format;/,
    );
    expect(line.length).toBeLessThanOrEqual(213);
    const twice = written('twice.json', healthy().replace('"version": 1,', '"version": 1, "version": 2,'));
    expect(await refused(['check', '--capture', twice])).toBe(
      'whfb-doctor: not a WHfB Doctor capture (the field version appears twice, line 3, column 17)',
    );
  });

  it('check --capture never prints the control characters of a probe key', async () => {
    const capture = JSON.parse(healthy());
    capture.probes['\u001b[2J\u001b]0;owned\u0007'] = { stdout: 1 };
    const line = await refused(['check', '--capture', written('keys.json', JSON.stringify(capture))]);
    expect(line).toMatch(/^whfb-doctor: capture is damaged: probes\.\?\[2J\?\]0;owned\?\.command: /);
  });

  it.each([
    ['UTF-16LE', (text: string) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')])],
    [
      'UTF-16BE',
      (text: string) => Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(text, 'utf16le').swap16()]),
    ],
    ['UTF-8 with BOM', (text: string) => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)])],
  ])('check --capture reads a capture saved as %s', async (_name, encode) => {
    const file = written('pc.json', encode(healthy()));
    const { code, stdout, stderr } = await cli(['check', '--capture', file, '--json']);
    expect(stderr).toBe('');
    expect(code).toBe(EXIT_OK);
    expect(JSON.parse(stdout).source).toEqual({ kind: 'capture', file });
  });

  it('--kerberos-server and parse refuse a named pipe, /dev/zero and files over their limits', async () => {
    const pipe = fifo();
    const admin = ['check', '--scenario', 'healthy-hybrid', '--kerberos-server'];
    expect(await refused([...admin, pipe])).toBe(
      `whfb-doctor: --kerberos-server: ${pipe} is not a file (a named pipe)`,
    );
    expect(await refused([...admin, '/dev/zero'])).toBe(
      'whfb-doctor: --kerberos-server: /dev/zero is not a file (a device)',
    );
    const big = sized('kerberos.txt', 2 * MB);
    expect(await refused([...admin, big])).toBe(
      `whfb-doctor: --kerberos-server: ${big} is 2.0 MB, over the limit of 1.0 MB`,
    );
    expect(await refused(['parse', 'klist-tickets', pipe])).toBe(
      `whfb-doctor: ${pipe} is not a file (a named pipe)`,
    );
    expect(await refused(['parse', 'klist-tickets', '/dev/zero'])).toBe(
      'whfb-doctor: /dev/zero is not a file (a device)',
    );
    const output = sized('klist.txt', 25 * MB);
    expect(await refused(['parse', 'klist-tickets', output])).toBe(
      `whfb-doctor: ${output} is 25.0 MB, over the limit of 8.0 MB`,
    );
  });

  it('parse reads output saved as UTF-16 by Windows PowerShell', async () => {
    const text = readFileSync(samples('klist-fr-02.txt'), 'utf8');
    const file = written(
      'klist-utf16.txt',
      Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]),
    );
    const fromUtf16 = await cli(['parse', 'klist-tickets', file]);
    const fromUtf8 = await cli(['parse', 'klist-tickets', samples('klist-fr-02.txt')]);
    expect(fromUtf16.code).toBe(EXIT_OK);
    expect(fromUtf16.stdout).toBe(fromUtf8.stdout);
  });

  it('--out replaces a report whole and leaves no temporary file', async () => {
    const dir = tempDir();
    const out = path.join(dir, 'report.txt');
    writeFileSync(out, 'an older, longer report '.repeat(1000));
    const { code, stderr } = await cli(['check', '--scenario', 'healthy-hybrid', '--out', out]);
    expect(code).toBe(EXIT_OK);
    expect(stderr).toMatch(new RegExp(`^Report written to ${out.replace(/[.\\]/g, '\\$&')}\nredacted: `));
    expect(readFileSync(out, 'utf8')).not.toContain('an older');
    expect(readdirSync(dir)).toEqual(['report.txt']);
  });

  it('--out into a missing folder or onto a folder exits 2 and writes nothing', async () => {
    const dir = tempDir();
    const missing = path.join(dir, 'nowhere', 'report.txt');
    expect(await refused(['check', '--scenario', 'healthy-hybrid', '--out', missing])).toBe(
      `whfb-doctor: --out: ${missing}: no such folder`,
    );
    expect(await refused(['check', '--scenario', 'healthy-hybrid', '--out', dir])).toBe(
      `whfb-doctor: --out: ${dir} is a folder`,
    );
    expect(readdirSync(dir)).toEqual([]);
  });

  it('cleans what it quotes from the command line', async () => {
    expect(await refused(['frobnicate\u001b[2J\r\nmore'])).toBe(
      'whfb-doctor: unknown command "frobnicate?[2J more" (try --help)',
    );
  });
});
