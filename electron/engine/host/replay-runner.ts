import path from 'node:path';
import type { Capture, ProbeResult } from '../types';
import type { CommandRequest, CommandRunner } from './command-funnel';

/** Identifies a call by executable name and its first two arguments (enough to tell probes apart). */
function callKey(executable: string, args: readonly string[]): string {
  const name = path.win32.basename(path.posix.basename(executable)).toLowerCase();
  return [name, ...args.slice(0, 2)].join(' ');
}

/**
 * A CommandRunner that answers from a capture, waiting each probe's recorded durationMs
 * (scaled), so the live host's scheduling can be measured without Windows.
 */
export function createReplayRunner(capture: Capture, options: { timeScale?: number } = {}): CommandRunner {
  const scale = options.timeScale ?? 1;
  const recorded = new Map<string, ProbeResult>();
  for (const result of Object.values(capture.probes)) {
    const [executable, ...args] = result.command;
    if (executable) recorded.set(callKey(executable, args), result);
  }
  return async (request: CommandRequest) => {
    const result = recorded.get(callKey(request.file, request.args));
    if (!result) {
      const command = [path.posix.basename(request.file), ...request.args];
      return { command, exitCode: null, stdout: '', stderr: '', durationMs: 0, error: 'not-found' };
    }
    await new Promise((resolve) => setTimeout(resolve, result.durationMs * scale));
    return result;
  };
}
