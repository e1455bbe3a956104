import type { Capture, CaptureInputs } from '@contract/types';
import type { ProbeProgress } from './collect-probe-outputs';
import { openLiveHost } from './live-host';

export type LiveCaptureResult = { ok: true; capture: Capture } | { ok: false; reason: string };

/** Runs every probe on this Windows device and returns the capture. Elsewhere says why it can't. */
export async function captureLive(
  inputs: CaptureInputs = {},
  onProgress?: (event: ProbeProgress) => void,
): Promise<LiveCaptureResult> {
  const live = openLiveHost();
  if (!live.ok) return live;
  return { ok: true, capture: await live.host.captureAll(inputs, onProgress) };
}
