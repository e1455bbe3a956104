// The capture format v1, defined once: the zod schemas below, and the types derived from them
// (ProbeResult, CaptureInputs, Capture; re-exported by types.ts).
import { z } from 'zod';
import { PROBE_IDS, type ProbeOutputs } from './types';

export const CAPTURE_FORMAT = 'whfb-doctor/capture';
export const CAPTURE_VERSION = 1;

/** Raw output of one probe: exactly what a capture stores. */
const probeResultSchema = z.object({
  /** argv as run, first element the executable's file name (no directory). */
  command: z.array(z.string()),
  exitCode: z.number().int().nullable(),
  stdout: z.string(),
  stderr: z.string(),
  durationMs: z.number().nonnegative(),
  /** null, or why the probe produced no usable output ('timeout', 'not-found', 'access-denied', ...). */
  error: z.string().nullable(),
});
export type ProbeResult = z.infer<typeof probeResultSchema>;

const captureInputsSchema = z.object({
  share: z.string().optional(),
  /** Days after which the Entra Kerberos server key counts as due for rotation (default 180). */
  keyMaxAgeDays: z.number().int().positive().optional(),
});
export type CaptureInputs = z.infer<typeof captureInputsSchema>;

const probeIdSchema = z.enum(PROBE_IDS);

// Unknown probe ids from newer versions are kept out, not rejected: "more probes may be added".
export const captureSchema = z.object({
  format: z.literal(CAPTURE_FORMAT),
  version: z.literal(CAPTURE_VERSION),
  capturedAt: z.string(),
  tool: z.object({ name: z.string(), version: z.string() }),
  inputs: captureInputsSchema.optional(),
  probes: z.record(z.string(), probeResultSchema),
});

export function isProbeId(id: string): id is z.infer<typeof probeIdSchema> {
  return probeIdSchema.safeParse(id).success;
}

/** A capture as the schema reads it: probes under any id. */
export type CaptureShape = z.infer<typeof captureSchema>;
/** A capture as the engine uses it: probes under known ids only (toCapture). */
export type Capture = Omit<CaptureShape, 'probes'> & { probes: ProbeOutputs };

/** Keeps only known probe ids; the rest of a newer capture is ignored, not an error. */
export function toCapture(shape: CaptureShape): Capture {
  const probes: Capture['probes'] = {};
  for (const [id, result] of Object.entries(shape.probes)) {
    if (isProbeId(id)) probes[id] = result;
  }
  return { ...shape, probes };
}
