// The handler table behind the IPC contract, shared by Electron's ipcMain and the browser
// preview's HTTP server. Arguments are validated here, before any handler runs.

import type { z } from 'zod';
import { API_METHODS, type ApiMethod } from './api-channels';
import {
  API_ARGUMENTS,
  type ApiResults,
  type AppInfo,
  type ProgressEvent,
  type RunRequest,
} from './api-contract';
import { readCapture } from './engine/capture/read-capture';
import { serializeCapture, TOOL_VERSION } from './engine/capture/write-capture';
import { CHECKS } from './engine/checks/check-registry';
import { diagnose } from './engine/diagnose';
import { FIX_CATALOG } from './engine/fixes/fix-catalog';
import { captureLive } from './engine/host/capture-live';
import type { ReportSource } from './engine/report/report-types';
import { loadScenario, SCENARIOS } from './engine/scenarios/scenario-catalog';
import { validateUncPath } from './engine/share/validate-unc-path';
import type { Capture, CheckId, ProbeId } from './engine/types';

export interface ApiOptions {
  mode: AppInfo['mode'];
  /** Live commands are allowed only in the desktop app on Windows; the preview never runs them. */
  allowLive: boolean;
  emitProgress?: (event: ProgressEvent) => void;
  /** Runs the live probes (injectable so tests need no Windows). */
  captureLive?: typeof captureLive;
  platform?: string;
}

type Handlers = {
  [K in ApiMethod]: (...args: z.output<(typeof API_ARGUMENTS)[K]>) => Promise<ApiResults[K]>;
};

/** The session behind the window: what is being looked at, so re-runs and exports use the same source. */
interface Session {
  capture: Capture;
  source: ReportSource;
}

export function createApiHandlers(options: ApiOptions): Handlers {
  let session: Session | null = null;
  const runLive = options.captureLive ?? captureLive;
  const checkProbes = Object.fromEntries(CHECKS.map((c) => [c.id, c.needs])) as Record<CheckId, ProbeId[]>;

  const liveCapture = async (share: string | undefined) => {
    if (!options.allowLive)
      return {
        ok: false as const,
        reason: 'live checks are not available here: open a scenario or a capture file',
      };
    let inputs = {};
    if (share !== undefined && share.trim() !== '') {
      const checked = validateUncPath(share);
      if (!checked.ok) return { ok: false as const, reason: `share path: ${checked.reason}` };
      inputs = { share: checked.path };
    }
    return runLive(inputs, (event) =>
      options.emitProgress?.({
        probeId: event.probeId,
        phase: event.phase,
        ...(event.result ? { error: event.result.error, durationMs: event.result.durationMs } : {}),
      }),
    );
  };

  const open = async (request: RunRequest): Promise<ApiResults['runChecklist']> => {
    switch (request.kind) {
      case 'scenario': {
        if (!SCENARIOS.some((s) => s.name === request.name))
          return { ok: false, reason: `no scenario "${request.name}"` };
        session = { capture: loadScenario(request.name), source: { kind: 'scenario', name: request.name } };
        break;
      }
      case 'capture': {
        const read = readCapture(request.text, new TextEncoder().encode(request.text).length);
        if (!read.ok) return { ok: false, reason: `${request.fileName}: ${read.reason}` };
        session = { capture: read.capture, source: { kind: 'capture', file: request.fileName } };
        break;
      }
      case 'live': {
        const live = await liveCapture(request.share);
        if (!live.ok) return live;
        session = { capture: live.capture, source: { kind: 'live' } };
        break;
      }
    }
    return { ok: true, report: diagnose(session.capture, session.source) };
  };

  return {
    async getAppInfo() {
      return {
        version: TOOL_VERSION,
        platform: options.platform ?? process.platform,
        mode: options.mode,
        liveSupported: options.allowLive,
        scenarios: SCENARIOS.map(({ name, title, description }) => ({ name, title, description })),
        checkProbes,
        fixes: FIX_CATALOG,
      };
    },
    runChecklist: open,
    async rerun(request) {
      if (!session)
        return { ok: false, reason: 'nothing to re-run yet: open a scenario, a capture or run live' };
      if (session.source.kind === 'live') {
        // Live: run the probes again (all, or those the one check reads) and keep the rest.
        const live = await liveCapture(session.capture.inputs?.share);
        if (!live.ok) return live;
        const wanted = request.checkId ? new Set(checkProbes[request.checkId]) : null;
        const probes = wanted
          ? {
              ...session.capture.probes,
              ...Object.fromEntries(
                Object.entries(live.capture.probes).filter(([id]) => wanted.has(id as ProbeId)),
              ),
            }
          : live.capture.probes;
        session = { ...session, capture: { ...live.capture, probes } };
      }
      // Replay: the evidence does not change, so re-running re-evaluates the same capture.
      return { ok: true, report: diagnose(session.capture, session.source) };
    },
    async exportCapture() {
      if (!session) return { ok: false, reason: 'nothing to save yet' };
      const stamp = session.capture.capturedAt.replace(/[:.]/g, '-');
      const name = session.source.kind === 'scenario' ? session.source.name : 'device';
      return {
        ok: true,
        fileName: `whfb-capture-${name}-${stamp}.json`,
        text: serializeCapture(session.capture),
      };
    },
  };
}

export type DispatchResult =
  | { ok: true; value: unknown }
  | { ok: false; error: 'unknown-method' | 'invalid-arguments'; message: string };

/** Validates a call and runs its handler; anything malformed never reaches a handler. */
export async function dispatch(
  handlers: Handlers,
  method: string,
  rawArgs: unknown,
): Promise<DispatchResult> {
  if (!(API_METHODS as readonly string[]).includes(method)) {
    return { ok: false, error: 'unknown-method', message: `unknown method "${method}"` };
  }
  const name = method as ApiMethod;
  const parsed = API_ARGUMENTS[name].safeParse(rawArgs);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return {
      ok: false,
      error: 'invalid-arguments',
      message: `${name}: ${issue?.path.join('.') || 'arguments'}: ${issue?.message}`,
    };
  }
  const handler = handlers[name] as (...args: unknown[]) => Promise<unknown>;
  return { ok: true, value: await handler(...(parsed.data as unknown[])) };
}
