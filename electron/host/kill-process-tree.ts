import { execa } from 'execa';
import { resolveSystemExecutable } from './system-paths';

/** taskkill answers in well under a second; a hung one must not hold the funnel. */
const TASKKILL_TIMEOUT_MS = 5_000;

/** /T: the process and every process it started; /F: without asking them to close. */
export function taskkillArgs(pid: number): string[] {
  return ['/T', '/F', '/PID', String(pid)];
}

/**
 * Ends a Windows process tree with System32's taskkill: by absolute path, no shell, and
 * hidden (a console tool started from the app without windowsHide flashes a console
 * window). It must run while the process still lives: taskkill finds the descendants
 * through their parent. True when taskkill reported success; never throws.
 */
export async function killWindowsTree(pid: number | undefined, system32: string | null): Promise<boolean> {
  if (system32 === null || pid === undefined || !Number.isInteger(pid) || pid <= 0) return false;
  const result = await execa(resolveSystemExecutable(system32, 'taskkill.exe'), taskkillArgs(pid), {
    shell: false,
    windowsHide: true,
    reject: false,
    stdio: 'ignore',
    preferLocal: false,
    timeout: TASKKILL_TIMEOUT_MS,
  });
  return result.exitCode === 0;
}
