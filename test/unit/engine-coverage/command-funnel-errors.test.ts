// How the one place that starts processes reports what went wrong, with real processes on
// Linux (stub scripts): a probe result with an error, never an exception.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCommand } from '../../../electron/host/command-funnel';
import { makeTempDir, removeDir, writeStub } from '../host/stub-tools';

let dir: string;
beforeAll(async () => {
  dir = await makeTempDir('whfb-funnel-');
});
afterAll(async () => {
  await removeDir(dir);
});

describe('runCommand failures', () => {
  it('says access denied when the file may not be run', async () => {
    const file = await writeStub(dir, 'locked.exe', 'echo never', 0o644);
    const result = await runCommand({ file, args: [] });
    expect(result).toMatchObject({ command: ['locked.exe'], exitCode: null, error: 'access-denied' });
  });

  it('says which signal killed a process', async () => {
    const file = await writeStub(dir, 'crash.exe', 'kill -KILL $$');
    const result = await runCommand({ file, args: ['/status'] });
    expect(result).toMatchObject({
      command: ['crash.exe', '/status'],
      exitCode: null,
      error: 'killed by SIGKILL',
    });
  });

  it('keeps an exit code with its output: a failing command is not a probe error', async () => {
    const file = await writeStub(
      dir,
      'reg.exe',
      "echo 'ERROR: The system was unable to find the specified registry key or value.' >&2; exit 1",
    );
    const result = await runCommand({ file, args: ['query', 'HKCU\\Nothing'] });
    expect(result).toMatchObject({ exitCode: 1, error: null });
    expect(result.stderr).toMatch(/unable to find/);
  });

  it('turns a request the process library refuses into a one-line error', async () => {
    const file = await writeStub(dir, 'ok.exe', 'exit 0');
    const result = await runCommand({ file, args: [], timeoutMs: -1 });
    expect(result.exitCode).toBeNull();
    expect(result.error).toMatch(/timeout/i);
    expect(result.error).not.toContain('\n');
  });
});
