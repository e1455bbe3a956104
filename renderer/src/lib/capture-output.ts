// Reads one probe's raw output from capture JSON. The report carries only the deciding lines;
// the full output lives in the capture, which the renderer keeps (or fetches) as text.
import type { ProbeId } from '../../../electron/engine/types';

export interface ProbeOutput {
  stdout: string;
  stderr: string;
  exitCode: number | null;
  error: string | null;
}

let memo: { text: string; probes: Record<string, unknown> | null } | null = null;

function probesOf(text: string): Record<string, unknown> | null {
  if (memo?.text === text) return memo.probes;
  let probes: Record<string, unknown> | null = null;
  try {
    const json: unknown = JSON.parse(text);
    if (isRecord(json) && isRecord(json.probes)) probes = json.probes;
  } catch {
    probes = null;
  }
  memo = { text, probes };
  return probes;
}

export function probeOutput(captureText: string, probeId: ProbeId): ProbeOutput | null {
  const probe = probesOf(captureText)?.[probeId];
  if (!isRecord(probe) || typeof probe.stdout !== 'string') return null;
  return {
    stdout: probe.stdout,
    stderr: typeof probe.stderr === 'string' ? probe.stderr : '',
    exitCode: typeof probe.exitCode === 'number' ? probe.exitCode : null,
    error: typeof probe.error === 'string' ? probe.error : null,
  };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
