import { type Capture, PROBE_IDS, type ProbeOutputs, type ProbeResult } from '@contract/types';
import { createRedactor, type Redactor } from './redactor';

// Probe errors the capture format names; anything else is a message that may quote a path.
const ERROR_CODES = new Set(['timeout', 'not-found', 'access-denied']);

/**
 * The capture with user, computer, domain and tenant names, ids, SIDs, addresses and share
 * paths replaced in every probe's command, output and error and in its inputs. It parses and
 * diagnoses to the same statuses as the original.
 */
export function redactCapture(capture: Capture, redactor: Redactor = createRedactor()): Capture {
  learnFromCapture(capture, redactor);
  const redacted: ProbeOutputs = {};
  for (const [id, probe] of Object.entries(capture.probes) as [keyof ProbeOutputs, ProbeResult][]) {
    redacted[id] = redactProbe(probe, redactor);
  }
  const inputs = capture.inputs
    ? {
        ...capture.inputs,
        ...(capture.inputs.share === undefined
          ? {}
          : { share: redactor.redact(capture.inputs.share, { prose: true }) }),
      }
    : undefined;
  return { ...capture, ...(inputs ? { inputs } : {}), probes: redacted };
}

/**
 * Learns every name a capture's outputs give away. Before redacting the report of a capture,
 * let its redactor learn the capture: a summary can quote a name (an AD site) that only the
 * full output of a probe labels.
 */
export function learnFromCapture(capture: Capture, redactor: Redactor): void {
  // In the catalog's order, so the numbering does not depend on the file's key order.
  for (const id of PROBE_IDS) {
    const probe = capture.probes[id];
    if (!probe) continue;
    for (const text of [...probe.command, probe.stdout, probe.stderr, probe.error ?? ''])
      redactor.learn(text);
  }
  if (capture.inputs?.share) redactor.learn(capture.inputs.share);
}

function redactProbe(probe: ProbeResult, redactor: Redactor): ProbeResult {
  return {
    ...probe,
    command: probe.command.map((arg) => redactor.redact(arg, { prose: true })),
    stdout: redactor.redact(probe.stdout),
    stderr: redactor.redact(probe.stderr),
    error:
      probe.error === null || ERROR_CODES.has(probe.error)
        ? probe.error
        : redactor.redact(probe.error, { prose: true }),
  };
}
