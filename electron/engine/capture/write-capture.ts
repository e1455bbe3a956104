import { CAPTURE_FORMAT, CAPTURE_VERSION } from '@contract/capture-schema';
import type { Capture, CaptureInputs, ProbeOutputs } from '@contract/types';

export const TOOL_NAME = 'whfb-doctor';
export const TOOL_VERSION = '0.1.0';

export function createCapture(
  probes: ProbeOutputs,
  inputs?: CaptureInputs,
  capturedAt = new Date(),
): Capture {
  return {
    format: CAPTURE_FORMAT,
    version: CAPTURE_VERSION,
    capturedAt: capturedAt.toISOString(),
    tool: { name: TOOL_NAME, version: TOOL_VERSION },
    ...(inputs && Object.keys(inputs).length > 0 ? { inputs } : {}),
    probes,
  };
}

/** Pretty-printed, so a capture can be read and diffed by people too. */
export function serializeCapture(capture: Capture): string {
  return `${JSON.stringify(capture, null, 2)}\n`;
}
