import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';

// A pass-through spy on execa: proves which requests never reach a spawn.
const execaSpy = vi.hoisted(() => ({ calls: 0 }));
vi.mock('execa', async (importOriginal) => {
  const original = await importOriginal<typeof import('execa')>();
  return {
    ...original,
    execa: (...args: Parameters<typeof original.execa>) => {
      execaSpy.calls++;
      return original.execa(...args);
    },
  };
});

import { isAbsoluteExecutablePath, runCommand } from '../../../electron/host/command-funnel';
import { isAlive, makeTempDir, PRINT_ARGV, removeDir, writeBytesStub, writeStub } from './stub-tools';

let dir: string;

beforeAll(async () => {
  dir = await makeTempDir();
});

afterAll(async () => {
  await removeDir(dir);
});

beforeEach(() => {
  execaSpy.calls = 0;
});

describe('runCommand with real processes', () => {
  it('passes arguments with spaces, quotes and shell metacharacters intact, one each', async () => {
    const file = await writeStub(dir, 'argv.exe', PRINT_ARGV);
    const marker = path.join(dir, 'injected');
    const args = [
      'a b" & echo x',
      `$(touch ${marker})`,
      '`touch x`; rm -rf /nothing | cat',
      "'q'",
      '*',
      '',
      '%PATH%',
    ];
    const result = await runCommand({ file, args });
    expect(result.error).toBeNull();
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toBe(args.map((arg) => `${arg}\n`).join(''));
    expect(result.command).toEqual(['argv.exe', ...args]);
    expect(existsSync(marker)).toBe(false);
  });

  it('keeps the exit code and stderr of a failing tool, without calling it an error', async () => {
    const file = await writeStub(
      dir,
      'fails.exe',
      `echo 'partial out'\necho 'Error: 0x8007054b' >&2\nexit 3`,
    );
    const result = await runCommand({ file, args: ['/status'] });
    expect(result).toMatchObject({
      exitCode: 3,
      stdout: 'partial out\n',
      stderr: 'Error: 0x8007054b\n',
      error: null,
    });
  });

  it('kills a hanging tool at the timeout and keeps what it printed', async () => {
    const pidFile = path.join(dir, 'hang.pid');
    const file = await writeStub(dir, 'hang.exe', `echo "$$" > '${pidFile}'\necho started\nexec sleep 60`);
    const startedAt = Date.now();
    const result = await runCommand({ file, args: [], timeoutMs: 300 });
    expect(Date.now() - startedAt).toBeLessThan(3_000);
    expect(result.error).toBe('timeout');
    expect(result.exitCode).toBeNull();
    expect(result.stdout).toBe('started\n');
    expect(result.durationMs).toBeGreaterThanOrEqual(250);
    expect(isAlive(Number(await readFile(pidFile, 'utf8')))).toBe(false);
  });

  it('force-kills a tool that ignores the polite signal', async () => {
    const pidFile = path.join(dir, 'stubborn.pid');
    const file = await writeStub(
      dir,
      'stubborn.exe',
      `trap '' TERM\necho "$$" > '${pidFile}'\nexec sleep 60`,
    );
    const result = await runCommand({ file, args: [], timeoutMs: 300 });
    expect(result.error).toBe('timeout');
    expect(result.durationMs).toBeLessThan(6_000);
    expect(isAlive(Number(await readFile(pidFile, 'utf8')))).toBe(false);
  });

  it('reports a missing executable as not-found without spawning', async () => {
    const result = await runCommand({ file: path.join(dir, 'nltest.exe'), args: ['/dsgetdc:contoso.com'] });
    expect(result).toMatchObject({
      error: 'not-found',
      exitCode: null,
      command: ['nltest.exe', '/dsgetdc:contoso.com'],
    });
    expect(execaSpy.calls).toBe(0);
  });

  it('refuses relative executable paths before spawning', async () => {
    for (const file of ['klist.exe', './klist.exe', 'sub/klist.exe', '']) {
      const result = await runCommand({ file, args: [], cwd: dir });
      expect(result.error).toMatch(/^refused/);
      expect(result.exitCode).toBeNull();
    }
    expect(execaSpy.calls).toBe(0);
  });

  it('reports a file it may not execute as access-denied', async () => {
    const file = await writeStub(dir, 'noexec.exe', 'echo ran', 0o644);
    const result = await runCommand({ file, args: [] });
    expect(result.error).toBe('access-denied');
    expect(result.exitCode).toBeNull();
  });

  it('refuses an impossible timeout before spawning', async () => {
    const file = await writeStub(dir, 'never.exe', 'echo ran');
    for (const timeoutMs of [1.5, 0, -1, Number.NaN, 2 ** 31]) {
      const result = await runCommand({ file, args: [], timeoutMs });
      expect(result.error).toMatch(/^refused: the timeout must be a whole number of milliseconds/);
      expect(result.exitCode).toBeNull();
    }
    expect(execaSpy.calls).toBe(0);
  });

  it('stops a tool whose output exceeds the cap', async () => {
    const file = await writeStub(dir, 'flood.exe', 'exec yes flooding');
    const result = await runCommand({ file, args: [], maxBufferBytes: 4096 });
    expect(result.error).toMatch(/^output larger than 4096 bytes/);
  });

  it('measures the duration', async () => {
    const file = await writeStub(dir, 'slow.exe', 'sleep 0.2');
    const result = await runCommand({ file, args: [] });
    expect(result.error).toBeNull();
    expect(result.durationMs).toBeGreaterThanOrEqual(180);
  });
});

describe('runCommand decoding', () => {
  // "Répertoire" as a French console writes it when piped: OEM code page 850, é = 0x82.
  const cp850 = Uint8Array.from([0x52, 0x82, 0x70, 0x65, 0x72, 0x74, 0x6f, 0x69, 0x72, 0x65, 0x0d, 0x0a]);

  it('decodes OEM code page 850 output', async () => {
    const file = await writeBytesStub(dir, 'cp850.exe', cp850);
    const result = await runCommand({ file, args: [], codePage: 850 });
    expect(result.stdout).toBe('Répertoire\r\n');
  });

  it('shows why the code page matters: the same bytes as 1252 are garbage', () => {
    expect(iconv.decode(Buffer.from(cp850), 'cp1252')).toBe('R‚pertoire\r\n');
    // And the reverse mistake gives the sample's "RÚpertoire".
    expect(iconv.decode(iconv.encode('Répertoire', 'cp1252'), 'cp850')).toBe('RÚpertoire');
  });

  it('decodes UTF-16LE with a BOM', async () => {
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Événement 358\r\n', 'utf16le')]);
    const file = await writeBytesStub(dir, 'utf16bom.exe', bytes);
    const result = await runCommand({ file, args: [], codePage: 850 });
    expect(result.stdout).toBe('Événement 358\r\n');
  });

  it('decodes UTF-16LE without a BOM', async () => {
    const file = await writeBytesStub(
      dir,
      'utf16.exe',
      Buffer.from('<Events><Event/></Events>\r\n', 'utf16le'),
    );
    const result = await runCommand({ file, args: [], codePage: 437 });
    expect(result.stdout).toBe('<Events><Event/></Events>\r\n');
  });

  it('decodes stderr the same way', async () => {
    const file = await writeStub(dir, 'stderr850.exe', `printf 'Acc\\212s refus\\202\\n' >&2\nexit 5`);
    const result = await runCommand({ file, args: [], codePage: 850 });
    expect(result).toMatchObject({ exitCode: 5, stderr: 'Accès refusé\n', error: null });
  });
});

describe('isAbsoluteExecutablePath', () => {
  it('accepts only drive-rooted paths on Windows', () => {
    expect(isAbsoluteExecutablePath('C:\\Windows\\System32\\klist.exe', 'win32')).toBe(true);
    expect(isAbsoluteExecutablePath('\\Windows\\System32\\klist.exe', 'win32')).toBe(false);
    expect(isAbsoluteExecutablePath('klist.exe', 'win32')).toBe(false);
    expect(isAbsoluteExecutablePath('C:klist.exe', 'win32')).toBe(false);
    expect(isAbsoluteExecutablePath('.\\klist.exe', 'win32')).toBe(false);
  });

  it('accepts only absolute paths elsewhere, and never a NUL', () => {
    expect(isAbsoluteExecutablePath('/tmp/klist.exe', 'linux')).toBe(true);
    expect(isAbsoluteExecutablePath('klist.exe', 'linux')).toBe(false);
    expect(isAbsoluteExecutablePath('/tmp/klist.exe\0x', 'linux')).toBe(false);
  });
});
