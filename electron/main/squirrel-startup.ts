// A Squirrel.Windows install (Forge's squirrel maker) starts the app with --squirrel-* arguments;
// the app must create or remove its shortcuts through Update.exe and quit at once.

import { spawn } from 'node:child_process';
import path from 'node:path';
import type { App } from 'electron';

/** The arguments for Update.exe (null: just quit), or undefined when this is a normal start. */
export function squirrelUpdateArgs(argv: readonly string[], exeName: string): string[] | null | undefined {
  switch (argv[1]) {
    case '--squirrel-install':
    case '--squirrel-updated':
      return [`--createShortcut=${exeName}`];
    case '--squirrel-uninstall':
      return [`--removeShortcut=${exeName}`];
    case '--squirrel-obsolete':
      return null;
    default:
      return undefined;
  }
}

/** True when this start was a Squirrel event and the app is quitting. */
export function handleSquirrelStartup(
  app: Pick<App, 'quit'>,
  platform: NodeJS.Platform = process.platform,
  argv: readonly string[] = process.argv,
  execPath: string = process.execPath,
): boolean {
  if (platform !== 'win32') return false;
  const args = squirrelUpdateArgs(argv, path.win32.basename(execPath));
  if (args === undefined) return false;
  if (args === null) {
    app.quit();
    return true;
  }
  // Update.exe sits one folder above the versioned app folder; absolute path, no shell.
  const updateExe = path.win32.resolve(path.win32.dirname(execPath), '..', 'Update.exe');
  try {
    const child = spawn(updateExe, args, {
      detached: true,
      shell: false,
      windowsHide: true,
      stdio: 'ignore',
    });
    child.once('error', () => app.quit());
    child.once('close', () => app.quit());
  } catch {
    app.quit();
  }
  return true;
}
