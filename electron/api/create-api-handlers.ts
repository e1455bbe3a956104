// The handler table behind the API, shared by Electron's ipcMain and the browser preview's HTTP
// server. One table per window (or preview tab): it owns that window's session and the device's
// live host. Arguments reach it validated (see dispatch.ts).

import type { AppInfo, ProgressEvent } from '@contract/api-contract';
import { TOOL_VERSION } from '../engine/capture/write-capture';
import { FIX_CATALOG } from '../engine/fixes/fix-catalog';
import { SCENARIOS } from '../engine/scenarios/scenario-catalog';
import { openReportFileOffThread, summarizeFilesOffThread } from '../fleet/fleet-text-workers';
import type { LiveHost } from '../host/live-host';
import type { ApiHandlers } from './dispatch';
import { exportCapture, exportDocument } from './documents';
import { applyFix } from './fix-handler';
import { progressOf } from './live-device';
import { createLiveHostCache } from './live-host-cache';
import {
  attachAdminOutput,
  CHECK_PROBES,
  type HandlerContext,
  openSource,
  probeOutput,
  rerun,
} from './session-handlers';
import { createSessionStore } from './session-store';

export interface ApiOptions {
  mode: AppInfo['mode'];
  /** Live commands are allowed only in the desktop app on Windows; the preview never runs them. */
  allowLive: boolean;
  emitProgress?: (event: ProgressEvent) => void;
  /** The device's live host (injectable so tests need no Windows); opened on first use otherwise. */
  liveHost?: LiveHost;
  /** Opens an allowlisted settings page (the desktop shell); absent in the preview. */
  openSettings?: (uri: string) => Promise<void>;
  platform?: string;
}

export function createApiHandlers(options: Readonly<ApiOptions>): ApiHandlers {
  const sessions = createSessionStore();
  const context: HandlerContext = {
    sessions,
    liveHost: createLiveHostCache({ allowLive: options.allowLive, liveHost: options.liveHost }),
    progress: progressOf(options.emitProgress),
  };
  return {
    getAppInfo: async () => appInfo(options),
    runChecklist: (request) => openSource(context, request),
    rerun: (request) => rerun(context, request),
    exportCapture: async () => exportCapture(sessions.current()),
    exportDocument: async (request) => exportDocument(sessions.current(), request),
    runFix: (request) => applyFix({ ...context, openSettings: options.openSettings }, request),
    attachAdminOutput: (request) => attachAdminOutput(sessions, request),
    // Read-only: the files are summarised on their own, the open session stays as it is; in a
    // worker, under a deadline per batch, so this thread answers the window meanwhile.
    summarizeFiles: (request) => summarizeFilesOffThread(request.files),
    probeOutput: async (request) => probeOutput(sessions, request),
    // Read-only too: a report file's checklist, with nothing that acts on a device (checked whole
    // in a worker: a report can be as large as a capture).
    openReportFile: (request) => openReportFileOffThread(request),
  };
}

function appInfo(options: Readonly<ApiOptions>): AppInfo {
  return {
    version: TOOL_VERSION,
    platform: options.platform ?? process.platform,
    mode: options.mode,
    liveSupported: options.allowLive,
    scenarios: SCENARIOS.map(({ name, title, description }) => ({ name, title, description })),
    checkProbes: CHECK_PROBES,
    fixes: FIX_CATALOG,
  };
}
