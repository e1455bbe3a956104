import path from 'node:path';
import type { Capture } from '@contract/types';
import type { CommandRequest, CommandRunner } from './command-funnel';

/**
 * A CommandRunner that answers each probe from a capture, waiting its recorded durationMs
 * (scaled), so the live host's scheduling can be measured and tested without Windows.
 */
export function createReplayRunner(capture: Capture, options: { timeScale?: number } = {}): CommandRunner {
  const scale = options.timeScale ?? 1;
  return async (request: CommandRequest) => {
    const result = request.probeId ? capture.probes[request.probeId] : undefined;
    if (!result || result.error?.startsWith('skipped')) {
      const command = [path.posix.basename(request.file), ...request.args];
      return { command, exitCode: null, stdout: '', stderr: '', durationMs: 0, error: 'not-found' };
    }
    await new Promise((resolve) => setTimeout(resolve, result.durationMs * scale));
    return result;
  };
}
