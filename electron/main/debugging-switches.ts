// Command-line switches that would open the packaged app to other programs: Chromium's remote
// debugging (DevTools protocol over a port or a pipe, which drives the window and so every API
// call it can make: checks, fixes), Node's inspector on the main process, and V8 flags. The fuse
// EnableNodeCliInspectArguments already makes Electron ignore --inspect*; no fuse covers
// Chromium's --remote-debugging-*, so the app refuses to start with any of them (docs/security.md,
// "Debugging switches"). In development (not packaged) they stay allowed: Playwright's Electron
// tests start the unpackaged app with --inspect=0 and --remote-debugging-port=0.

import { HEADLESS_EXIT } from './headless';

/** Switch names refused exactly (Chromium reads them lower case on Windows). */
export const REFUSED_SWITCHES: readonly string[] = [
  'remote-debugging-port',
  'remote-debugging-pipe',
  'remote-debugging-address',
  'remote-debugging-io-pipes',
  'remote-allow-origins',
  'js-flags',
  'inspect',
  'inspect-brk',
  'inspect-port',
  'inspect-brk-node',
  'inspect-publish-uid',
];

/** Switch name prefixes refused too: every --inspect… and --remote-debugging… variant. */
export const REFUSED_SWITCH_PREFIXES: readonly string[] = ['inspect', 'remote-debugging'];

/** The exit code of a refused start: the CLI's and headless run's "bad invocation". */
export const REFUSED_SWITCH_EXIT_CODE = HEADLESS_EXIT.usage;

/**
 * The switch name an argument spells, lower case, or null when it is no switch. Chromium takes
 * `--name`, `-name` and, on Windows, `/name`, each optionally followed by `=value`.
 */
export function switchNameOf(arg: string, platform: NodeJS.Platform): string | null {
  const prefix = arg.startsWith('--')
    ? 2
    : arg.startsWith('-') || (platform === 'win32' && arg.startsWith('/'))
      ? 1
      : 0;
  if (prefix === 0) return null;
  const body = arg.slice(prefix);
  const equals = body.indexOf('=');
  const name = (equals === -1 ? body : body.slice(0, equals)).trim().toLowerCase();
  return name === '' ? null : name;
}

function isRefusedName(name: string): boolean {
  return REFUSED_SWITCHES.includes(name) || REFUSED_SWITCH_PREFIXES.some((prefix) => name.startsWith(prefix));
}

/** The part of Electron's `app` this needs (a fake in tests). */
export interface SwitchApp {
  readonly isPackaged: boolean;
  readonly commandLine: { hasSwitch(name: string): boolean };
  exit(code?: number): void;
}

export interface SwitchCheckOptions {
  /** process.argv: the executable first. */
  argv: readonly string[];
  platform: NodeJS.Platform;
}

/**
 * The refused switches the app was started with, as `--name`, in the order first seen: every
 * argument after the executable (an argument after `--` too, which is stricter than Chromium),
 * and whatever Chromium's own command line reports for the exact names.
 */
export function refusedSwitchesOf(
  app: Pick<SwitchApp, 'commandLine'>,
  options: SwitchCheckOptions,
): string[] {
  const found = new Set<string>();
  for (const arg of options.argv.slice(1)) {
    const name = switchNameOf(arg, options.platform);
    if (name !== null && isRefusedName(name)) found.add(`--${name}`);
  }
  for (const name of REFUSED_SWITCHES) if (app.commandLine.hasSwitch(name)) found.add(`--${name}`);
  return [...found];
}

export function refusalMessage(switches: readonly string[]): string {
  return (
    `WHfB Doctor does not start with ${switches.join(', ')}: ${switches.length === 1 ? 'it opens' : 'these open'} ` +
    'the app to other programs, which could then run its checks and fixes as you. ' +
    'Start it again without debugging switches (check the shortcut or the script that started it).'
  );
}

export interface RefusalReporter {
  /** Where the message goes: stderr, and a dialog box when there is a window to speak for. */
  report(title: string, message: string): void;
}

/**
 * Ends the packaged app at once, before anything starts, when it was given a refused switch,
 * and says why; returns true if it did. The unpackaged app (npm start, the Electron tests) is
 * let through.
 */
export function refuseDebuggingSwitches(
  app: SwitchApp,
  options: SwitchCheckOptions & RefusalReporter,
): boolean {
  if (!app.isPackaged) return false;
  const switches = refusedSwitchesOf(app, options);
  if (switches.length === 0) return false;
  options.report('WHfB Doctor cannot start', refusalMessage(switches));
  app.exit(REFUSED_SWITCH_EXIT_CODE);
  return true;
}
