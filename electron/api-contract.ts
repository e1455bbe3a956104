// The IPC contract between the renderer and main (or the browser preview's HTTP server):
// each method's argument schema and result type. Pure: no Node or Electron imports, so the
// renderer can import its types.

import { z } from 'zod';
import type { ApiMethod } from './api-channels';
import { MAX_CAPTURE_BYTES } from './engine/capture/capture-schema';
import type { FixInfo } from './engine/fixes/fix-catalog';
import type { Report } from './engine/report/report-types';
import { CHECK_IDS, type CheckId, type FixId, type ProbeId } from './engine/types';

export const runRequestSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('live'), share: z.string().max(300).optional() }),
  z.object({ kind: z.literal('scenario'), name: z.string().min(1).max(100) }),
  z.object({
    kind: z.literal('capture'),
    fileName: z.string().max(260),
    text: z.string().max(MAX_CAPTURE_BYTES),
  }),
]);
export type RunRequest = z.infer<typeof runRequestSchema>;

export const rerunRequestSchema = z.object({ checkId: z.enum(CHECK_IDS).optional() });
export type RerunRequest = z.infer<typeof rerunRequestSchema>;

export const API_ARGUMENTS = {
  getAppInfo: z.tuple([]),
  runChecklist: z.tuple([runRequestSchema]),
  rerun: z.tuple([rerunRequestSchema]),
  exportCapture: z.tuple([]),
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
  /** Which probes each check reads, so the UI can show per-row progress. */
  checkProbes: Record<CheckId, ProbeId[]>;
  fixes: Record<FixId, FixInfo>;
}

export type RunResult = { ok: true; report: Report } | { ok: false; reason: string };
export type ExportResult = { ok: true; fileName: string; text: string } | { ok: false; reason: string };

export interface ApiResults {
  getAppInfo: AppInfo;
  runChecklist: RunResult;
  rerun: RunResult;
  exportCapture: ExportResult;
}

/** Pushed while a live run collects evidence. */
export interface ProgressEvent {
  probeId: ProbeId;
  phase: 'start' | 'done';
  error?: string | null;
  durationMs?: number;
}

export type DoctorApi = {
  [K in ApiMethod]: (...args: z.input<(typeof API_ARGUMENTS)[K]>) => Promise<ApiResults[K]>;
} & {
  /** Subscribes to progress events; returns the unsubscribe function. */
  onProgress(listener: (event: ProgressEvent) => void): () => void;
};
