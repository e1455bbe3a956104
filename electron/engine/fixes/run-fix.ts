import type { CommandRunner } from '../host/command-funnel';
import { resolveSystemExecutable } from '../host/system-paths';
import type { FixId } from '../types';
import type { FixAttempt } from './fix-attempt';
import { type FixPlanContext, planFix } from './fix-plans';

export interface RunFixOptions {
  system32: string;
  runner: CommandRunner;
  /** Opens an allowlisted ms-settings: page (the desktop shell does this). */
  openSettings: (uri: string) => Promise<void>;
  context?: FixPlanContext;
  now?: () => Date;
}

/** Carries out a fix that the guard allowed. Never throws: failures are in the attempt. */
export async function runFix(id: FixId, options: RunFixOptions): Promise<FixAttempt> {
  const at = (options.now ?? (() => new Date()))().toISOString();
  const output: string[] = [];
  let shownOnly = true;
  for (const step of planFix(id, options.context)) {
    switch (step.kind) {
      case 'run': {
        shownOnly = false;
        const result = await options.runner({
          file: resolveSystemExecutable(options.system32, step.executable),
          args: step.args,
          timeoutMs: 60_000,
        });
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
  return shownOnly
    ? {
        at,
        fixId: id,
        outcome: 'shown',
        message: 'Shown; nothing was run on this device.',
        output: tidy(output),
      }
    : { at, fixId: id, outcome: 'done', message: 'Done.', output: tidy(output) };
}

function tidy(lines: string[]): string {
  return lines.filter((line) => line !== '').join('\n');
}
