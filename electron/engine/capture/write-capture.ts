import { CAPTURE_FORMAT, CAPTURE_VERSION } from '@contract/capture-schema';
import { TOOL_NAME, TOOL_VERSION } from '@contract/tool-version';
import type { Capture, CaptureInputs, ProbeOutputs } from '@contract/types';

export { TOOL_NAME, TOOL_VERSION };

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
