// Fault injection for the command funnel: real processes (shell-script stubs named like the
// Windows tools) that hang, leave children holding the pipes, flood, are missing or denied,
// or print bytes that are not text. Each test asserts what the app would show.
import { chmod, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { ProbeResult } from '@contract/types';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeProbeError } from '../../../electron/engine/facts/fact-set';
import { runCommand } from '../../../electron/host/command-funnel';
import { isAlive, makeTempDir, removeDir, writeBytesStub, writeStub } from './stub-tools';

// Generous: the funnel promises timeout + about 1.5 s; a loaded machine gets the rest.
const SLACK_MS = 5_000;

let dir: string;
const leftovers: number[] = [];

beforeAll(async () => {
  dir = await makeTempDir('whfb-faults-');
});

afterAll(async () => {
  // Only processes these tests started on purpose outside the funnel's reach.
  for (const pid of leftovers) if (isAlive(pid)) process.kill(pid, 'SIGKILL');
  await removeDir(dir);
});

async function pidIn(name: string): Promise<number> {
  return Number((await readFile(path.join(dir, name), 'utf8')).trim());
}

/** Polls for a process to be gone: a SIGKILLed process is reaped a moment later. */
async function gone(pid: number, withinMs = 3_000): Promise<boolean> {
  const until = Date.now() + withinMs;
  while (isAlive(pid) && Date.now() < until) await new Promise((resolve) => setTimeout(resolve, 20));
  return !isAlive(pid);
}

async function timed(run: () => Promise<ProbeResult>): Promise<{ result: ProbeResult; wallMs: number }> {
  const startedAt = performance.now();
  const result = await run();
  return { result, wallMs: Math.round(performance.now() - startedAt) };
}

/** Runs a call while sampling this process's resident memory every few milliseconds. */
async function withPeakRss<T>(run: () => Promise<T>): Promise<{ value: T; growthBytes: number }> {
  const before = process.memoryUsage.rss();
  let peak = before;
  const sampler = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage.rss());
  }, 5);
  try {
    const value = await run();
    peak = Math.max(peak, process.memoryUsage.rss());
    return { value, growthBytes: peak - before };
  } finally {
    clearInterval(sampler);
  }
}

const MB = 1024 * 1024;

describe('a tool that hangs', () => {
  it('is stopped at the timeout and reported as such', async () => {
    const file = await writeStub(dir, 'hang.exe', `echo "$$" > '${dir}/hang.pid'\nexec sleep 60`);
    const { result, wallMs } = await timed(() => runCommand({ file, args: ['/status'], timeoutMs: 1_000 }));
    console.log(`hang: 1000 ms timeout returned after ${wallMs} ms (overshoot ${wallMs - 1_000} ms)`);
    expect(result.error).toBe('timeout');
    expect(describeProbeError(result)).toBe('hang.exe /status did not finish in time and was stopped');
    expect(wallMs).toBeLessThan(1_000 + SLACK_MS);
    expect(await gone(await pidIn('hang.pid'))).toBe(true);
  });
});

describe('a grandchild that holds the output pipes', () => {
  it('is killed with its parent at the timeout, and the call returns what was printed', async () => {
    // The tool prints, starts a background child that inherits stdout and stderr, and hangs.
    const file = await writeStub(
      dir,
      'parent-hangs.exe',
      [
        'echo "before the hang"',
        `sleep 100 & echo "$!" > '${dir}/grandchild-a.pid'`,
        `echo "$$" > '${dir}/parent-a.pid'`,
        'exec sleep 100',
      ].join('\n'),
    );
    const { result, wallMs } = await timed(() => runCommand({ file, args: [], timeoutMs: 1_000 }));
    console.log(
      `grandchild holding stdout: 1000 ms timeout returned after ${wallMs} ms (overshoot ${wallMs - 1_000} ms)`,
    );
    expect(result.error).toBe('timeout');
    expect(result.stdout).toBe('before the hang\n');
    expect(wallMs).toBeLessThan(1_000 + SLACK_MS);
    expect(await gone(await pidIn('parent-a.pid'))).toBe(true);
    expect(await gone(await pidIn('grandchild-a.pid'))).toBe(true);
  });

  it('does not keep the call waiting after the tool itself exits', async () => {
    // The tool finishes at once with exit code 0; its background child keeps stdout open.
    const file = await writeStub(
      dir,
      'parent-exits.exe',
      ['echo "done"', `sleep 100 & echo "$!" > '${dir}/grandchild-b.pid'`, 'exit 0'].join('\n'),
    );
    const { result, wallMs } = await timed(() => runCommand({ file, args: [], timeoutMs: 30_000 }));
    console.log(
      `grandchild holding stdout after a clean exit: returned after ${wallMs} ms (timeout 30000 ms)`,
    );
    expect(result).toMatchObject({ error: null, exitCode: 0, stdout: 'done\n' });
    expect(wallMs).toBeLessThan(SLACK_MS);
    expect(await gone(await pidIn('grandchild-b.pid'))).toBe(true);
  });

  it('is force-killed when it ignores the polite signal', async () => {
    const file = await writeStub(
      dir,
      'stubborn-grandchild.exe',
      [
        `sh -c 'trap "" TERM; echo "$$" > "${dir}/grandchild-c.pid"; while :; do sleep 1; done' &`,
        'sleep 0.2',
        'echo "waiting"',
        'exec sleep 100',
      ].join('\n'),
    );
    const { result, wallMs } = await timed(() => runCommand({ file, args: [], timeoutMs: 1_000 }));
    expect(result.error).toBe('timeout');
    expect(result.stdout).toBe('waiting\n');
    expect(wallMs).toBeLessThan(1_000 + SLACK_MS);
    expect(await gone(await pidIn('grandchild-c.pid'))).toBe(true);
  });

  it('still ends the call when a descendant left the process tree (its own session)', async () => {
    // setsid takes the grandchild out of the group the funnel kills. It cannot be reached,
    // but it cannot hold the call either: the funnel stops reading the pipes.
    const file = await writeStub(
      dir,
      'escapes.exe',
      [
        `setsid sh -c 'echo "$$" > "${dir}/escaped.pid"; exec sleep 100' &`,
        'sleep 0.2',
        'echo "x"',
        'exec sleep 100',
      ].join('\n'),
    );
    const { result, wallMs } = await timed(() => runCommand({ file, args: [], timeoutMs: 1_000 }));
    leftovers.push(await pidIn('escaped.pid'));
    console.log(`descendant outside the tree: 1000 ms timeout returned after ${wallMs} ms`);
    expect(result.error).toBe('timeout');
    expect(result.stdout).toBe('x\n');
    expect(wallMs).toBeLessThan(1_000 + SLACK_MS);
  });
});

describe('a tool whose descendant still writes after it exits', () => {
  it('keeps reading while output arrives, then stops once the pipes are quiet', async () => {
    const file = await writeStub(
      dir,
      'slow-child.exe',
      [
        `sh -c 'for i in 1 2 3 4 5; do echo "tick $i"; sleep 0.3; done; exec sleep 100' &`,
        `echo "$!" > '${dir}/slow-child.pid'`,
        'echo "parent done"',
        'exit 0',
      ].join('\n'),
    );
    const { result, wallMs } = await timed(() => runCommand({ file, args: [], timeoutMs: 30_000 }));
    expect(result.error).toBeNull();
    expect(result.exitCode).toBe(0);
    expect(result.stdout.split('\n').filter((line) => line.startsWith('tick'))).toEqual([
      'tick 1',
      'tick 2',
      'tick 3',
      'tick 4',
      'tick 5',
    ]);
    expect(result.stdout).toContain('parent done\n');
    expect(wallMs).toBeGreaterThanOrEqual(1_200);
    expect(wallMs).toBeLessThan(1_500 + SLACK_MS);
    expect(await gone(await pidIn('slow-child.pid'))).toBe(true);
  });
});

describe('a tool that crashes', () => {
  it('is reported as killed by the signal, with what it printed', async () => {
    const file = await writeStub(dir, 'crash.exe', 'echo "about to crash"\nkill -SEGV $$');
    const result = await runCommand({ file, args: [] });
    expect(result).toMatchObject({ exitCode: null, stdout: 'about to crash\n', error: 'killed by SIGSEGV' });
    expect(describeProbeError(result)).toBe('crash.exe failed: killed by SIGSEGV');
  });
});

describe('a tool that floods its output', () => {
  it('is stopped at the cap; the result keeps the first bytes and says it was cut', async () => {
    const file = await writeStub(dir, 'yes.exe', 'exec yes "flooding the console"');
    const { value: result, growthBytes } = await withPeakRss(() =>
      runCommand({ file, args: [], timeoutMs: 15_000 }),
    );
    console.log(
      `flood (default 8 MiB cap per stream): peak RSS growth ${(growthBytes / MB).toFixed(1)} MiB, ` +
        `${result.durationMs} ms, kept ${result.stdout.length} characters`,
    );
    expect(result.error).toBe(`output larger than ${8 * MB} bytes; only the first ${8 * MB} were kept`);
    expect(describeProbeError(result)).toMatch(/^yes\.exe failed: output larger than/);
    expect(result.stdout.length).toBe(8 * MB);
    expect(result.stdout.startsWith('flooding the console\nflooding the console\n')).toBe(true);
    expect(result.durationMs).toBeLessThan(15_000);
    expect(growthBytes).toBeLessThan(512 * MB);
  });

  it('force-kills a flood that ignores the polite stop, reading and dropping what comes meanwhile', async () => {
    // Up to 300 MB of "x" from processes that ignore SIGTERM (an ignored signal stays
    // ignored across exec): they write on, into a pipe that is still drained, until the
    // SIGKILL a second later.
    const file = await writeStub(
      dir,
      'deaf-flood.exe',
      `trap '' TERM\nhead -c 300000000 /dev/zero | tr '\\000' x\necho done >&2`,
    );
    const { value: result, growthBytes } = await withPeakRss(() =>
      runCommand({ file, args: [], timeoutMs: 15_000, maxBufferBytes: MB }),
    );
    console.log(
      `flood ignoring SIGTERM until the SIGKILL (1 MiB cap): peak RSS growth ${(growthBytes / MB).toFixed(1)} MiB, ` +
        `${result.durationMs} ms`,
    );
    expect(result.error).toBe(`output larger than ${MB} bytes; only the first ${MB} were kept`);
    expect(result.stdout).toBe('x'.repeat(MB));
    expect(result.durationMs).toBeLessThan(15_000);
    expect(growthBytes).toBeLessThan(256 * MB);
  });

  it('caps stderr the same way', async () => {
    const file = await writeStub(dir, 'err-flood.exe', 'exec yes "warning" >&2');
    const result = await runCommand({ file, args: [], maxBufferBytes: 64 * 1024 });
    expect(result.error).toMatch(/^output larger than 65536 bytes/);
    expect(result.stderr.length).toBe(64 * 1024);
    expect(result.stdout).toBe('');
  });
});

describe('a tool that cannot start', () => {
  it('is not-found when the file is missing', async () => {
    const result = await runCommand({ file: path.join(dir, 'absent', 'dsregcmd.exe'), args: ['/status'] });
    expect(result).toMatchObject({ error: 'not-found', exitCode: null, stdout: '', stderr: '' });
    expect(describeProbeError(result)).toBe('dsregcmd.exe /status is not on this device');
  });

  it('is not-found when the file is there but what it needs to run is not', async () => {
    // Like an executable whose loader or interpreter is gone: the spawn itself fails.
    const file = path.join(dir, 'broken.exe');
    await writeFile(file, '#!/nonexistent/interpreter\n');
    await chmod(file, 0o755);
    const result = await runCommand({ file, args: [] });
    expect(result).toMatchObject({ error: 'not-found', exitCode: null });
  });

  it('is access-denied when the file may not be executed', async () => {
    const file = await writeStub(dir, 'denied.exe', 'echo ran', 0o644);
    const result = await runCommand({ file, args: [] });
    expect(result).toMatchObject({ error: 'access-denied', exitCode: null, stdout: '' });
    expect(describeProbeError(result)).toBe('Windows refused to run denied.exe (access denied)');
  });

  it('is reported in one short line when the system refuses the command line (too long)', async () => {
    const file = await writeStub(dir, 'long-args.exe', 'echo ran');
    const result = await runCommand({ file, args: ['x'.repeat(1024 * 1024)] });
    expect(result.exitCode).toBeNull();
    expect(result.stdout).toBe('');
    expect(result.error).toMatch(/E2BIG/);
    expect(result.error?.includes('\n')).toBe(false);
    expect(result.error?.length).toBeLessThanOrEqual(201);
  });

  it('is access-denied when the path is a folder', async () => {
    const result = await runCommand({ file: dir, args: [] });
    expect(result).toMatchObject({ error: 'access-denied', exitCode: null });
  });
});

/** True when the string has no unpaired surrogate (encodeURIComponent throws on one). */
function isWellFormed(text: string): boolean {
  try {
    encodeURIComponent(text);
    return true;
  } catch {
    return false;
  }
}

describe('a tool that prints bytes that are not text', () => {
  it('decodes 0xFF 0xFE noise (a UTF-16 BOM followed by junk of odd length) without failing', async () => {
    const noise = Uint8Array.from([0xff, 0xfe, 0x00, 0xd8, 0xff, 0xfe, 0xfe, 0xff, 0x41, 0x00, 0xff]);
    const file = await writeBytesStub(dir, 'noise.exe', noise);
    const result = await runCommand({ file, args: [], codePage: 850 });
    expect(result.error).toBeNull();
    expect(result.exitCode).toBe(0);
    expect(isWellFormed(result.stdout)).toBe(true);
    // The lone high surrogate and the cut-off last byte each show as U+FFFD.
    expect(result.stdout).toBe('\uFFFD\uFEFF\uFFFEA\uFFFD');
  });

  it('replaces lone surrogates in UTF-16 output, keeps the valid pairs', async () => {
    const utf16 = (units: number[]): Buffer => {
      const bytes = Buffer.alloc(units.length * 2);
      units.forEach((unit, index) => {
        bytes.writeUInt16LE(unit, index * 2);
      });
      return bytes;
    };
    const withBom = await writeBytesStub(
      dir,
      'surrogates-bom.exe',
      utf16([0xfeff, 0x41, 0xdc00, 0x42, 0xd83d, 0xde00, 0xd800, 0x0d, 0x0a]),
    );
    const bomResult = await runCommand({ file: withBom, args: [], codePage: 437 });
    expect(bomResult.stdout).toBe('A\uFFFDB\u{1F600}\uFFFD\r\n');

    // Without a BOM: mostly ASCII, so recognised as UTF-16LE, with a pair cut in half.
    const text = [...'Event 358 was logged\r\n'].map((char) => char.charCodeAt(0));
    const noBom = await writeBytesStub(dir, 'surrogates.exe', utf16([...text, 0xd83d, ...text]));
    const result = await runCommand({ file: noBom, args: [], codePage: 850 });
    expect(result.stdout).toBe('Event 358 was logged\r\n\uFFFDEvent 358 was logged\r\n');
    expect(isWellFormed(result.stdout)).toBe(true);
  });

  it('decodes invalid UTF-8 under code page 65001 with replacement characters', async () => {
    const file = await writeBytesStub(
      dir,
      'bad-utf8.exe',
      Uint8Array.from([0x4f, 0x4b, 0xc3, 0x28, 0xe2, 0x82, 0x0a]),
    );
    const result = await runCommand({ file, args: [], codePage: 65001 });
    expect(result.error).toBeNull();
    expect(result.stdout).toMatch(/^OK\uFFFD\(\uFFFD+\n$/);
  });

  it('decodes random bytes in every code page the app may meet, on stdout and stderr', async () => {
    const random = Uint8Array.from({ length: 4096 }, (_, index) => (index * 7919 + 13) % 256);
    const file = await writeBytesStub(dir, 'random.exe', random);
    const noisyStderr = await writeStub(dir, 'random-err.exe', `cat '${file}.data' >&2\nexit 1`);
    for (const codePage of [437, 850, 866, 932, 936, 1252, 65001, 12345]) {
      for (const stub of [file, noisyStderr]) {
        const result = await runCommand({ file: stub, args: [], codePage });
        expect(result.stdout.length + result.stderr.length).toBeGreaterThan(0);
        expect(isWellFormed(result.stdout + result.stderr)).toBe(true);
      }
    }
  });
});
