// A fix asked for by the window: on the device behind the guard (then the probes it affects run
// again), or simulated on a scenario or capture. Every attempt goes into the audit trail.

import type { ApiResults, FixRequest } from '@contract/api-contract';
import { SIGN_OUT_AND_IN } from '@contract/scenario-actions';
import { PROBES_AFFECTED_BY_FIX } from '../engine/fixes/fix-plans';
import { type SimulatedFix, simulateFix } from '../engine/scenarios/practice';
import { type LiveFixOptions, refreshProbes, runLiveFix } from './live-device';
import type { HandlerContext } from './session-handlers';
import { present, reportOf, type Session } from './session-store';

export async function applyFix(
  context: HandlerContext & LiveFixOptions,
  request: FixRequest,
): Promise<ApiResults['runFix']> {
  const { sessions } = context;
  const session = sessions.current();
  if (!session) return { ok: false, reason: 'open a device, scenario or capture first' };
  const before = reportOf(session);
  const live = session.source.kind === 'live';
  const tried: SimulatedFix = live
    ? await runLiveFix(context.liveHost(), session, request, context)
    : simulateFix(session, request);
  if ('reason' in tried) return { ok: false, reason: tried.reason };
  sessions.record(tried.attempt);
  let after: Session = sessions.current() ?? session;
  if (tried.next) after = sessions.update(tried.next.capture, tried.next.source);
  if (live && tried.attempt.outcome === 'done' && request.action !== SIGN_OUT_AND_IN) {
    const probes = PROBES_AFFECTED_BY_FIX[request.action];
    const capture = await refreshProbes(context.liveHost(), after.capture, probes);
    if (capture !== after.capture) after = sessions.update(capture);
  }
  return { ok: true, attempt: tried.attempt, before, after: present(after) };
}
