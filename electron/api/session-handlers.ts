// The handlers that open, re-run and add to the window's session. Each reads and replaces the
// session through the store, so the capture is parsed once per change.

import type {
  AdminOutputRequest,
  ApiResults,
  ProbeOutputRequest,
  RerunRequest,
  RunRequest,
} from '@contract/api-contract';
import { fileLabel } from '@contract/one-line';
import type { CaptureInputs, CheckId, ProbeId } from '@contract/types';
import { validateUncPath } from '@contract/validate-unc-path';
import { ADMIN_PROBE, withAdminOutput } from '../engine/capture/admin-output';
import { CHECKS } from '../engine/checks/check-registry';
import { loadScenario, SCENARIOS } from '../engine/scenarios/scenario-catalog';
import type { LiveHostResult } from '../host/live-host';
import { readAdminOutputOffThread, readCaptureOffThread } from '../host/parse-worker/parse-workers';
import { type progressOf, refreshProbes } from './live-device';
import { present, type SessionStore } from './session-store';

/** Only probes the device runs: the admin's pasted output never shows as "running". */
export const CHECK_PROBES = Object.fromEntries(
  CHECKS.map((c) => [c.id, c.needs.filter((id) => id !== ADMIN_PROBE)]),
) as Record<CheckId, ProbeId[]>;

/** What every handler works with: the session, the device, and where progress goes. */
export interface HandlerContext {
  sessions: SessionStore;
  liveHost: () => LiveHostResult;
  progress: ReturnType<typeof progressOf>;
}

type RunResult = ApiResults['runChecklist'];

export async function openSource(context: HandlerContext, request: RunRequest): Promise<RunResult> {
  const { sessions } = context;
  switch (request.kind) {
    case 'scenario': {
      if (!SCENARIOS.some((s) => s.name === request.name))
        return { ok: false, reason: `no scenario "${request.name}"` };
      return present(sessions.open(loadScenario(request.name), { kind: 'scenario', name: request.name }));
    }
    case 'capture': {
      // Read in a worker with a deadline: a hostile file cannot hold up this thread.
      const read = await readCaptureOffThread(request.text, request.fileName);
      if (!read.ok) return { ok: false, reason: `${fileLabel(request.fileName)}: ${read.reason}` };
      const source = { kind: 'capture', file: request.fileName } as const;
      // The worker parsed every probe already: the session keeps its facts.
      return present(sessions.open(read.capture, source, { facts: read.facts }));
    }
    case 'live':
      return openLive(context, request.share);
  }
}

async function openLive(context: HandlerContext, share: string | undefined): Promise<RunResult> {
  const live = context.liveHost();
  if (!live.ok) return { ok: false, reason: live.reason };
  let inputs: CaptureInputs = {};
  if (share !== undefined && share.trim() !== '') {
    const checked = validateUncPath(share);
    if (!checked.ok) return { ok: false, reason: `share path: ${checked.reason}` };
    inputs = { share: checked.path };
  }
  const capture = await live.host.captureAll(inputs, context.progress);
  // A new live run keeps the session's audit trail: it is the same device and person.
  const keepHistory = context.sessions.current()?.source.kind === 'live';
  return present(context.sessions.open(capture, { kind: 'live' }, { keepHistory }));
}

/** Replays re-evaluate the same capture (already parsed); live runs collect again, all or one check's probes. */
export async function rerun(context: HandlerContext, request: RerunRequest): Promise<RunResult> {
  const session = context.sessions.current();
  if (!session) return { ok: false, reason: 'nothing to re-run yet: open a scenario, a capture or run live' };
  if (session.source.kind !== 'live') return present(session);
  const live = context.liveHost();
  let capture = session.capture;
  if (request.checkId) capture = await refreshProbes(live, capture, CHECK_PROBES[request.checkId]);
  else if (live.ok) capture = await live.host.captureAll(capture.inputs ?? {}, context.progress);
  return present(capture === session.capture ? session : context.sessions.update(capture));
}

/** An administrator's pasted output, added to the open session as one more probe. */
export async function attachAdminOutput(
  sessions: SessionStore,
  request: AdminOutputRequest,
): Promise<RunResult> {
  if (!sessions.current()) return { ok: false, reason: 'open a device, scenario or capture first' };
  const read = await readAdminOutputOffThread(request.text);
  if (!read.ok) return { ok: false, reason: `the pasted output ${read.reason}` };
  // Read again after the wait: another request may have opened something else meanwhile.
  const session = sessions.current();
  if (!session) return { ok: false, reason: 'open a device, scenario or capture first' };
  return present(sessions.update(withAdminOutput(session.capture, request.text)));
}

/** "Show full output": one probe's raw output from the session, not from an export. */
export function probeOutput(sessions: SessionStore, request: ProbeOutputRequest): ApiResults['probeOutput'] {
  const session = sessions.current();
  if (!session) return { ok: false, reason: 'nothing is open yet' };
  const probe = session.capture.probes[request.probeId];
  if (!probe) return { ok: false, reason: `${request.probeId} was not captured` };
  const { stdout, stderr, exitCode, error } = probe;
  return { ok: true, output: { stdout, stderr, exitCode, error } };
}
