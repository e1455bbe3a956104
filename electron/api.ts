// The handler table behind the IPC contract, shared by Electron's ipcMain and the browser
// preview's HTTP server. Arguments are validated here, before any handler runs.

import type { z } from 'zod';
import { API_METHODS, type ApiMethod } from './api-channels';
import {
  API_ARGUMENTS,
  type ApiResults,
  type AppInfo,
  type ExportKind,
  type FixRequest,
  type PracticeInfo,
  type ProgressEvent,
  type RunRequest,
  type RunSuccess,
} from './api-contract';
import { serializeCapture, TOOL_VERSION } from './engine/capture/write-capture';
import { CHECKS } from './engine/checks/check-registry';
import { factsOfCapture, reportFromFacts } from './engine/diagnose';
import { adDomain } from './engine/facts/ad-domain';
import { derivePolicy } from './engine/facts/derive-policy';
import { buildFactSet, type FactSet } from './engine/facts/fact-set';
import { fileLabel } from './engine/files/one-line';
import { captureFileName, reportFileName } from './engine/files/safe-file-name';
import { attemptFix } from './engine/fixes/attempt-fix';
import type { FixAttempt } from './engine/fixes/fix-attempt';
import { FIX_CATALOG } from './engine/fixes/fix-catalog';
import { guardFix } from './engine/fixes/fix-guard';
import { type FixPlanContext, type FixStep, PROBES_AFFECTED_BY_FIX, planFix } from './engine/fixes/fix-plans';
import { type LiveHost, openLiveHost } from './engine/host/live-host-session';
import { learnFromCapture, redactCapture } from './engine/redact/redact-capture';
import { redactReport } from './engine/redact/redact-report';
import { createRedactor } from './engine/redact/redactor';
import { renderHtml } from './engine/report/render-html';
import { renderJson } from './engine/report/render-json';
import { renderMarkdown } from './engine/report/render-markdown';
import { renderMarkdownSummary } from './engine/report/render-markdown-summary';
import type { Report, ReportSource } from './engine/report/report-types';
import { SIGN_OUT_AND_IN } from './engine/scenarios/scenario-actions';
import { loadScenario, SCENARIOS, scenarioTransition } from './engine/scenarios/scenario-catalog';
import { validateUncPath } from './engine/share/validate-unc-path';
import type { Capture, CaptureInputs, CheckId, FixId, ProbeId } from './engine/types';
import { summarizeFleetText } from './fleet/summarize-fleet-text';
import { readAdminOutputOffThread, readCaptureOffThread } from './parse-worker/parse-workers';

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

type Handlers = {
  [K in ApiMethod]: (...args: z.output<(typeof API_ARGUMENTS)[K]>) => Promise<ApiResults[K]>;
};

/** What the window is looking at, so re-runs, fixes and exports use the same source. */
interface Session {
  capture: Capture;
  source: ReportSource;
  /** The audit trail: every fix attempted in this session. */
  fixAttempts: FixAttempt[];
}

const ADMIN_PROBE = 'entra-kerberos-server-admin';
const NO_LIVE = 'live checks are not available here: open a scenario or a capture file';

export function createApiHandlers(options: ApiOptions): Handlers {
  let session: Session | null = null;
  // Only probes the device runs: the admin's pasted output never shows as "running".
  const checkProbes = Object.fromEntries(
    CHECKS.map((c) => [c.id, c.needs.filter((id) => id !== ADMIN_PROBE)]),
  ) as Record<CheckId, ProbeId[]>;

  const liveHost = (): { ok: true; host: LiveHost } | { ok: false; reason: string } => {
    if (!options.allowLive) return { ok: false, reason: NO_LIVE };
    if (options.liveHost) return { ok: true, host: options.liveHost };
    const opened = openLiveHost();
    if (opened.ok) options.liveHost = opened.host;
    return opened;
  };

  const progress = (event: {
    probeId: ProbeId;
    phase: 'start' | 'done';
    result?: { error: string | null; durationMs: number };
  }) =>
    options.emitProgress?.({
      probeId: event.probeId,
      phase: event.phase,
      ...(event.result ? { error: event.result.error, durationMs: event.result.durationMs } : {}),
    });

  /** The report of the current session, with its audit trail and what the UI needs around it. */
  const present = (current: Session): RunSuccess => {
    const set = factsOfCapture(current.capture);
    const report: Report = {
      ...reportFromFacts(set, current.capture, current.source),
      fixAttempts: [...current.fixAttempts],
    };
    return { ok: true, report, fixPlans: fixPlansFor(report, set), practice: practiceFor(current) };
  };

  const open = async (request: RunRequest): Promise<ApiResults['runChecklist']> => {
    switch (request.kind) {
      case 'scenario': {
        if (!SCENARIOS.some((s) => s.name === request.name))
          return { ok: false, reason: `no scenario "${request.name}"` };
        session = {
          capture: loadScenario(request.name),
          source: { kind: 'scenario', name: request.name },
          fixAttempts: [],
        };
        break;
      }
      case 'capture': {
        const read = await readCaptureOffThread(request.text, request.fileName);
        if (!read.ok) return { ok: false, reason: `${fileLabel(request.fileName)}: ${read.reason}` };
        session = {
          capture: read.capture,
          source: { kind: 'capture', file: request.fileName },
          fixAttempts: [],
        };
        break;
      }
      case 'live': {
        const live = liveHost();
        if (!live.ok) return live;
        let inputs: CaptureInputs = {};
        if (request.share !== undefined && request.share.trim() !== '') {
          const checked = validateUncPath(request.share);
          if (!checked.ok) return { ok: false, reason: `share path: ${checked.reason}` };
          inputs = { share: checked.path };
        }
        const capture = await live.host.captureAll(inputs, progress);
        // A new live run keeps the session's audit trail: it is the same device and person.
        session = {
          capture,
          source: { kind: 'live' },
          fixAttempts: session?.source.kind === 'live' ? session.fixAttempts : [],
        };
        break;
      }
    }
    return present(session);
  };

  /** Live: runs these probes again and keeps the rest of the evidence. */
  const refresh = async (current: Session, probes: readonly ProbeId[]): Promise<Session> => {
    const live = liveHost();
    if (!live.ok || probes.length === 0) return current;
    const inputs = current.capture.inputs ?? {};
    const fresh = await live.host.collect(probes, inputs);
    const wanted = new Set(probes);
    const kept = Object.fromEntries(Object.entries(fresh).filter(([id]) => wanted.has(id as ProbeId)));
    return {
      ...current,
      capture: {
        ...current.capture,
        capturedAt: new Date().toISOString(),
        probes: { ...current.capture.probes, ...kept },
      },
    };
  };

  const runFix = async (request: FixRequest): Promise<ApiResults['runFix']> => {
    if (!session) return { ok: false, reason: 'open a device, scenario or capture first' };
    const before = present(session).report;
    const attempt =
      session.source.kind === 'live' ? await runLiveFix(session, request) : simulateFix(session, request);
    if ('reason' in attempt) return { ok: false, reason: attempt.reason };
    session.fixAttempts.push(attempt.attempt);
    if (attempt.next) session = { ...attempt.next, fixAttempts: session.fixAttempts };
    if (
      session.source.kind === 'live' &&
      attempt.attempt.outcome === 'done' &&
      request.action !== SIGN_OUT_AND_IN
    ) {
      session = await refresh(session, PROBES_AFFECTED_BY_FIX[request.action]);
    }
    return { ok: true, attempt: attempt.attempt, before, after: present(session) };
  };

  const runLiveFix = async (
    current: Session,
    request: FixRequest,
  ): Promise<{ attempt: FixAttempt; next?: Session } | { reason: string }> => {
    if (request.action === SIGN_OUT_AND_IN)
      return { reason: 'signing out is up to the person: it is not a fix the app runs' };
    const live = liveHost();
    if (!live.ok) return { reason: live.reason };
    // Who the app runs as right now, not as captured earlier: the guard decides on fresh facts.
    const who = buildFactSet(
      await live.host.collect(['whoami-user', 'whoami-groups', 'logonui-last-provider'], {}),
    );
    const attempt = await attemptFix(request.action, who, request.confirmation, {
      system32: live.host.system32,
      runner: live.host.runner,
      openSettings:
        options.openSettings ?? (async () => Promise.reject(new Error('settings cannot be opened here'))),
      context: fixContext(factsOfCapture(current.capture)),
    });
    return { attempt };
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
        session = request.checkId
          ? await refresh(session, checkProbes[request.checkId])
          : { ...session, capture: await liveCaptureOrKeep(session) };
      }
      // Replay: the evidence does not change, so re-running re-evaluates the same capture.
      return present(session);
    },
    async exportCapture() {
      if (!session) return { ok: false, reason: 'nothing to save yet' };
      const scenario = session.source.kind === 'scenario' ? session.source.name : null;
      return {
        ok: true,
        // capturedAt comes from the file that was opened: only its cleaned digits reach the name.
        fileName: captureFileName(scenario, session.capture.capturedAt),
        text: serializeCapture(session.capture),
      };
    },
    async exportDocument(request) {
      if (!session) return { ok: false, reason: 'nothing to export yet' };
      const { report } = present(session);
      let shown = { report, capture: session.capture };
      if (request.redact) {
        // One redactor that knows the whole capture first: report and capture get the same placeholders.
        const redactor = createRedactor();
        learnFromCapture(session.capture, redactor);
        shown =
          request.kind === 'capture'
            ? { report, capture: redactCapture(session.capture, redactor) }
            : { report: redactReport(report, redactor), capture: session.capture };
      }
      const scenario = session.source.kind === 'scenario' ? session.source.name : null;
      return {
        ok: true,
        fileName: reportFileName(request.kind, scenario, session.capture.capturedAt),
        text: documentText(request.kind, shown.report, shown.capture),
      };
    },
    runFix,
    async attachAdminOutput(request) {
      if (!session) return { ok: false, reason: 'open a device, scenario or capture first' };
      const read = await readAdminOutputOffThread(request.text);
      if (!read.ok) return { ok: false, reason: `the pasted output ${read.reason}` };
      const pasted = {
        command: ['Get-AzureADKerberosServer'],
        exitCode: 0,
        stdout: request.text,
        stderr: '',
        durationMs: 0,
        error: null,
      };
      session = {
        ...session,
        capture: { ...session.capture, probes: { ...session.capture.probes, [ADMIN_PROBE]: pasted } },
      };
      return present(session);
    },
    // Read-only: the files are summarised on their own, the open session stays as it is.
    async summarizeFiles(request) {
      return request.files.map((file) => summarizeFleetText(file.fileName, file.text));
    },
  };

  async function liveCaptureOrKeep(current: Session): Promise<Capture> {
    const live = liveHost();
    return live.ok ? live.host.captureAll(current.capture.inputs ?? {}, progress) : current.capture;
  }
}

/** The text of an exported document, from a report and capture already redacted when asked. */
function documentText(kind: ExportKind, report: Report, capture: Capture): string {
  switch (kind) {
    case 'html':
      return renderHtml(report);
    case 'markdown':
      return renderMarkdown(report);
    case 'json':
      return renderJson(report);
    case 'summary':
      return renderMarkdownSummary(report);
    case 'capture':
      return serializeCapture(capture);
  }
}

/**
 * Replay never touches the machine: a practice scenario moves to what it declares it becomes,
 * anything else stays as it is. The guard still applies, so practice is like the real thing.
 */
function simulateFix(
  current: Session,
  request: FixRequest,
): { attempt: FixAttempt; next?: Session } | { reason: string } {
  const at = new Date().toISOString();
  const simulated = (fixId: FixAttempt['fixId'], message: string): FixAttempt => ({
    at,
    fixId,
    outcome: 'simulated',
    message,
    output: '',
  });
  const scenario = current.source.kind === 'scenario' ? current.source.name : null;
  const transition = scenario ? scenarioTransition(scenario, request.action) : undefined;
  if (request.action === SIGN_OUT_AND_IN) {
    if (!transition || !scenario) return { reason: 'this practice scenario has no sign-out step' };
    return { attempt: simulated(SIGN_OUT_AND_IN, transition.note), next: moveTo(current, transition.to) };
  }
  const guard = guardFix(request.action, buildFactSet(current.capture.probes), request.confirmation);
  if (!guard.ok)
    return { attempt: { at, fixId: request.action, outcome: 'refused', message: guard.reason, output: '' } };
  if (transition) {
    return { attempt: simulated(request.action, transition.note), next: moveTo(current, transition.to) };
  }
  const where = scenario
    ? 'this practice scenario'
    : 'a capture: it is a recording, nothing on any device changes';
  return { attempt: simulated(request.action, `Simulated: nothing changes in ${where}.`) };
}

/**
 * The scenario a practice step leads to, keeping what the person added along the way (the
 * share to test, an administrator's pasted output): it is the same device a step later.
 */
function moveTo(current: Session, name: string): Session {
  const next = loadScenario(name);
  const pasted = current.capture.probes[ADMIN_PROBE];
  return {
    ...current,
    source: { kind: 'scenario', name },
    capture: {
      ...next,
      inputs: { ...next.inputs, ...current.capture.inputs },
      probes: { ...next.probes, ...(pasted ? { [ADMIN_PROBE]: pasted } : {}) },
    },
  };
}

/** What fix steps need to know about the device: its AD domain, and whether Group Policy delivers Hello. */
function fixContext(set: FactSet): FixPlanContext {
  return { domain: adDomain(set), gpoConfigured: derivePolicy(set).gpoConfigured };
}

/** The steps of every fix the report offers, with this device's domain and policy filled in. */
function fixPlansFor(report: Report, set: FactSet): Partial<Record<FixId, FixStep[]>> {
  const context = fixContext(set);
  const ids = new Set(report.checks.flatMap((c) => c.fixes));
  return Object.fromEntries([...ids].map((id) => [id, planFix(id, context)]));
}

function practiceFor(current: Session): PracticeInfo | null {
  if (current.source.kind !== 'scenario') return null;
  const name = current.source.name;
  const transitions = SCENARIOS.find((s) => s.name === name)?.transitions ?? [];
  return { scenario: name, actions: transitions.map(({ action, note }) => ({ action, note })) };
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
