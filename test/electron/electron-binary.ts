// Whether Electron's binary is on this machine, found without `require('electron')`: the electron
// package downloads its binary on first require, and a test must never start a download.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';

export type ElectronBinary =
  | { available: true; executablePath: string }
  | { available: false; reason: string };

const HOW_TO_GET_IT = '`npx install-electron` downloads it where the internet is reachable';

/** Reads what the electron package's own index.js reads: path.txt, then the file under dist/. */
export function findElectronBinary(env: NodeJS.ProcessEnv = process.env): ElectronBinary {
  let packageDir: string;
  try {
    packageDir = dirname(createRequire(import.meta.url).resolve('electron/package.json'));
  } catch {
    return { available: false, reason: 'the electron package is not installed (npm ci installs it)' };
  }
  const shown = (path: string) => relative(process.cwd(), path) || path;
  const pathFile = join(packageDir, 'path.txt');
  if (!existsSync(pathFile)) {
    return {
      available: false,
      reason: `Electron's binary is not downloaded (no ${shown(pathFile)}); ${HOW_TO_GET_IT}`,
    };
  }
  const distDir = env.ELECTRON_OVERRIDE_DIST_PATH ?? join(packageDir, 'dist');
  const executablePath = join(distDir, readFileSync(pathFile, 'utf8').trim());
  if (!existsSync(executablePath)) {
    return {
      available: false,
      reason: `Electron's binary is missing (${shown(executablePath)} does not exist); ${HOW_TO_GET_IT}`,
    };
  }
  return { available: true, executablePath };
}
