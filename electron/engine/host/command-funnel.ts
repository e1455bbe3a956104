import { access, constants } from 'node:fs/promises';
import path from 'node:path';
import { execa } from 'execa';
import type { ProbeId, ProbeResult } from '../types';
import { decodeOutput, FALLBACK_CODE_PAGE } from './decode-output';

export const DEFAULT_TIMEOUT_MS = 15_000;
export const DEFAULT_MAX_BUFFER_BYTES = 8 * 1024 * 1024;
/** After the timeout's SIGTERM, how long a process gets before SIGKILL. */
const FORCE_KILL_AFTER_MS = 2_000;
const MAX_MESSAGE_LENGTH = 200;

export interface CommandRequest {
  /** Absolute path of the executable; anything else is refused before spawning. */
  file: string;
  args: readonly string[];
  timeoutMs?: number;
  /** OEM code page used to decode output that is neither UTF-16LE nor BOM-marked UTF-8. */
  codePage?: number;
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

function bytesOf(output: unknown): Uint8Array {
  return output instanceof Uint8Array ? output : new Uint8Array(0);
}

/**
 * The one place that starts processes. No shell (arguments reach the process exactly as
 * given), no PATH or working-folder lookup (absolute path only), a timeout that kills, a
 * cap on output, and output decoded from the console's code page.
 */
export async function runCommand(request: CommandRequest): Promise<ProbeResult> {
  const startedAt = performance.now();
  if (!isAbsoluteExecutablePath(request.file)) {
    return failure(request, 'refused: executable path is not absolute', startedAt);
  }
  if (!(await exists(request.file))) return failure(request, 'not-found', startedAt);

  const codePage = request.codePage ?? FALLBACK_CODE_PAGE;
  const maxBufferBytes = request.maxBufferBytes ?? DEFAULT_MAX_BUFFER_BYTES;
  try {
    const result = await execa(request.file, [...request.args], {
      shell: false,
      windowsHide: true,
      encoding: 'buffer',
      reject: false,
      stdin: 'ignore',
      stripFinalNewline: false,
      preferLocal: false,
      timeout: request.timeoutMs ?? DEFAULT_TIMEOUT_MS,
      killSignal: 'SIGTERM',
      forceKillAfterDelay: FORCE_KILL_AFTER_MS,
      maxBuffer: maxBufferBytes,
      ...(request.cwd === undefined ? {} : { cwd: request.cwd }),
    });
    const stdout = decodeOutput(bytesOf(result.stdout), codePage);
    const stderr = decodeOutput(bytesOf(result.stderr), codePage);
    const durationMs = Math.round(performance.now() - startedAt);
    const exitCode = result.exitCode ?? null;
    let error: ProbeResult['error'] = null;
    if (result.timedOut) error = 'timeout';
    else if (result.isMaxBuffer) error = `output larger than ${maxBufferBytes} bytes`;
    else if (result.failed && exitCode === null) {
      error =
        errorFromCode(result.code) ??
        (result.signal ? `killed by ${result.signal}` : shortMessage(result.shortMessage));
    }
    return { command: commandOf(request), exitCode, stdout, stderr, durationMs, error };
  } catch (caught) {
    // execa with reject: false resolves even on failure; this guards option/argument errors.
    const error = caught instanceof Error ? caught : new Error(String(caught));
    const code = (error as NodeJS.ErrnoException).code;
    return failure(request, errorFromCode(code) ?? shortMessage(error.message), startedAt);
  }
}
