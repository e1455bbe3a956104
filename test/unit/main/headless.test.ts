// The packaged app's headless mode: its arguments, a run on a stand-in live host (a practice
// scenario), the files it writes (JSON, gzipped, redacted, capture only), the summary line, the
// CLI's exit codes, and main.ts taking the headless path without a window or the instance lock.

import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { MAX_SUMMARY_LINE_CHARS } from '@contract/fleet-summary';
import type { Capture } from '@contract/types';
import Ajv2020 from 'ajv/dist/2020';
import { build } from 'vite';
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { EXIT_CHECK_FAILED, EXIT_NOTHING_CHECKED, EXIT_OK, EXIT_USAGE } from '../../../electron/cli/cli';
import { readCapture } from '../../../electron/engine/capture/read-capture';
import { loadScenario } from '../../../electron/engine/scenarios/scenario-catalog';
import schema from '../../../electron/fleet/fleet-summary.schema.json';
import { writeFileAtomic } from '../../../electron/host/files/atomic-write';
import {
  HEADLESS_EXIT,
  type HeadlessRequest,
  headlessArgs,
  runHeadless,
  startHeadless,
} from '../../../electron/main/headless';
import { becomeReady, FakeBrowserWindow, resetElectronMock, state } from './electron-mock';

vi.mock('electron', () => import('./electron-mock').then((m) => m.electronModule));

const validateRow = new Ajv2020({ allErrors: true, strict: true }).compile(schema);
const dirs: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'whfb-headless-'));
  dirs.push(dir);
  return dir;
}
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

describe('headless arguments', () => {
  it('are absent on a normal start', () => {
    expect(headlessArgs([])).toEqual({ headless: false });
    expect(headlessArgs(['--out', 'x.json'])).toEqual({ headless: false });
  });

  it('read --out, --redact, --capture-only and a checked --share', () => {
    expect(
      headlessArgs([
        '--headless',
        '--out',
        '\\\\srv\\drop\\PC-1-alice.json.gz',
        '--redact',
        '--share',
        '\\\\fs01\\data',
      ]),
    ).toEqual({
      headless: true,
      ok: true,
      request: {
        out: '\\\\srv\\drop\\PC-1-alice.json.gz',
        redact: true,
        captureOnly: false,
        inputs: { share: '\\\\fs01\\data' },
      },
    });
    const only = headlessArgs(['--headless', '--capture-only', '--out', 'c.json']);
    expect(only).toMatchObject({ ok: true, request: { captureOnly: true, redact: false, inputs: {} } });
  });

  it.each([
    [['--headless'], /needs --out FILE/],
    [['--headless', '--out', ''], /needs --out FILE/],
    [['--headless', '--out', 'x.json', '--colour'], /Unknown option '--colour'/],
    [['--headless', '--out', 'x.json', 'stray'], /positional/i],
    [['--headless', '--out', 'x.json', '--share', 'C:\\not-unc'], /^--share: /],
  ])('refuse %j with a reason', (args, reason) => {
    const parsed = headlessArgs(args);
    expect(parsed).toMatchObject({ headless: true, ok: false });
    expect(parsed.headless && !parsed.ok ? parsed.reason : '').toMatch(reason);
  });

  it('exit with the command line codes', () => {
    expect(HEADLESS_EXIT).toEqual({
      ok: EXIT_OK,
      checkFailed: EXIT_CHECK_FAILED,
      usage: EXIT_USAGE,
      nothingChecked: EXIT_NOTHING_CHECKED,
    });
  });
});

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

async function headlessRun(
  capture: Capture | string,
  request: Partial<HeadlessRequest> & { out: string },
): Promise<Run> {
  let stdout = '';
  let stderr = '';
  const code = await runHeadless(
    { redact: false, captureOnly: false, inputs: {}, ...request },
    {
      captureLive: async () =>
        typeof capture === 'string' ? { ok: false, reason: capture } : { ok: true, capture },
      writeFile: writeFileAtomic,
      stdout: (text) => {
        stdout += text;
      },
      stderr: (text) => {
        stderr += text;
      },
    },
  );
  return { code, stdout, stderr };
}

function summaryOf(run: Run): Record<string, unknown> {
  const lines = run.stdout.split('\n').filter(Boolean);
  expect(lines).toHaveLength(1);
  const line = lines[0] ?? '';
  expect(line.length).toBeLessThan(MAX_SUMMARY_LINE_CHARS);
  const row = JSON.parse(line) as Record<string, unknown>;
  expect(validateRow(row) ? [] : validateRow.errors).toEqual([]);
  return row;
}

describe('a headless run', () => {
  it('writes the report as JSON, prints the summary row and exits 0 when nothing failed', async () => {
    const out = path.join(tempDir(), 'PC-0142-alice.json');
    const run = await headlessRun(loadScenario('healthy-hybrid'), { out });
    expect(run).toMatchObject({ code: HEADLESS_EXIT.ok, stderr: '' });
    const report = JSON.parse(readFileSync(out, 'utf8'));
    expect(report).toMatchObject({ format: 'whfb-doctor/report', version: 1, source: { kind: 'live' } });
    expect(summaryOf(run)).toMatchObject({
      deviceId: '8d2f6c41-3b7e-4a90-b1c5-6e0d9a27f318',
      deviceName: 'PC-0142.corp.contoso.com',
      user: 'contoso\\alice',
      osBuild: '22631.4460',
      joinType: 'hybrid',
      trustModel: 'cloud-kerberos-trust',
      status: 'pass',
      rootCause: null,
      source: 'live',
      path: out,
      files: 1,
    });
  });

  it('gzips a .json.gz file and exits 1 when a check failed', async () => {
    const out = path.join(tempDir(), 'PC-0142-alice.json.gz');
    const run = await headlessRun(loadScenario('certificate-trust-enabled'), { out });
    expect(run.code).toBe(HEADLESS_EXIT.checkFailed);
    const report = JSON.parse(gunzipSync(readFileSync(out)).toString('utf8'));
    expect(report.headline.status).toBe('fail');
    expect(summaryOf(run)).toMatchObject({ status: 'fail', rootCause: report.headline.checkId });
  });

  it('exits 3 when nothing could be checked', async () => {
    const empty: Capture = { ...loadScenario('healthy-hybrid'), probes: {} };
    const run = await headlessRun(empty, { out: path.join(tempDir(), 'empty.json') });
    expect(run.code).toBe(HEADLESS_EXIT.nothingChecked);
    expect(summaryOf(run)).toMatchObject({ deviceId: null, trustModel: 'unknown', status: 'unknown' });
  });

  it('redacts the report and the summary row alike', async () => {
    const out = path.join(tempDir(), 'redacted.json');
    const run = await headlessRun(loadScenario('healthy-hybrid'), { out, redact: true });
    expect(run.code).toBe(HEADLESS_EXIT.ok);
    const text = readFileSync(out, 'utf8');
    const row = summaryOf(run);
    for (const secret of ['alice', 'contoso', 'PC-0142', '8d2f6c41']) {
      expect(text.toLowerCase()).not.toContain(secret.toLowerCase());
      expect(JSON.stringify(row).toLowerCase()).not.toContain(secret.toLowerCase());
    }
    expect(row.deviceId).toMatch(/^dddddddd-0000-0000-0000-\d{12}$/);
    // The row names the device as the report does.
    expect(row.deviceName).toBe(JSON.parse(text).device.name);
    expect(row.trustModel).toBe('cloud-kerberos-trust');
  });

  it('with --capture-only saves a capture that reads back, redacted when asked', async () => {
    const out = path.join(tempDir(), 'capture.json');
    const run = await headlessRun(loadScenario('expired-prt'), { out, captureOnly: true, redact: true });
    expect(run.code).toBe(HEADLESS_EXIT.ok);
    const read = readCapture(readFileSync(out, 'utf8'));
    expect(read.ok).toBe(true);
    expect(readFileSync(out, 'utf8')).not.toContain('alice');
    expect(summaryOf(run)).toMatchObject({ status: 'fail', deviceId: expect.stringMatching(/^dddddddd-/) });
  });

  it('exits 2 with one line when there is no live host or the file cannot be written', async () => {
    const noHost = await headlessRun('live checks need Windows (this is linux)', { out: 'x.json' });
    expect(noHost).toEqual({
      code: HEADLESS_EXIT.usage,
      stdout: '',
      stderr: 'whfb-doctor: live checks need Windows (this is linux)\n',
    });
    const missing = path.join(tempDir(), 'no-such-folder', 'x.json');
    const unwritable = await headlessRun(loadScenario('healthy-hybrid'), { out: missing });
    expect(unwritable.code).toBe(HEADLESS_EXIT.usage);
    expect(unwritable.stdout).toBe('');
    expect(unwritable.stderr).toMatch(/^whfb-doctor: --out: .*no such folder\n$/);
  });
});

describe('startHeadless', () => {
  it('flushes the output before the app exits with the code, and turns a crash into exit 2', async () => {
    const exit = vi.fn();
    const write = vi.spyOn(process.stdout, 'write').mockImplementation(((
      _text: string,
      done?: () => void,
    ) => {
      done?.();
      return true;
    }) as typeof process.stdout.write);
    const writeErr = vi.spyOn(process.stderr, 'write').mockImplementation(((
      _text: string,
      done?: () => void,
    ) => {
      done?.();
      return true;
    }) as typeof process.stderr.write);
    try {
      await startHeadless(
        { exit },
        {
          headless: true,
          ok: true,
          request: { out: 'x.json', redact: false, captureOnly: false, inputs: {} },
        },
        {
          captureLive: async () => {
            throw new Error('boom\nsecond line');
          },
          writeFile: writeFileAtomic,
        },
      );
      expect(exit).toHaveBeenCalledWith(HEADLESS_EXIT.usage);
      expect(writeErr).toHaveBeenCalledWith('whfb-doctor: boom second line\n', expect.any(Function));

      await startHeadless(
        { exit },
        { headless: true, ok: false, reason: '--headless needs --out FILE' },
        {
          captureLive: async () => ({ ok: false, reason: 'unused' }),
          writeFile: writeFileAtomic,
        },
      );
      expect(exit).toHaveBeenLastCalledWith(HEADLESS_EXIT.usage);
      expect(write).not.toHaveBeenCalled();
    } finally {
      write.mockRestore();
      writeErr.mockRestore();
    }
  });
});

describe('main.ts with --headless', () => {
  const argv = process.argv;
  beforeEach(() => {
    resetElectronMock();
    vi.resetModules();
  });
  afterEach(() => {
    process.argv = argv;
    vi.doUnmock('../../../electron/host/capture-live');
  });

  async function startMain(args: string[]): Promise<ReturnType<typeof vi.fn>> {
    const exit = vi.fn();
    Object.assign(state.app, { exit });
    process.argv = [process.execPath, ...args];
    await import('../../../electron/main');
    await vi.waitFor(() => expect(exit).toHaveBeenCalled());
    return exit;
  }

  it('opens no window, takes no single-instance lock and exits with the run code', async () => {
    const out = path.join(tempDir(), 'PC-0142-alice.json.gz');
    vi.doMock('../../../electron/host/capture-live', () => ({
      captureLive: async () => ({ ok: true, capture: loadScenario('healthy-hybrid') }),
    }));
    const write = vi.spyOn(process.stdout, 'write').mockImplementation(((
      _text: string,
      done?: () => void,
    ) => {
      done?.();
      return true;
    }) as typeof process.stdout.write);
    try {
      const exit = await startMain(['--headless', '--out', out]);
      expect(exit).toHaveBeenCalledWith(HEADLESS_EXIT.ok);
      expect(write.mock.calls[0]?.[0]).toMatch(/^\{"format":"whfb-doctor\/fleet-summary"/);
    } finally {
      write.mockRestore();
    }
    await becomeReady();
    expect(state.app.requestSingleInstanceLock).not.toHaveBeenCalled();
    expect(state.app.enableSandbox).not.toHaveBeenCalled();
    expect(FakeBrowserWindow.instances).toHaveLength(0);
    expect(JSON.parse(gunzipSync(readFileSync(out)).toString('utf8')).format).toBe('whfb-doctor/report');
  });

  it('exits 2 on a bad invocation', async () => {
    const writeErr = vi.spyOn(process.stderr, 'write').mockImplementation(((
      _t: string,
      done?: () => void,
    ) => {
      done?.();
      return true;
    }) as typeof process.stderr.write);
    try {
      const exit = await startMain(['--headless']);
      expect(exit).toHaveBeenCalledWith(HEADLESS_EXIT.usage);
      expect(writeErr).toHaveBeenCalledWith(
        'whfb-doctor: --headless needs --out FILE\n',
        expect.any(Function),
      );
    } finally {
      writeErr.mockRestore();
    }
    expect(state.app.requestSingleInstanceLock).not.toHaveBeenCalled();
  });
});

describe('the built main bundle with --headless', () => {
  const repo = fileURLToPath(new URL('../../../', import.meta.url));

  it('runs headless in plain Node with a stand-in electron: no window, one reason, exit 2 off Windows; a debugging switch refused first', async () => {
    const dir = tempDir();
    await build({
      configFile: path.join(repo, 'electron/vite.config.ts'),
      root: repo,
      logLevel: 'silent',
      build: { outDir: dir },
    });
    // The smallest electron that main.ts can start with: app.exit ends the process with the code.
    const driver = path.join(dir, 'driver.cjs');
    writeFileSync(
      driver,
      `const Module = require('node:module');
const noop = () => {};
const electron = {
  app: { isPackaged: true, on: noop, whenReady: () => new Promise(noop), quit: noop,
    requestSingleInstanceLock: () => { throw new Error('lock taken'); },
    enableSandbox: () => { throw new Error('sandbox'); }, exit: (code) => process.exit(code),
    commandLine: { hasSwitch: () => false } },
  BrowserWindow: class { constructor() { throw new Error('window opened'); } },
  ipcMain: {}, session: {}, protocol: { registerSchemesAsPrivileged: () => { throw new Error('scheme'); } },
  shell: {}, Menu: {}, dialog: {}, nativeTheme: {},
};
const load = Module._load;
Module._load = function (request, ...rest) {
  return request === 'electron' ? electron : load.call(this, request, ...rest);
};
process.argv = [process.argv[0], '--headless', '--out', ${JSON.stringify(path.join(dir, 'out.json'))}, ...process.argv.slice(2)];
require(${JSON.stringify(path.join(dir, 'main.cjs'))});
`,
    );
    const run = (...extra: string[]): { status: number | null; stderr: string; stdout: string } => {
      try {
        const stdout = execFileSync(process.execPath, [driver, ...extra], {
          encoding: 'utf8',
          timeout: 60_000,
          stdio: 'pipe',
        });
        return { status: 0, stdout, stderr: '' };
      } catch (error) {
        const failed = error as { status: number | null; stderr: string; stdout: string };
        return { status: failed.status, stdout: String(failed.stdout), stderr: String(failed.stderr) };
      }
    };
    // A debugging switch ends the bundle before anything runs, on every platform.
    expect(run('--remote-debugging-port=9222')).toEqual({
      status: HEADLESS_EXIT.usage,
      stdout: '',
      stderr: expect.stringMatching(/^WHfB Doctor does not start with --remote-debugging-port: .*\n$/),
    });
    expect(existsSync(path.join(dir, 'out.json'))).toBe(false);
    const result = run();
    if (process.platform === 'win32') return;
    expect(result).toEqual({
      status: HEADLESS_EXIT.usage,
      stdout: '',
      stderr: expect.stringMatching(/^whfb-doctor: live checks need Windows .*\n$/),
    });
  }, 120_000);
});
