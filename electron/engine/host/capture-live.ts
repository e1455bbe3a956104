import { createCapture } from '../capture/write-capture';
import type { Capture, CaptureInputs } from '../types';
import { collectEvidence, isLiveHostSupported, type ProbeProgress } from './live-host';
import { resolveSystem32 } from './system-paths';

export type LiveCaptureResult = { ok: true; capture: Capture } | { ok: false; reason: string };

/** Runs every probe on this Windows device and returns the capture. Elsewhere says why it can't. */
export async function captureLive(
  inputs: CaptureInputs = {},
  onProgress?: (event: ProbeProgress) => void,
): Promise<LiveCaptureResult> {
  if (!isLiveHostSupported()) {
    return {
      ok: false,
      reason: `live checks need Windows (this is ${process.platform}); use --scenario NAME or --capture FILE`,
    };
  }
  const system32 = resolveSystem32({ env: process.env, platform: process.platform });
  if (!system32)
    return { ok: false, reason: 'the Windows System32 folder could not be found (SystemRoot is not set)' };
  const probes = await collectEvidence({ system32, inputs, ...(onProgress ? { onProgress } : {}) });
  return { ok: true, capture: createCapture(probes, inputs) };
}
