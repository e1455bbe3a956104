// What the handlers do on the real device: collect probes again, and run a fix behind the guard
// with fresh facts of who the app runs as. Everything here goes through the live host.

import type { FixRequest, ProgressEvent } from '@contract/api-contract';
import type { FixAttempt } from '@contract/fix-attempt';
import { SIGN_OUT_AND_IN } from '@contract/scenario-actions';
import type { Capture, ProbeId } from '@contract/types';
import { buildFactSet } from '../engine/facts/fact-set';
import type { ProbeProgress } from '../host/collect-probe-outputs';
import { runGuardedFix } from '../host/fixes/run-guarded-fix';
import type { LiveHostResult } from '../host/live-host';
import { fixContext, type Session } from './session-store';

/** Turns the live host's per-probe progress into the events the window shows. */
export function progressOf(emit: ((event: ProgressEvent) => void) | undefined) {
  return (event: ProbeProgress) =>
    emit?.({
      probeId: event.probeId,
      phase: event.phase,
      ...(event.result ? { error: event.result.error, durationMs: event.result.durationMs } : {}),
    });
}

/** Runs these probes again and keeps the rest of the capture; the capture as it was without a host. */
export async function refreshProbes(
  live: LiveHostResult,
  capture: Capture,
  probes: readonly ProbeId[],
): Promise<Capture> {
  if (!live.ok || probes.length === 0) return capture;
  const fresh = await live.host.collect(probes, capture.inputs ?? {});
  const wanted = new Set(probes);
  const kept = Object.fromEntries(Object.entries(fresh).filter(([id]) => wanted.has(id as ProbeId)));
  return { ...capture, capturedAt: new Date().toISOString(), probes: { ...capture.probes, ...kept } };
}

export interface LiveFixOptions {
  openSettings?: ((uri: string) => Promise<void>) | undefined;
}

/** A fix on this device, decided by the guard on who the app runs as right now. */
export async function runLiveFix(
  live: LiveHostResult,
  session: Session,
  request: FixRequest,
  options: LiveFixOptions,
): Promise<{ attempt: FixAttempt } | { reason: string }> {
  if (request.action === SIGN_OUT_AND_IN)
    return { reason: 'signing out is up to the person: it is not a fix the app runs' };
  if (!live.ok) return { reason: live.reason };
  const { host } = live;
  // Who the app runs as right now, not as captured earlier: the guard decides on fresh facts.
  const who = buildFactSet(await host.collect(['whoami-user', 'whoami-groups', 'logonui-last-provider'], {}));
  const attempt = await runGuardedFix(request.action, who, request.confirmation, {
    system32: host.system32,
    runner: host.runner,
    openSettings:
      options.openSettings ?? (async () => Promise.reject(new Error('settings cannot be opened here'))),
    context: fixContext(session.facts),
  });
  return { attempt };
}
