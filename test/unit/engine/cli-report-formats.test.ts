import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  EXIT_CHECK_FAILED,
  EXIT_NOTHING_CHECKED,
  EXIT_OK,
  EXIT_USAGE,
  runCli,
} from '../../../electron/cli/cli';
import { chooseFormat, shouldRedact } from '../../../electron/cli/cli-report-output';
import { serializeCapture } from '../../../electron/engine/capture/write-capture';
import { loadScenario } from '../../../electron/engine/scenarios/scenario-catalog';

async function cli(args: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(args, {
    stdout: (text) => {
      stdout += text;
    },
    stderr: (text) => {
      stderr += text;
    },
    isTty: false,
    env: {},
  });
  return { code, stdout, stderr };
}

const tempDir = () => mkdtempSync(path.join(tmpdir(), 'whfb-formats-'));

describe('check --format', () => {
  it('prints a Markdown table a ticket can take', async () => {
    const { code, stdout } = await cli([
      'check',
      '--scenario',
      'certificate-trust-enabled',
      '--format',
      'markdown',
    ]);
    expect(code).toBe(EXIT_CHECK_FAILED);
    expect(stdout).toMatch(/^\| *Status *\| *Step *\| *Summary *\|$/m);
    expect(stdout).toContain('Certificate trust setting');
    // The terminal is local viewing: not redacted unless asked.
    expect(stdout).toContain('contoso');
  });

  it('picks the format from the extension of --out, and redacts the file by default', async () => {
    const dir = tempDir();
    const html = path.join(dir, 'report.html');
    const { code, stderr } = await cli(['check', '--scenario', 'healthy-hybrid', '--out', html]);
    expect(code).toBe(EXIT_OK);
    const page = readFileSync(html, 'utf8');
    expect(page).toMatch(/^<!doctype html>/i);
    expect(page).not.toMatch(/contoso|alice|PC-0142/i);
    expect(stderr).toMatch(/^redacted: .*\b1 user\b/m);
  });

  it('keeps names in a file with --no-redact, and in JSON that scripts read', async () => {
    const dir = tempDir();
    const json = path.join(dir, 'report.json');
    await cli(['check', '--scenario', 'healthy-hybrid', '--out', json, '--no-redact']);
    const report = JSON.parse(readFileSync(json, 'utf8'));
    expect(report.format).toBe('whfb-doctor/report');
    expect(report.device.user).toBe('contoso\\alice');
  });

  it('redacts the terminal too with --redact', async () => {
    const { stdout } = await cli(['check', '--scenario', 'healthy-hybrid', '--redact']);
    expect(stdout).not.toMatch(/contoso|alice/i);
    expect(stdout).toContain('Cloud Kerberos trust works');
  });

  it('refuses an unknown format and both redaction flags in one plain line', async () => {
    const unknown = await cli(['check', '--scenario', 'healthy-hybrid', '--format', 'pdf']);
    expect(unknown.code).toBe(EXIT_USAGE);
    expect(unknown.stderr).toBe(
      'whfb-doctor: --format: expected one of text, json, markdown, html, got "pdf"\n',
    );
    const both = await cli(['check', '--scenario', 'healthy-hybrid', '--redact', '--no-redact']);
    expect(both.stderr).toBe('whfb-doctor: use either --redact or --no-redact, not both\n');
  });

  it('chooses formats and redaction as documented', () => {
    expect(chooseFormat({ out: 'x.MD' })).toEqual({ ok: true, format: 'markdown' });
    expect(chooseFormat({ out: 'x.htm' })).toEqual({ ok: true, format: 'html' });
    expect(chooseFormat({ out: 'x.txt' })).toEqual({ ok: true, format: 'text' });
    expect(chooseFormat({ json: true, out: 'x.md' })).toEqual({ ok: true, format: 'json' });
    expect(chooseFormat({ format: 'HTML', out: 'x.json' })).toEqual({ ok: true, format: 'html' });
    expect(shouldRedact({})).toBe(false);
    expect(shouldRedact({ out: 'x' })).toBe(true);
    expect(shouldRedact({ out: 'x', 'no-redact': true })).toBe(false);
    expect(shouldRedact({ redact: true })).toBe(true);
  });
});

describe('check, help and messages', () => {
  it('prints the help of one command with --help', async () => {
    const { code, stdout } = await cli(['check', '--help']);
    expect(code).toBe(EXIT_OK);
    expect(stdout).toMatch(/^Usage: whfb-doctor check /);
    expect(stdout).toContain('--format text|json|markdown|html');
  });

  it('names an unknown option in its own words', async () => {
    const { code, stderr } = await cli(['check', '--scenario', 'healthy-hybrid', '--frmat', 'md']);
    expect(code).toBe(EXIT_USAGE);
    expect(stderr).toMatch(
      /^whfb-doctor: unknown option "--frmat" \(options: --scenario, .*; try --help\)\n$/,
    );
    expect(stderr).not.toMatch(/strict|args/i);
  });

  it('exits 3 when a capture holds nothing the checks can read', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'empty.json');
    writeFileSync(file, serializeCapture({ ...loadScenario('healthy-hybrid'), probes: {}, inputs: {} }));
    const { code } = await cli(['check', '--capture', file]);
    expect(code).toBe(EXIT_NOTHING_CHECKED);
  });

  it('says when --share differs from the share the capture tested', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'pc.json');
    writeFileSync(file, serializeCapture(loadScenario('healthy-hybrid')));
    const { stderr } = await cli(['check', '--capture', file, '--share', '\\\\fs02\\hr']);
    expect(stderr).toContain(
      'the capture tested \\\\fs01.corp.contoso.com\\finance; --share \\\\fs02\\hr is not tested',
    );
  });
});
