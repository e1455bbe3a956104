import { z } from 'zod';
import { type Capture, PROBE_IDS } from './types';

export const CAPTURE_FORMAT = 'whfb-doctor/capture';
export const CAPTURE_VERSION = 1;
/** Real captures are a few hundred KB at most; anything far larger is not one of ours. */
export const MAX_CAPTURE_BYTES = 20 * 1024 * 1024;

const probeResultSchema = z.object({
  command: z.array(z.string()),
  exitCode: z.number().int().nullable(),
  stdout: z.string(),
  stderr: z.string(),
  durationMs: z.number().nonnegative(),
  error: z.string().nullable(),
});

const probeIdSchema = z.enum(PROBE_IDS);

// Unknown probe ids from newer versions are kept out, not rejected: "more probes may be added".
export const captureSchema = z.object({
  format: z.literal(CAPTURE_FORMAT),
  version: z.literal(CAPTURE_VERSION),
  capturedAt: z.string(),
  tool: z.object({ name: z.string(), version: z.string() }),
  inputs: z
    .object({ share: z.string().optional(), keyMaxAgeDays: z.number().int().positive().optional() })
    .optional(),
  probes: z.record(z.string(), probeResultSchema),
});

export function isProbeId(id: string): id is z.infer<typeof probeIdSchema> {
  return probeIdSchema.safeParse(id).success;
}

export type CaptureShape = z.infer<typeof captureSchema>;

/** Keeps only known probe ids; the rest of a newer capture is ignored, not an error. */
export function toCapture(shape: CaptureShape): Capture {
  const probes: Capture['probes'] = {};
  for (const [id, result] of Object.entries(shape.probes)) {
    if (isProbeId(id)) probes[id] = result;
  }
  return { ...shape, probes };
}
