import { access, constants } from 'node:fs/promises';
import path from 'node:path';
import type { ProbeId, ProbeResult } from '@contract/types';
import { execa, type Options, type Result, type ResultPromise } from 'execa';
import { type CappedOutput, collectCapped } from './capped-output';
import { decodeOutput, FALLBACK_CODE_PAGE } from './decode-output';
import { killWindowsTree } from './kill-process-tree';
import { raceDeadline } from './race-deadline';
import { resolveSystem32 } from './system-paths';

export const DEFAULT_TIMEOUT_MS = 15_000;
export const DEFAULT_MAX_BUFFER_BYTES = 8 * 1024 * 1024;
/** After the polite stop (SIGTERM on Unix), how long the process tree gets before SIGKILL. */
const FORCE_KILL_AFTER_MS = 1_000;
/** After the tool exits, how long its pipes may stay open and silent before they are closed. */
const PIPE_GRACE_MS = 500;
const MAX_MESSAGE_LENGTH = 200;

export interface CommandRequest {
  /** Absolute path of the executable; anything else is refused before spawning. */
  file: string;
  args: readonly string[];
  timeoutMs?: number;
  /** OEM code page used to decode output that is neither UTF-16LE nor BOM-marked UTF-8. */
  codePage?: number;
  /** Bytes kept per stream (stdout, stderr); past it the tree is stopped and the result says so. */
  maxBufferBytes?: number;
  /** Working directory of the process; it is never searched for the executable. */
  cwd?: string;
  /** The probe this call serves, when it serves one (for replays and progress). */
  probeId?: ProbeId;
}

/** Runs one process. Implementations never throw: failures are in ProbeResult.error. */
export type CommandRunner = (request: CommandRequest) => Promise<ProbeResult>;

/**
 * A path that cannot be resolved against the working folder or PATH. On Windows only a
 * drive-rooted path counts: "\Windows\..." would depend on the current drive.
 */
export function isAbsoluteExecutablePath(
  file: string,
  platform: NodeJS.Platform = process.platform,
): boolean {
  if (file === '' || file.includes('\0')) return false;
  if (platform === 'win32') return /^[A-Za-z]:\\/.test(file) && path.win32.isAbsolute(file);
  return path.posix.isAbsolute(file);
}

function commandOf(request: CommandRequest): string[] {
  // win32.basename splits on both separators, so it also names stub paths on Linux.
  return [path.win32.basename(request.file), ...request.args];
}

function failure(request: CommandRequest, error: string, startedAt: number): ProbeResult {
  return {
    command: commandOf(request),
    exitCode: null,
    stdout: '',
    stderr: '',
    durationMs: Math.round(performance.now() - startedAt),
    error,
  };
}

function shortMessage(message: string | undefined): string {
  const firstLine = (message ?? 'unknown error').split(/\r?\n/)[0] ?? 'unknown error';
  return firstLine.length > MAX_MESSAGE_LENGTH ? `${firstLine.slice(0, MAX_MESSAGE_LENGTH)}…` : firstLine;
}

function errorFromCode(code: string | undefined): ProbeResult['error'] | undefined {
  if (code === 'ENOENT') return 'not-found';
  if (code === 'EACCES' || code === 'EPERM') return 'access-denied';
  return undefined;
}

async function exists(file: string): Promise<boolean> {
  try {
    await access(file, constants.F_OK);
    return true;
  } catch {
    return false;
  }
}

const IS_WINDOWS = process.platform === 'win32';
const MAX_TIMEOUT_MS = 2 ** 31 - 1;

const EXECA_OPTIONS = {
  shell: false,
  windowsHide: true,
  encoding: 'buffer',
  reject: false,
  stdin: 'ignore',
  stdout: 'pipe',
  stderr: 'pipe',
  // Output is read by collectCapped, so the cap holds and partial output survives a stop.
  buffer: false,
  stripFinalNewline: false,
  preferLocal: false,
  killSignal: 'SIGTERM',
  forceKillAfterDelay: FORCE_KILL_AFTER_MS,
  // On Unix every kill reaches the whole tree (its own process group). On Windows the tree
  // is ended by killWindowsTree instead: execa's own taskkill is not started hidden.
  killDescendants: !IS_WINDOWS,
  // Also kill the process when the app itself exits.
  cleanup: true,
} as const satisfies Options;

type Subprocess = ResultPromise<typeof EXECA_OPTIONS>;

/**
 * Ends the process and everything it started. Windows: taskkill /T /F first, while the
 * process still lives (taskkill finds the descendants through it), then the process itself.
 * Unix: the process group gets SIGTERM, and SIGKILL a moment later if it is still there.
 */
async function stopTree(subprocess: Subprocess): Promise<void> {
  if (IS_WINDOWS) {
    await killWindowsTree(subprocess.pid, resolveSystem32({ env: process.env, platform: 'win32' }));
  }
  subprocess.kill();
}

interface Outcome {
  /** execa's result; undefined when the backstop gave up waiting for it. */
  result: Result<typeof EXECA_OPTIONS> | undefined;
  timedOut: boolean;
}

/**
 * Waits for the process, but only so long. At the timeout the whole tree is stopped. A
 * descendant can keep stdout open after the tool exits (or after the kill, when it left
 * the tree): once the tool has exited and the pipes have been quiet for PIPE_GRACE_MS,
 * whatever is left of the tree is killed and the pipes are closed from this side. And
 * whatever happens, the wait ends at the backstop (timeout + force-kill delay + grace): a
 * process that cannot even be killed is left behind rather than holding the app.
 */
async function settle(
  subprocess: Subprocess,
  outputs: readonly CappedOutput[],
  timeoutMs: number,
): Promise<Outcome> {
  const streams = [subprocess.stdout, subprocess.stderr];
  const seen = (): number => outputs.reduce((sum, output) => sum + output.seen, 0);
  let timedOut = false;
  let quietTimer: NodeJS.Timeout | undefined;
  const deadline = setTimeout(() => {
    timedOut = true;
    void stopTree(subprocess);
  }, timeoutMs);
  const stopReading = (): void => {
    // After the exit only a Unix process group can still be signalled; on Windows this is a no-op.
    subprocess.kill('SIGKILL');
    for (const stream of streams) stream.destroy();
  };
  const watchPipes = (lastSeen: number): void => {
    quietTimer = setTimeout(() => {
      if (seen() === lastSeen) stopReading();
      else watchPipes(seen());
    }, PIPE_GRACE_MS);
  };
  subprocess.nodeChildProcess.once('exit', () => watchPipes(seen()));
  try {
    const result = await raceDeadline<Outcome['result'], undefined>(
      subprocess,
      timeoutMs + FORCE_KILL_AFTER_MS + PIPE_GRACE_MS,
      () => {
        stopReading();
        return undefined;
      },
    );
    return { result, timedOut: timedOut || result === undefined };
  } finally {
    clearTimeout(deadline);
    clearTimeout(quietTimer);
  }
}

function classify(
  outcome: Outcome,
  outputs: readonly CappedOutput[],
  maxBufferBytes: number,
): ProbeResult['error'] {
  const { result } = outcome;
  if (outcome.timedOut || result === undefined) return 'timeout';
  if (outputs.some((output) => output.cut)) {
    return `output larger than ${maxBufferBytes} bytes; only the first ${maxBufferBytes} were kept`;
  }
  if (result.failed && (result.exitCode ?? null) === null) {
    return (
      errorFromCode(result.code) ??
      (result.signal ? `killed by ${result.signal}` : shortMessage(result.shortMessage))
    );
  }
  return null;
}

/**
 * The one place that starts processes. No shell (arguments reach the process exactly as
 * given), no PATH or working-folder lookup (absolute path only), a timeout that ends the
 * whole process tree and the wait, a cap on output, and output decoded from the console's
 * code page.
 */
export async function runCommand(request: CommandRequest): Promise<ProbeResult> {
  const startedAt = performance.now();
  if (!isAbsoluteExecutablePath(request.file)) {
    return failure(request, 'refused: executable path is not absolute', startedAt);
  }
  const timeoutMs = request.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  if (!Number.isInteger(timeoutMs) || timeoutMs < 1 || timeoutMs > MAX_TIMEOUT_MS) {
    return failure(
      request,
      `refused: the timeout must be a whole number of milliseconds (got ${timeoutMs})`,
      startedAt,
    );
  }
  if (!(await exists(request.file))) return failure(request, 'not-found', startedAt);

  const codePage = request.codePage ?? FALLBACK_CODE_PAGE;
  const maxBufferBytes = request.maxBufferBytes ?? DEFAULT_MAX_BUFFER_BYTES;
  try {
    const subprocess = execa(request.file, [...request.args], {
      ...EXECA_OPTIONS,
      ...(request.cwd === undefined ? {} : { cwd: request.cwd }),
    });
    // Past the cap the tree is stopped: a flood is a fault, not output to read.
    const stopFlood = (): void => {
      void stopTree(subprocess);
    };
    const outputs = [
      collectCapped(subprocess.stdout, maxBufferBytes, stopFlood),
      collectCapped(subprocess.stderr, maxBufferBytes, stopFlood),
    ] as const;
    const outcome = await settle(subprocess, outputs, timeoutMs);
    return {
      command: commandOf(request),
      // Without execa's result (the backstop gave up) the exit code is whatever Node saw, if any.
      exitCode: outcome.result ? (outcome.result.exitCode ?? null) : subprocess.nodeChildProcess.exitCode,
      stdout: decodeOutput(outputs[0].bytes(), codePage),
      stderr: decodeOutput(outputs[1].bytes(), codePage),
      durationMs: Math.round(performance.now() - startedAt),
      error: classify(outcome, outputs, maxBufferBytes),
    };
  } catch (caught) {
    // execa with reject: false resolves even on failure; this guards option/argument errors.
    const error = caught instanceof Error ? caught : new Error(String(caught));
    const code = (error as NodeJS.ErrnoException).code;
    return failure(request, errorFromCode(code) ?? shortMessage(error.message), startedAt);
  }
}
