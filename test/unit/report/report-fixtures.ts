// Reports of the built-in practice scenarios, and a few hand-made fix attempts, for the
// report format tests.

import type { FixAttempt } from '@contract/fix-attempt';
import type { Report } from '@contract/report-types';
import { diagnose } from '../../../electron/engine/diagnose';
import { loadScenario, SCENARIOS } from '../../../electron/engine/scenarios/scenario-catalog';

export const SCENARIO_NAMES = SCENARIOS.map((s) => s.name);

const GENERATED_AT = new Date('2026-11-25T10:00:00.000Z');

export function scenarioReport(name: string): Report {
  return diagnose(loadScenario(name), { kind: 'scenario', name }, GENERATED_AT);
}

export const FIX_HISTORY: FixAttempt[] = [
  {
    at: '2026-11-25T09:20:00.000Z',
    fixId: 'delete-hello-container',
    outcome: 'refused',
    message: 'The app runs elevated: deleting the container would delete the administrator’s.',
    output: '',
  },
  {
    at: '2026-11-25T09:21:00.000Z',
    fixId: 'purge-tickets',
    outcome: 'done',
    message: 'The ticket cache was cleared.',
    output: '> klist.exe purge\nCurrent LogonId is 0:0x3e5a1f\n\tDeleting all tickets:\n\tTicket(s) purged!',
  },
  {
    at: '2026-11-25T09:25:00.000Z',
    fixId: 'sign-out-and-in',
    outcome: 'simulated',
    message: 'Simulated: the user signed out and back in with the PIN.',
    output: '',
  },
];
