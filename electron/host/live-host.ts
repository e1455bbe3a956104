import type { Capture, CaptureInputs, ProbeId, ProbeOutputs } from '@contract/types';
import { createCapture } from '../engine/capture/write-capture';
import { collectProbeOutputs, isLiveHostSupported, type ProbeProgress } from './collect-probe-outputs';
import { type CommandRunner, runCommand } from './command-funnel';
import type { HostEnvironment } from './read-instant-context';
import { readOemCodePage } from './read-oem-code-page';
import { resolveSystem32 } from './system-paths';

/** Everything the app does on the real device, behind one object so it can be swapped in tests. */
export interface LiveHost {
  system32: string;
  runner: CommandRunner;
  /** Runs every probe and returns the capture. */
  captureAll(inputs: CaptureInputs, onProgress?: (event: ProbeProgress) => void): Promise<Capture>;
  /** Runs some probes again (and those they need). */
  collect(probes: readonly ProbeId[], inputs: CaptureInputs): Promise<ProbeOutputs>;
}

export type LiveHostResult = { ok: true; host: LiveHost } | { ok: false; reason: string };

/** The live host of this Windows device, or why there is none. */
export function openLiveHost(): LiveHostResult {
  if (!isLiveHostSupported()) {
    return {
      ok: false,
      reason: `live checks need Windows (this is ${process.platform}); use --scenario NAME or --capture FILE`,
    };
  }
  const system32 = resolveSystem32({ env: process.env, platform: process.platform });
  if (!system32)
    return { ok: false, reason: 'the Windows System32 folder could not be found (SystemRoot is not set)' };
  return { ok: true, host: liveHostAt(system32, runCommand, process.env) };
}

/**
 * A live host over a given System32 folder and runner (tests pass stub folders). The
 * environment is this process's own (the main process's, never the renderer's): the sign-in
 * domain in it lets the domain queries start without waiting for dsregcmd.
 */
export function liveHostAt(
  system32: string,
  runner: CommandRunner,
  environment: HostEnvironment = {},
): LiveHost {
  // The OEM code page does not change while the app runs: read it once, while the first run
  // reads the registry's domain.
  let codePage: Promise<number> | undefined;
  const collect = (options: Parameters<typeof collectProbeOutputs>[0]) => {
    codePage ??= readOemCodePage({ system32, runner });
    return collectProbeOutputs({ ...options, codePage, environment });
  };
  return {
    system32,
    runner,
    async captureAll(inputs, onProgress) {
      const probes = await collect({ system32, runner, inputs, ...(onProgress ? { onProgress } : {}) });
      return createCapture(probes, inputs);
    },
    collect: (probes, inputs) => collect({ system32, runner, inputs, probes }),
  };
}
