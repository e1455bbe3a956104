// The IPC contract between the renderer and main (or the browser preview's HTTP server):
// each method's argument schema and result type. Pure: no Node or Electron imports, so the
// renderer can import its types.

import { z } from 'zod';
import type { ApiMethod } from './api-channels';
import type { FixAttempt } from './fix-attempt';
import type { FixInfo } from './fix-info';
import type { FixStep } from './fix-step';
import type { FleetSummaryRow } from './fleet-summary';
import {
  MAX_ADMIN_OUTPUT_CHARS,
  MAX_CAPTURE_BYTES,
  MAX_FILE_NAME_CHARS,
  MAX_FLEET_CHARS_PER_CALL,
  MAX_FLEET_FILES_PER_CALL,
} from './limits';
import type { Report } from './report-types';
import { type PracticeInfo, SIGN_OUT_AND_IN } from './scenario-actions';
import { CHECK_IDS, type CheckId, FIX_IDS, type FixId, PROBE_IDS, type ProbeId } from './types';

export const runRequestSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('live'), share: z.string().max(300).optional() }),
  z.object({ kind: z.literal('scenario'), name: z.string().min(1).max(100) }),
  z.object({
    kind: z.literal('capture'),
    fileName: z.string().max(MAX_FILE_NAME_CHARS),
    text: z.string().max(MAX_CAPTURE_BYTES),
  }),
]);
export type RunRequest = z.infer<typeof runRequestSchema>;

export const rerunRequestSchema = z.object({ checkId: z.enum(CHECK_IDS).optional() });
export type RerunRequest = z.infer<typeof rerunRequestSchema>;

export const fixRequestSchema = z.object({
  action: z.union([z.enum(FIX_IDS), z.literal(SIGN_OUT_AND_IN)]),
  /** The person's explicit acknowledgement, naming the user, for a destructive fix. */
  confirmation: z.object({ acknowledged: z.boolean(), userName: z.string().max(256) }).optional(),
});
export type FixRequest = z.infer<typeof fixRequestSchema>;

/** Output an administrator pasted (Get-AzureADKerberosServer), added to the open session as the output of the entra-kerberos-server-admin probe. */
export const adminOutputSchema = z.object({ text: z.string().max(MAX_ADMIN_OUTPUT_CHARS) });
export type AdminOutputRequest = z.infer<typeof adminOutputSchema>;

/** "Show full output": one probe's raw output, read from the open session. */
export const probeOutputRequestSchema = z.strictObject({ probeId: z.enum(PROBE_IDS) });
export type ProbeOutputRequest = z.infer<typeof probeOutputRequestSchema>;

/** What "Export…" hands on: a report in one of three formats, the ticket summary, or the capture. */
export const EXPORT_KINDS = ['html', 'markdown', 'json', 'summary', 'capture'] as const;
export type ExportKind = (typeof EXPORT_KINDS)[number];

// Strict: an unknown field is a mistake or a probe, never something to ignore.
export const exportRequestSchema = z.strictObject({ kind: z.enum(EXPORT_KINDS), redact: z.boolean() });
export type ExportRequest = z.infer<typeof exportRequestSchema>;

/** Files the fleet view read, to be summarised one row each; the open session is left alone. */
export const summarizeFilesSchema = z.object({
  files: z
    .array(
      z.object({ fileName: z.string().max(MAX_FILE_NAME_CHARS), text: z.string().max(MAX_CAPTURE_BYTES) }),
    )
    .min(1)
    .max(MAX_FLEET_FILES_PER_CALL)
    .refine((files) => files.reduce((sum, file) => sum + file.text.length, 0) <= MAX_FLEET_CHARS_PER_CALL, {
      message: `more than ${MAX_FLEET_CHARS_PER_CALL} characters in one call`,
    }),
});
export type SummarizeFilesRequest = z.infer<typeof summarizeFilesSchema>;

/** A report file of the fleet, shown as a read-only checklist; the open session is left alone. */
export const openReportSchema = z.object({
  fileName: z.string().max(MAX_FILE_NAME_CHARS),
  text: z.string().max(MAX_CAPTURE_BYTES),
});
export type OpenReportRequest = z.infer<typeof openReportSchema>;

export const API_ARGUMENTS = {
  getAppInfo: z.tuple([]),
  runChecklist: z.tuple([runRequestSchema]),
  rerun: z.tuple([rerunRequestSchema]),
  exportCapture: z.tuple([]),
  exportDocument: z.tuple([exportRequestSchema]),
  runFix: z.tuple([fixRequestSchema]),
  attachAdminOutput: z.tuple([adminOutputSchema]),
  summarizeFiles: z.tuple([summarizeFilesSchema]),
  openReportFile: z.tuple([openReportSchema]),
  probeOutput: z.tuple([probeOutputRequestSchema]),
} satisfies Record<ApiMethod, z.ZodTuple>;

export interface ScenarioSummary {
  name: string;
  title: string;
  description: string;
}

export interface AppInfo {
  version: string;
  platform: string;
  /** 'electron' in the desktop app, 'preview' in the browser preview (replay only). */
  mode: 'electron' | 'preview';
  /** True only on Windows in the desktop app. */
  liveSupported: boolean;
  scenarios: ScenarioSummary[];
  /** Which device probes each check reads, so the UI can show per-row progress (pasted inputs left out). */
  checkProbes: Record<CheckId, ProbeId[]>;
  fixes: Record<FixId, FixInfo>;
}

export type { PracticeInfo };

/** A successful run: the report, the fix steps with this device's values filled in, practice actions. */
export interface RunSuccess {
  ok: true;
  report: Report;
  fixPlans: Partial<Record<FixId, FixStep[]>>;
  practice: PracticeInfo | null;
}

export type RunResult = RunSuccess | { ok: false; reason: string };

/** A fix attempt with the checklist before and after it (the rows show before → after). */
export type FixResult =
  | { ok: true; attempt: FixAttempt; before: Report; after: RunSuccess }
  | { ok: false; reason: string };
export type ExportResult = { ok: true; fileName: string; text: string } | { ok: false; reason: string };

/** One probe's raw output as it was captured (or run live), for "Show full output". */
export interface ProbeOutput {
  stdout: string;
  stderr: string;
  exitCode: number | null;
  error: string | null;
}
export type ProbeOutputResult = { ok: true; output: ProbeOutput } | { ok: false; reason: string };

/** One file of the fleet: its summary row, or why it could not be read (one short line). */
export type FleetFileSummary =
  | { ok: true; fileName: string; row: FleetSummaryRow }
  | { ok: false; fileName: string; reason: string };

export interface ApiResults {
  getAppInfo: AppInfo;
  runChecklist: RunResult;
  rerun: RunResult;
  exportCapture: ExportResult;
  exportDocument: ExportResult;
  runFix: FixResult;
  attachAdminOutput: RunResult;
  /** In the order the files were sent. */
  summarizeFiles: FleetFileSummary[];
  /** The report with nothing that acts on a device (no fixes, no fix plans, no practice). */
  openReportFile: RunResult;
  probeOutput: ProbeOutputResult;
}

/**
 * Why a call failed as a call (its arguments, the method, the transport, or a bug), the same over
 * IPC and HTTP. A handler's own "no" (no such scenario, nothing open yet) is part of its result.
 */
export const API_ERROR_CODES = [
  /** The arguments do not match the method's schema (or the body is not JSON). */
  'invalid-arguments',
  'unknown-method',
  /** Not from the app's own page, or not a request the API answers (wrong HTTP method or media type). */
  'refused',
  /** The preview's limits: a body too large, too slow, or too many large bodies at once. */
  'too-large',
  'timeout',
  'busy',
  /** The other side does not answer, or answers something unreadable (the renderer's own). */
  'unavailable',
  /** The handler failed: a bug, said in one line. */
  'internal',
] as const;
export type ApiErrorCode = (typeof API_ERROR_CODES)[number];

export interface ApiError {
  code: ApiErrorCode;
  /** One line, in words a person can read as they are. */
  message: string;
}

/** Every API call answers this, over IPC and HTTP alike; the renderer unwraps it in one place. */
export type ApiEnvelope<T> = { ok: true; value: T } | { ok: false; error: ApiError };

/** What crosses the transport (the preload's `window.doctor`, the preview's HTTP): envelopes. */
export type DoctorTransport = {
  [K in ApiMethod]: (...args: z.input<(typeof API_ARGUMENTS)[K]>) => Promise<ApiEnvelope<ApiResults[K]>>;
} & {
  /** Subscribes to progress events; returns the unsubscribe function. */
  onProgress(listener: (event: ProgressEvent) => void): () => void;
};

/** Pushed while a live run collects the probes' output. */
export interface ProgressEvent {
  probeId: ProbeId;
  phase: 'start' | 'done';
  error?: string | null;
  durationMs?: number;
}

/** What the renderer's code calls: results, with a failed call thrown as the renderer's ApiCallError. */
export type DoctorApi = {
  [K in ApiMethod]: (...args: z.input<(typeof API_ARGUMENTS)[K]>) => Promise<ApiResults[K]>;
} & {
  /** Subscribes to progress events; returns the unsubscribe function. */
  onProgress(listener: (event: ProgressEvent) => void): () => void;
};
