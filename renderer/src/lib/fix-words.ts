// Plain words around fixes: outcomes, where a fix runs, and what each step does.
import type { PracticeInfo } from '@contract/api-contract';
import type { FixAttempt } from '@contract/fix-attempt';
import type { FixInfo } from '@contract/fix-info';
import type { FixStep } from '@contract/fix-step';
import { FIX_OUTCOME_WORDS } from '@contract/report-words';
import { type ScenarioAction, SIGN_OUT_AND_IN } from '@contract/scenario-actions';
import type { FixId } from '@contract/types';
import { commandLine } from './command-line';

/** A fix attempt's outcome in one word, as the reports say it. */
export const OUTCOME_LABEL: Record<FixAttempt['outcome'], string> = FIX_OUTCOME_WORDS;

export const WHERE_IT_RUNS: Record<FixInfo['context'], string> = {
  user: 'On this device, as the signed-in user (not elevated).',
  'admin-elsewhere': 'By an administrator, on another machine.',
  guidance: 'By the user; the app only explains what to do.',
};

const SETTINGS_PAGES: Record<Extract<FixStep, { kind: 'open-settings' }>['uri'], string> = {
  'ms-settings:workplace': 'Settings › Accounts › Access work or school',
};

/** The practice step no fix can do: the person's own sign-out and new PIN. */
export const SIGN_OUT_AND_IN_TITLE = 'Sign out, sign in and set up the PIN';

export function actionTitle(action: ScenarioAction, fixes: Record<FixId, FixInfo> | undefined): string {
  if (action === SIGN_OUT_AND_IN) return SIGN_OUT_AND_IN_TITLE;
  return fixes?.[action]?.title ?? action;
}

/** What one step of a fix does on the device, as a line people can read: "Runs certutil.exe -deletehellocontainer". */
export function stepWords(step: Extract<FixStep, { kind: 'run' | 'open-settings' }>): {
  verb: string;
  what: string;
} {
  if (step.kind === 'run') return { verb: 'Runs', what: commandLine([step.executable, ...step.args]) };
  return { verb: 'Opens', what: `${SETTINGS_PAGES[step.uri]} (${step.uri})` };
}

/** A fix the app carries out on the device (runs a tool or opens Settings), rather than only showing words. */
export function isRunnable(steps: readonly FixStep[] | undefined): boolean {
  return steps?.some((step) => step.kind === 'run' || step.kind === 'open-settings') === true;
}

/** Whether the open practice scenario responds to this action. */
export function practiceDeclares(practice: PracticeInfo | null, action: ScenarioAction): boolean {
  return practice?.actions.some((a) => a.action === action) === true;
}

/** A practice note ("Simulated: the user signed out…") as an explanation of what the step does. */
export function practiceExplanation(note: string): string {
  return note.replace(/^Simulated:\s*/i, '');
}

/** A message without a leading "Simulated:" (or other outcome word) when that word is shown next to it. */
export function withoutOutcomeWord(message: string, outcome: FixAttempt['outcome']): string {
  const prefix = `${OUTCOME_LABEL[outcome]}:`;
  // Left as it is otherwise: messages may start with a command name (certutil), never capitalised.
  return message.toLowerCase().startsWith(prefix.toLowerCase())
    ? message.slice(prefix.length).trimStart()
    : message;
}
