/**
 * What carrying out a fix means, as fixed data: the renderer shows the steps and never names a
 * command. The engine's plans (electron/engine/fixes/fix-plans.ts) fill them in per fix.
 */
export type FixStep =
  /** A System32 tool with fixed arguments, run through the command funnel. */
  | { kind: 'run'; executable: string; args: string[] }
  /** A Windows settings page, opened by the desktop shell (an allowlisted ms-settings: URI). */
  | { kind: 'open-settings'; uri: 'ms-settings:workplace' }
  /** A command for an administrator to run elsewhere; shown with a copy button, never run here. */
  | { kind: 'show-command'; text: string; where: string }
  /** Words only. */
  | { kind: 'guidance'; text: string };
