import type { FixAttempt } from '@contract/fix-attempt';
import type { FixId } from '@contract/types';
import { FIX_CATALOG } from '../../engine/fixes/fix-catalog';
import { type FixPlanContext, planFix } from '../../engine/fixes/fix-plans';
import { parseCertutilDeleteHello } from '../../engine/parsers/parse-certutil-delete-hello';
import type { CommandRunner } from '../command-funnel';
import { resolveSystemExecutable } from '../system-paths';

export interface CarryOutFixOptions {
  system32: string;
  runner: CommandRunner;
  /** Opens an allowlisted ms-settings: page (the desktop shell does this). */
  openSettings: (uri: string) => Promise<void>;
  context?: FixPlanContext;
  now?: () => Date;
}

/** Carries out a fix that the guard allowed. Never throws: failures are in the attempt. */
export async function carryOutFix(id: FixId, options: CarryOutFixOptions): Promise<FixAttempt> {
  const at = (options.now ?? (() => new Date()))().toISOString();
  const output: string[] = [];
  let shownOnly = true;
  let lastOutput = '';
  for (const step of planFix(id, options.context)) {
    switch (step.kind) {
      case 'run': {
        shownOnly = false;
        const result = await options.runner({
          file: resolveSystemExecutable(options.system32, step.executable),
          args: step.args,
          timeoutMs: 60_000,
        });
        lastOutput = result.stdout;
        output.push(
          `> ${[step.executable, ...step.args].join(' ')}`,
          result.stdout.trim(),
          result.stderr.trim(),
        );
        if (result.error || (result.exitCode !== 0 && result.exitCode !== null)) {
          const why = result.error ?? `exit code ${result.exitCode}`;
          return {
            at,
            fixId: id,
            outcome: 'failed',
            message: `${step.executable} failed: ${why}`,
            output: tidy(output),
          };
        }
        break;
      }
      case 'open-settings':
        shownOnly = false;
        try {
          await options.openSettings(step.uri);
          output.push(`> open ${step.uri}`);
        } catch (error) {
          const why = error instanceof Error ? error.message : String(error);
          return {
            at,
            fixId: id,
            outcome: 'failed',
            message: `Settings could not be opened: ${why}`,
            output: tidy(output),
          };
        }
        break;
      case 'show-command':
        output.push(step.text);
        break;
      case 'guidance':
        output.push(step.text);
        break;
    }
  }
  if (shownOnly) {
    return {
      at,
      fixId: id,
      outcome: 'shown',
      message: 'Shown; nothing was run on this device.',
      output: tidy(output),
    };
  }
  return { at, fixId: id, outcome: 'done', message: doneMessage(id, lastOutput), output: tidy(output) };
}

/** "Done" plus what to do next; for certutil, its own words when it asked the user to sign out. */
function doneMessage(id: FixId, stdout: string): string {
  const after = FIX_CATALOG[id].after;
  if (id !== 'delete-hello-container') return `Done. ${after}`;
  const certutil = parseCertutilDeleteHello(stdout).facts;
  const said = certutil.signOutLine ? ` Windows says: "${certutil.signOutLine}"` : '';
  return `The Hello container was deleted.${said} ${after}`;
}

function tidy(lines: string[]): string {
  return lines.filter((line) => line !== '').join('\n');
}
