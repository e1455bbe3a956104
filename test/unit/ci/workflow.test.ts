// The CI workflows, read as GitHub reads them: the Windows jobs and their steps exist, run on
// windows-latest with Node 22 and upload the distributables; the Linux job runs .ci/run. The
// scripts the Windows steps write (between <<'SCRIPT' and SCRIPT) run here against sample files,
// the same command line of `check` included, since Windows is the only other place they run.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Capture, ProbeId, ProbeResult } from '@contract/types';
import { FuseV1Options, flipFuses } from '@electron/fuses';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { z } from 'zod';
import { runCli } from '../../../electron/cli/cli';
import { PROBE_CATALOG } from '../../../electron/engine/probes/probe-catalog';
import { loadScenario } from '../../../electron/engine/scenarios/scenario-catalog';
import forgeConfig from '../../../forge.config';

const REPO_ROOT = path.resolve(import.meta.dirname, '../../..');
const TSX_CLI = createRequire(import.meta.url).resolve('tsx/cli');

const stepSchema = z.object({
  name: z.string().optional(),
  uses: z.string().optional(),
  run: z.string().optional(),
  if: z.string().optional(),
  with: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])).optional(),
  env: z.record(z.string(), z.string()).optional(),
});
type Step = z.infer<typeof stepSchema>;

const workflowSchema = z.object({
  name: z.string(),
  on: z.record(z.string(), z.unknown()),
  permissions: z.record(z.string(), z.string()),
  jobs: z.record(
    z.string(),
    z.object({
      name: z.string(),
      'runs-on': z.string(),
      container: z.string().optional(),
      'timeout-minutes': z.number(),
      steps: z.array(stepSchema),
    }),
  ),
});
type Workflow = z.infer<typeof workflowSchema>;
type Job = Workflow['jobs'][string];

function readWorkflow(file: string): Workflow {
  const document = parseDocument(readFileSync(path.join(REPO_ROOT, '.github/workflows', file), 'utf8'));
  expect(document.errors.map((error) => error.message)).toEqual([]);
  return workflowSchema.parse(document.toJS());
}

function job(workflow: Workflow, id: string): Job {
  const found = workflow.jobs[id];
  if (!found) throw new Error(`no job ${id}`);
  return found;
}

function step(from: Job, name: string | RegExp): Step {
  const found = from.steps.find((candidate) =>
    typeof name === 'string' ? candidate.name === name : name.test(candidate.name ?? ''),
  );
  if (!found) throw new Error(`no step ${name}`);
  return found;
}

const runOf = (from: Job, name: string | RegExp) => step(from, name).run ?? '';
const indexOf = (from: Job, name: string | RegExp) => from.steps.indexOf(step(from, name));

/** The script a step writes with a quoted here-document, and the line that runs it. */
function scriptOf(from: Job, name: string | RegExp): { text: string; command: string } {
  const match = /<<'SCRIPT'\n([\s\S]*?)\nSCRIPT\n([^\n]*)/.exec(runOf(from, name));
  if (!match) throw new Error(`step ${name} writes no script`);
  return { text: match[1] ?? '', command: match[2] ?? '' };
}

const tempDir = () => mkdtempSync(path.join(tmpdir(), 'whfb-workflow-'));

function writeTemp(name: string, text: string | Buffer): string {
  const file = path.join(tempDir(), name);
  writeFileSync(file, text);
  return file;
}

/** Runs a step's script as the step does (tsx for .mts, Node for .mjs), from the repository root. */
function runScript(script: { text: string; command: string }, args: string[]) {
  const typescript = script.command.startsWith('npx tsx ');
  const file = writeTemp(typescript ? 'script.mts' : 'script.mjs', script.text);
  const result = spawnSync(process.execPath, [...(typescript ? [TSX_CLI] : []), file, ...args], {
    cwd: REPO_ROOT,
    encoding: 'utf8',
    timeout: 30_000,
  });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

const windows = readWorkflow('windows.yml');
const linux = readWorkflow('linux.yml');

describe('the Windows workflow', () => {
  it('runs every job on windows-latest with Node 22 after npm ci, on each push and pull request', () => {
    expect(Object.keys(windows.on)).toEqual(expect.arrayContaining(['push', 'pull_request']));
    expect(windows.permissions).toEqual({ contents: 'read' });
    expect(Object.keys(windows.jobs)).toEqual(['test', 'live', 'electron', 'dist']);
    for (const each of Object.values(windows.jobs)) {
      expect(each['runs-on']).toBe('windows-latest');
      expect(step(each, /^Keep LF/).run).toBe('git config --global core.autocrlf false');
      const checkout = each.steps.findIndex((candidate) => candidate.uses?.startsWith('actions/checkout@'));
      expect(checkout).toBeGreaterThan(indexOf(each, /^Keep LF/));
      const setupNode = each.steps.find((candidate) => candidate.uses?.startsWith('actions/setup-node@'));
      expect(setupNode?.with?.['node-version']).toBe('22');
      expect(runOf(each, 'Install')).toBe('npm ci --no-audit --no-fund');
    }
  });

  it('runs npm test with the runner’s Chrome for the browser tests', () => {
    const test = step(job(windows, 'test'), 'npm test');
    expect(test.run).toBe('npm test');
    expect(test.env?.CHROMIUM_PATH).toBe('C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe');
  });

  it('captures the runner live, checks the capture and asserts the workgroup verdict', () => {
    const live = job(windows, 'live');
    expect(runOf(live, 'Capture this runner live')).toBe('npm run -s doctor -- capture --out capture.json');
    expect(runOf(live, 'Check the capture')).toContain(
      'npm run -s doctor -- check --capture capture.json --json --out report.json',
    );
    const assert = scriptOf(live, /^Assert the verdict/);
    expect(assert.command).toBe('npx tsx "$RUNNER_TEMP/assert-live.mts" capture.json report.json');
    expect(indexOf(live, 'Capture this runner live')).toBeLessThan(indexOf(live, 'Check the capture'));
    expect(indexOf(live, 'Check the capture')).toBeLessThan(indexOf(live, /^Assert the verdict/));
    const upload = step(live, "Upload the runner's capture and report");
    expect(upload.uses).toMatch(/^actions\/upload-artifact@/);
    expect(upload.if).toBe('always()');
    expect(String(upload.with?.path).split('\n').filter(Boolean)).toEqual(['capture.json', 'report.json']);
  });

  it('runs the Electron end-to-end tests against the unfused build, with Electron downloaded first', () => {
    const electron = job(windows, 'electron');
    expect(runOf(electron, "Download Electron's binary")).toBe('npx install-electron');
    expect(runOf(electron, 'Build the unfused test app')).toBe('npm run build');
    const tests = step(electron, 'Electron end-to-end tests');
    expect(tests.run).toBe('npx playwright test -c playwright.electron.config.ts');
    expect(tests.env?.WHFB_EXPECTED_ROOT_CAUSE).toBe('join-state');
    expect(indexOf(electron, "Download Electron's binary")).toBeLessThan(
      indexOf(electron, 'Electron end-to-end tests'),
    );
    expect(indexOf(electron, 'Build the unfused test app')).toBeLessThan(
      indexOf(electron, 'Electron end-to-end tests'),
    );
  });

  it('builds the portable exe and the NSIS installer, uploads both, reads the fuses back', () => {
    const dist = job(windows, 'dist');
    expect(runOf(dist, 'Build the portable exe and the NSIS installer')).toBe('npm run dist:win');
    const fuses = scriptOf(dist, "Read the packaged app's fuses back");
    expect(fuses.text).toContain('getCurrentFuseWire');
    expect(fuses.command).toBe(
      'npx tsx "$RUNNER_TEMP/read-fuses.mts" "out/WHfB Doctor-win32-x64/whfb-doctor.exe"',
    );
    for (const [name, artifact, files] of [
      ['Upload the portable exe', 'portable-exe', 'dist/*-portable.exe'],
      ['Upload the NSIS installer', 'nsis-installer', 'dist/*-setup.exe'],
    ] as const) {
      const upload = step(dist, name);
      expect(upload.uses).toMatch(/^actions\/upload-artifact@/);
      expect(upload.with).toMatchObject({ name: artifact, path: files, 'if-no-files-found': 'error' });
      expect(indexOf(dist, name)).toBeGreaterThan(
        indexOf(dist, 'Build the portable exe and the NSIS installer'),
      );
    }
  });

  it('starts the portable exe with --headless --out and reads the report (marked as needing --headless)', () => {
    const dist = job(windows, 'dist');
    const headless = step(dist, /^Headless run of the portable exe/);
    expect(headless.name).toContain('needs --headless');
    expect(headless.run).toContain('timeout 300 "$exe" --headless --out "$out"');
    expect(scriptOf(dist, /^Headless run/).command).toBe(
      'node "$RUNNER_TEMP/read-headless-report.mjs" "$out" "$status"',
    );
  });
});

describe('the Linux workflow', () => {
  it('runs .ci/run on Debian 12 with Node 22, as the development machines do', () => {
    const ci = job(linux, 'ci');
    expect(ci['runs-on']).toBe('ubuntu-latest');
    expect(ci.container).toBe('node:22-bookworm');
    expect(runOf(ci, '.ci/run')).toBe('bash .ci/run');
  });

  it('audits the runtime dependencies against the public registry, failing from moderate up', () => {
    expect(Object.keys(linux.jobs)).toEqual(['ci', 'audit']);
    const audit = job(linux, 'audit');
    expect(audit['runs-on']).toBe('ubuntu-latest');
    expect(audit.container).toBe('node:22-bookworm');
    const checkout = audit.steps.findIndex((candidate) => candidate.uses?.startsWith('actions/checkout@'));
    expect(checkout).toBe(0);
    const step = audit.steps.find((candidate) => candidate.name === 'npm audit --omit=dev');
    expect(step?.run).toBe('npm audit --omit=dev --audit-level=moderate');
    expect(audit.steps.indexOf(step as Step)).toBeGreaterThan(checkout);
    // Nothing points npm at another registry or lets the step fail quietly.
    expect(step?.env).toBeUndefined();
    expect(step?.if).toBeUndefined();
    const raw = readFileSync(path.join(REPO_ROOT, '.github/workflows/linux.yml'), 'utf8');
    expect(raw).not.toMatch(/continue-on-error|--registry|npm_config_registry|\|\|\s*true/i);
  });
});

/** A workgroup machine as the live host would capture it: not joined, no AD domain, no share. */
function workgroupCapture(): Capture {
  const base = loadScenario('healthy-hybrid');
  const probes: Partial<Record<ProbeId, ProbeResult>> = { ...base.probes };
  delete probes['entra-kerberos-server-admin'];
  const dsregcmd = probes['dsregcmd-status'];
  if (!dsregcmd) throw new Error('the scenario has no dsregcmd output');
  probes['dsregcmd-status'] = {
    ...dsregcmd,
    stdout: dsregcmd.stdout.replace(/(AzureAdJoined|DomainJoined) : YES/g, '$1 : NO'),
  };
  for (const spec of PROBE_CATALOG) {
    if (spec.skipReason === undefined) continue;
    probes[spec.id] = {
      command: [],
      exitCode: null,
      stdout: '',
      stderr: '',
      durationMs: 0,
      error: `skipped: ${spec.skipReason}`,
    };
  }
  const { inputs: _inputs, ...rest } = base;
  return { ...rest, probes };
}

function withProbe(capture: Capture, id: ProbeId, change: Partial<ProbeResult>): Capture {
  const result = capture.probes[id];
  if (!result) throw new Error(`no ${id}`);
  return { ...capture, probes: { ...capture.probes, [id]: { ...result, ...change } } };
}

/** Runs `check` in process with the arguments of the workflow's step, files moved to a temp folder. */
async function checkAsTheWorkflowDoes(capture: Capture): Promise<{ code: number; report: string }> {
  const line = runOf(job(windows, 'live'), 'Check the capture')
    .split('\n')
    .find((candidate) => candidate.startsWith('npm run -s doctor -- check'));
  const args = (line ?? '')
    .replace(/\s*\|\|.*$/, '')
    .split(' ')
    .slice(5);
  const dir = tempDir();
  const inDir = args.map((arg) => (arg.endsWith('.json') ? path.join(dir, arg) : arg));
  writeFileSync(path.join(dir, 'capture.json'), JSON.stringify(capture));
  const quiet = () => undefined;
  const code = await runCli(inDir, { stdout: quiet, stderr: quiet, isTty: false, env: {} });
  return { code, report: path.join(dir, 'report.json') };
}

describe('the script that asserts the live result', () => {
  const assert = scriptOf(job(windows, 'live'), /^Assert the verdict/);
  const capture = workgroupCapture();
  let report = '';

  beforeAll(async () => {
    const checked = await checkAsTheWorkflowDoes(capture);
    // 1: a check failed, which the step requires.
    expect(checked.code).toBe(1);
    report = checked.report;
  });

  const run = (changed: Capture, reportFile = report) =>
    runScript(assert, [writeTemp('capture.json', JSON.stringify(changed)), reportFile]);

  it('passes a workgroup machine whose probes all ran or skipped for want of a domain', () => {
    const result = run(capture);
    expect(result.output).toContain('Verdict: Broken link: The device is not joined to Microsoft Entra ID.');
    expect(result.status, result.output).toBe(0);
  });

  it('fails on a probe that timed out', () => {
    const result = run(withProbe(capture, 'klist-tickets', { error: 'timeout', durationMs: 15_000 }));
    expect(result.output).toContain('klist-tickets: timed out');
    expect(result.status).toBe(1);
  });

  it('fails on a probe error that is not one of the catalog’s skips', () => {
    const notFound = run(withProbe(capture, 'whoami-user', { error: 'not-found', exitCode: null }));
    expect(notFound.output).toContain('whoami-user: not-found');
    expect(notFound.status).toBe(1);
    const wrongSkip = run(withProbe(capture, 'os-version', { error: 'skipped: its inputs are missing' }));
    expect(wrongSkip.output).toContain('os-version: skipped: its inputs are missing');
    expect(wrongSkip.status).toBe(1);
  });

  it('fails on output that was not decoded, and on a probe missing from the capture', () => {
    const nul = run(withProbe(capture, 'dsregcmd-status', { stdout: 'A\u0000z\u0000u\u0000r\u0000e\u0000' }));
    expect(nul.output).toContain('dsregcmd-status: stdout has NUL');
    expect(nul.status).toBe(1);
    const { 'certutil-user-store': _gone, ...fewer } = capture.probes;
    const missing = run({ ...capture, probes: fewer });
    expect(missing.output).toContain('certutil-user-store: not in the capture');
    expect(missing.status).toBe(1);
  });

  it('fails when the root cause is not join-state', async () => {
    const joined = await checkAsTheWorkflowDoes(loadScenario('password-sign-in'));
    const result = run(capture, joined.report);
    expect(result.output).toMatch(/root cause: (?!join-state)/);
    expect(result.status).toBe(1);
  });
});

// The fuse wire as Electron embeds it: the sentinel, the wire's version and length, one byte per fuse.
const FUSE_SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
const FUSE_COUNT = Object.keys(FuseV1Options).filter((key) => Number.isNaN(Number(key))).length;

describe('the script that reads the fuses back', () => {
  const read = scriptOf(job(windows, 'dist'), "Read the packaged app's fuses back");
  const forgeFuses = () => {
    const plugin = forgeConfig.plugins?.find((candidate) => 'fusesConfig' in candidate);
    if (!plugin || !('fusesConfig' in plugin)) throw new Error('forge.config.ts has no FusesPlugin');
    return plugin.fusesConfig as Parameters<typeof flipFuses>[1];
  };
  const fakeExe = () =>
    writeTemp(
      'whfb-doctor.exe',
      Buffer.concat([
        Buffer.alloc(256, 0x90),
        Buffer.from(FUSE_SENTINEL),
        Buffer.from([1, FUSE_COUNT]),
        Buffer.alloc(FUSE_COUNT, '1'),
        Buffer.alloc(256, 0x90),
      ]),
    );

  it('passes an exe whose fuses are those forge.config.ts flips', async () => {
    const exe = fakeExe();
    await flipFuses(exe, forgeFuses());
    const result = runScript(read, [exe]);
    expect(result.output).toContain('ok   RunAsNode: off (forge.config.ts: off)');
    expect(result.output).toContain('ok   EnableNodeCliInspectArguments: off');
    expect(result.status, result.output).toBe(0);
  });

  it('fails on an exe with a fuse left as Electron ships it', async () => {
    const exe = fakeExe();
    await flipFuses(exe, { ...forgeFuses(), [FuseV1Options.EnableNodeCliInspectArguments]: true });
    const result = runScript(read, [exe]);
    expect(result.output).toContain('FAIL EnableNodeCliInspectArguments: on (forge.config.ts: off)');
    expect(result.status).toBe(1);
  });
});

describe('the script that reads the headless report', () => {
  const read = scriptOf(job(windows, 'dist'), /^Headless run/);
  let liveReport = '';

  beforeAll(async () => {
    const checked = await checkAsTheWorkflowDoes(workgroupCapture());
    const report = z.record(z.string(), z.unknown()).parse(JSON.parse(readFileSync(checked.report, 'utf8')));
    liveReport = writeTemp('headless-report.json', JSON.stringify({ ...report, source: { kind: 'live' } }));
  });

  it('passes a versioned live report naming join-state, with exit code 1', () => {
    const result = runScript(read, [liveReport, '1']);
    expect(result.output).toContain('whfb-doctor/report v1: Broken link');
    expect(result.status, result.output).toBe(0);
  });

  it('fails without a report, on another exit code, or on another format', () => {
    expect(runScript(read, [path.join(tempDir(), 'none.json'), '0']).output).toContain('no report at');
    const zero = runScript(read, [liveReport, '0']);
    expect(zero.output).toContain('exit code 0, expected 1');
    expect(zero.status).toBe(1);
    const capture = writeTemp('capture.json', JSON.stringify(workgroupCapture()));
    const wrong = runScript(read, [capture, '1']);
    expect(wrong.output).toContain(
      'format whfb-doctor/capture version 1, expected whfb-doctor/report version 1',
    );
    expect(wrong.status).toBe(1);
  });
});
