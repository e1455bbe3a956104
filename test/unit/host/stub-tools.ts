// Fake System32 folders of shell scripts named like the Windows tools, so the funnel runs
// real processes on Linux. Not a test file itself (no .test suffix).
import { readFileSync } from 'node:fs';
import { chmod, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

/** Prints each argument on its own line: proves the exact argv a process received. */
export const PRINT_ARGV = `for a in "$@"; do printf '%s\\n' "$a"; done`;

export async function makeTempDir(prefix = 'whfb-host-'): Promise<string> {
  return mkdtemp(path.join(tmpdir(), prefix));
}

export async function removeDir(dir: string): Promise<void> {
  await rm(dir, { recursive: true, force: true });
}

/** Writes an executable /bin/sh script at a System32-relative path ('WindowsPowerShell\\v1.0\\powershell.exe'). */
export async function writeStub(
  dir: string,
  relativePath: string,
  body: string,
  mode = 0o755,
): Promise<string> {
  const file = path.join(dir, ...relativePath.split('\\'));
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, `#!/bin/sh\n${body}\n`);
  await chmod(file, mode);
  return file;
}

/** A stub that writes fixed bytes (through a data file next to it) and exits 0. */
export async function writeBytesStub(dir: string, name: string, bytes: Uint8Array): Promise<string> {
  const dataFile = path.join(dir, `${name}.data`);
  await writeFile(dataFile, bytes);
  return writeStub(dir, name, `exec cat '${dataFile}'`);
}

/**
 * True while a process with this pid runs. A zombie (dead, not yet reaped: an orphan whose
 * new parent reaps late) answers signal 0 too, so /proc is asked where there is one.
 */
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  try {
    // The state is the field after the parenthesised command name: "123 (sleep) Z ...".
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
  } catch {
    return true;
  }
}
