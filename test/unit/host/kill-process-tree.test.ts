// The Windows side of ending a process tree, run against a stand-in taskkill.exe: the stub
// records the argv it got and ends the process tree it names, as the real one does.
import { spawn } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { killWindowsTree, taskkillArgs } from '../../../electron/host/kill-process-tree';
import { isAlive, makeTempDir, PRINT_ARGV, removeDir, writeStub } from './stub-tools';

let system32: string;

beforeAll(async () => {
  system32 = await makeTempDir('whfb-taskkill-');
});

afterAll(async () => {
  await removeDir(system32);
});

async function gone(pid: number): Promise<boolean> {
  const until = Date.now() + 3_000;
  while (isAlive(pid) && Date.now() < until) await new Promise((resolve) => setTimeout(resolve, 20));
  return !isAlive(pid);
}

describe('killWindowsTree', () => {
  it('runs System32\\taskkill.exe /T /F /PID <pid> and reports success', async () => {
    const log = path.join(system32, 'taskkill.argv');
    await writeStub(system32, 'taskkill.exe', `(${PRINT_ARGV}) > '${log}'\nkill -9 "-$4"`);
    // A process with a child, in its own group, like the tree of a tool that timed out.
    const tree = spawn('/bin/sh', ['-c', 'sleep 100 & exec sleep 100'], { detached: true, stdio: 'ignore' });
    const pid = tree.pid ?? 0;
    expect(await killWindowsTree(pid, system32)).toBe(true);
    expect((await readFile(log, 'utf8')).split('\n').slice(0, 4)).toEqual(['/T', '/F', '/PID', String(pid)]);
    expect(await gone(pid)).toBe(true);
  });

  it('reports failure when taskkill does (the process was already gone)', async () => {
    await writeStub(system32, 'taskkill.exe', 'echo "ERROR: The process was not found." >&2\nexit 128');
    expect(await killWindowsTree(4242, system32)).toBe(false);
  });

  it('runs nothing without a System32 folder or a usable pid', async () => {
    const marker = path.join(system32, 'ran');
    await writeStub(system32, 'taskkill.exe', `touch '${marker}'`);
    expect(await killWindowsTree(4242, null)).toBe(false);
    expect(await killWindowsTree(undefined, system32)).toBe(false);
    expect(await killWindowsTree(0, system32)).toBe(false);
    expect(await killWindowsTree(-1, system32)).toBe(false);
    await expect(readFile(marker)).rejects.toThrow();
  });

  it('reports failure when taskkill.exe is missing', async () => {
    expect(await killWindowsTree(4242, path.join(system32, 'absent'))).toBe(false);
  });

  it('builds the argument list without any shell quoting', () => {
    expect(taskkillArgs(1234)).toEqual(['/T', '/F', '/PID', '1234']);
  });
});
