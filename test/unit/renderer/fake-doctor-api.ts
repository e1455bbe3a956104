// A stand-in for the app's API (the preload's window.doctor) for the renderer's state tests:
// it speaks envelopes as main does, answers come from the real engine (practice scenarios
// diagnosed as the app would, report files read by the real reader), each method can be swapped
// per test, and every call is recorded. Also the few browser globals the state modules touch
// (window, localStorage, matchMedia, document for downloads). Not a test file.

import type {
  ApiEnvelope,
  ApiErrorCode,
  AppInfo,
  ProbeOutputResult,
  ProgressEvent,
  RunResult,
  RunSuccess,
} from '@contract/api-contract';
import type { Capture } from '@contract/capture-schema';
import type { DesktopDoctorApi, MenuCommand } from '@contract/menu-channel';
import type { Report } from '@contract/report-types';
import type { CheckId, ProbeId } from '@contract/types';
import { vi } from 'vitest';
import { CHECKS } from '../../../electron/engine/checks/check-registry';
import { diagnose } from '../../../electron/engine/diagnose';
import { FIX_CATALOG } from '../../../electron/engine/fixes/fix-catalog';
import { loadScenario, SCENARIOS } from '../../../electron/engine/scenarios/scenario-catalog';
import { openReportFile } from '../../../electron/fleet/open-report-file';

/** A call that succeeded: its value in the envelope every API method answers. */
export function ok<T>(value: T): ApiEnvelope<T> {
  return { ok: true, value };
}

/** A call that failed as a call (bad arguments, a transport fault, a bug), in its own words. */
export function failed(message: string, code: ApiErrorCode = 'internal'): ApiEnvelope<never> {
  return { ok: false, error: { code, message } };
}

/** The report the engine gives for a practice scenario (fixed clock, so reports compare equal). */
export function scenarioReport(name: string): Report {
  return diagnose(loadScenario(name), { kind: 'scenario', name }, new Date(0));
}

export function scenarioRun(name: string): RunSuccess {
  return { ok: true, report: scenarioReport(name), fixPlans: {}, practice: null };
}

export function appInfo(overrides: Partial<AppInfo> = {}): AppInfo {
  return {
    version: '0.1.0',
    platform: 'linux',
    mode: 'preview',
    liveSupported: false,
    scenarios: SCENARIOS.map(({ name, title, description }) => ({ name, title, description })),
    checkProbes: Object.fromEntries(CHECKS.map((c) => [c.id, [...c.needs]])) as Record<CheckId, ProbeId[]>,
    fixes: FIX_CATALOG,
    ...overrides,
  };
}

export interface FakeApi extends DesktopDoctorApi {
  /** Sends a progress event to whoever subscribed (as main does during a live run). */
  emitProgress(event: ProgressEvent): void;
  /** Sends an application menu command (File ▸ Open capture…). */
  emitMenuCommand(command: MenuCommand): void;
}

/**
 * A fake whose defaults answer like the preview: scenarios by name (the last one opened is the
 * session "Show full output" reads), report files through the app's own reader, everything else
 * refused in the handler's own words (a successful call whose result says no).
 */
export function createFakeApi(): FakeApi {
  const listeners = new Set<(event: ProgressEvent) => void>();
  const menuListeners = new Set<(command: MenuCommand) => void>();
  let session: Capture | null = null;
  const run = async (request: { kind: string; name?: string }): Promise<ApiEnvelope<RunResult>> => {
    if (request.kind !== 'scenario' || !request.name)
      return ok({ ok: false, reason: 'live checks are not available here' });
    if (!SCENARIOS.some((s) => s.name === request.name))
      return ok({ ok: false, reason: `no scenario named ${request.name}` });
    session = loadScenario(request.name);
    return ok(scenarioRun(request.name));
  };
  const probeOutput = async ({ probeId }: { probeId: ProbeId }): Promise<ApiEnvelope<ProbeOutputResult>> => {
    if (!session) return ok({ ok: false, reason: 'nothing is open yet' });
    const probe = session.probes[probeId];
    if (!probe) return ok({ ok: false, reason: `${probeId} was not captured` });
    const { stdout, stderr, exitCode, error } = probe;
    return ok({ ok: true, output: { stdout, stderr, exitCode, error } });
  };
  return {
    getAppInfo: vi.fn(async () => ok(appInfo())),
    runChecklist: vi.fn(run),
    rerun: vi.fn(async () => ok<RunResult>(scenarioRun('healthy-hybrid'))),
    exportCapture: vi.fn(async () =>
      ok({ ok: true as const, fileName: 'capture.json', text: '{"probes":{}}' }),
    ),
    exportDocument: vi.fn(async ({ kind }) =>
      ok({ ok: true as const, fileName: `report.${kind}`, text: `# ${kind}` }),
    ),
    runFix: vi.fn(async () => ok({ ok: false as const, reason: 'no fix here' })),
    attachAdminOutput: vi.fn(async () => ok<RunResult>({ ok: false, reason: 'no session' })),
    summarizeFiles: vi.fn(async () => ok([])),
    openReportFile: vi.fn(async (request) => ok(openReportFile(request))),
    probeOutput: vi.fn(probeOutput),
    onProgress(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    emitProgress(event) {
      for (const listener of listeners) listener(event);
    },
    onMenuCommand(listener) {
      menuListeners.add(listener);
      return () => menuListeners.delete(listener);
    },
    emitMenuCommand(command) {
      for (const listener of menuListeners) listener(command);
    },
  };
}

export interface Downloads {
  saved: { fileName: string; type: string; text: Promise<string> }[];
}

/**
 * Puts `api` where the renderer looks for the desktop API (window.doctor) and gives the browser
 * globals the state modules use. The renderer keeps the first API it finds, so call this once per
 * test file and change the fake's methods, not the fake itself.
 */
export function installBrowser(api: FakeApi): Downloads {
  const storage = new Map<string, string>();
  const downloads: Downloads = { saved: [] };
  let lastBlob: Blob | null = null;
  vi.stubGlobal('window', {
    doctor: api,
    localStorage: {
      getItem: (key: string) => storage.get(key) ?? null,
      setItem: (key: string, value: string) => void storage.set(key, value),
    },
    matchMedia: () => ({ matches: false, addEventListener() {}, removeEventListener() {} }),
  });
  vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
    lastBlob = blob as Blob;
    return 'blob:fake';
  });
  vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => {});
  vi.stubGlobal('document', {
    body: { appendChild: () => {} },
    createElement: () => {
      const link = {
        href: '',
        download: '',
        rel: '',
        click() {
          const blob = lastBlob as Blob;
          downloads.saved.push({ fileName: link.download, type: blob.type, text: blob.text() });
        },
        remove() {},
      };
      return link;
    },
  });
  return downloads;
}
