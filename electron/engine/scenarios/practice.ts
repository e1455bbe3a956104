// Practice: what a fix does to a replayed device. Replay never touches a machine: a practice
// scenario moves to what it declares it becomes, anything else stays as it is. The guard still
// applies, so practice is like the real thing. Pure: no clock unless given, no Node.

import type { FixAttempt } from '@contract/fix-attempt';
import type { ReportSource } from '@contract/report-types';
import { type PracticeInfo, type ScenarioAction, SIGN_OUT_AND_IN } from '@contract/scenario-actions';
import type { Capture } from '@contract/types';
import { ADMIN_PROBE } from '../capture/admin-output';
import type { FactSet } from '../facts/fact-set';
import { type FixConfirmation, guardFix } from '../fixes/fix-guard';
import { loadScenario, SCENARIOS, scenarioTransition } from './scenario-catalog';

/** What a replayed session is looking at: its capture, where it came from, and its parsed facts. */
export interface ReplayedDevice {
  capture: Capture;
  source: ReportSource;
  facts: FactSet;
}

export interface PracticeRequest {
  action: ScenarioAction;
  confirmation?: FixConfirmation | undefined;
}

/** The attempt to record, and the device the session becomes when the step changes it. */
export type SimulatedFix =
  | { attempt: FixAttempt; next?: { capture: Capture; source: ReportSource } }
  | { reason: string };

/** A fix (or signing out and in) on a scenario or a capture, simulated. */
export function simulateFix(
  device: ReplayedDevice,
  request: PracticeRequest,
  now = new Date(),
): SimulatedFix {
  const at = now.toISOString();
  const simulated = (fixId: ScenarioAction, message: string): FixAttempt => ({
    at,
    fixId,
    outcome: 'simulated',
    message,
    output: '',
  });
  const scenario = device.source.kind === 'scenario' ? device.source.name : null;
  const transition = scenario ? scenarioTransition(scenario, request.action) : undefined;
  if (request.action === SIGN_OUT_AND_IN) {
    if (!transition) return { reason: 'this practice scenario has no sign-out step' };
    return { attempt: simulated(SIGN_OUT_AND_IN, transition.note), next: moveTo(device, transition.to) };
  }
  const guard = guardFix(request.action, device.facts, request.confirmation);
  if (!guard.ok)
    return { attempt: { at, fixId: request.action, outcome: 'refused', message: guard.reason, output: '' } };
  if (transition) {
    return { attempt: simulated(request.action, transition.note), next: moveTo(device, transition.to) };
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
function moveTo(device: ReplayedDevice, name: string): { capture: Capture; source: ReportSource } {
  const next = loadScenario(name);
  // Pasted by an administrator, not captured from the device: kept when a practice step moves on.
  const pasted = device.capture.probes[ADMIN_PROBE];
  return {
    source: { kind: 'scenario', name },
    capture: {
      ...next,
      inputs: { ...next.inputs, ...device.capture.inputs },
      probes: { ...next.probes, ...(pasted ? { [ADMIN_PROBE]: pasted } : {}) },
    },
  };
}

/** In a practice scenario, the steps the person can take next; null for anything else. */
export function practiceFor(source: ReportSource): PracticeInfo | null {
  if (source.kind !== 'scenario') return null;
  const transitions = SCENARIOS.find((s) => s.name === source.name)?.transitions ?? [];
  return { scenario: source.name, actions: transitions.map(({ action, note }) => ({ action, note })) };
}
