import path from 'node:path';

export interface System32Options {
  /** The environment to read SystemRoot from (process.env in the app). */
  env: Readonly<Record<string, string | undefined>>;
  platform: NodeJS.Platform;
  /**
   * A folder to use instead of the real System32. Tests point it at a folder of stub
   * executables. It is an argument, never read from the environment, so nobody can
   * redirect the app to planted executables by setting a variable.
   */
  override?: string;
}

/** Windows environment names are case-insensitive; a plain object is not. */
function readEnv(env: System32Options['env'], name: string): string | undefined {
  const key = Object.keys(env).find((candidate) => candidate.toLowerCase() === name.toLowerCase());
  const value = key === undefined ? undefined : env[key];
  return value === undefined || value.trim() === '' ? undefined : value.trim();
}

/** A drive-rooted Windows path such as C:\Windows (not \Windows, not relative, not UNC). */
function isDriveRootedPath(value: string): boolean {
  return /^[A-Za-z]:\\/.test(value) && !value.includes('\0');
}

/**
 * The folder that holds dsregcmd.exe, klist.exe, ...: %SystemRoot%\System32, or
 * %SystemRoot%\Sysnative from a 32-bit process on 64-bit Windows (WOW64 would otherwise
 * redirect System32 to SysWOW64, where dsregcmd.exe does not exist). Never found via PATH.
 * Null when there is no usable SystemRoot (or the platform is not Windows).
 */
export function resolveSystem32(options: System32Options): string | null {
  if (options.override !== undefined) return options.override;
  if (options.platform !== 'win32') return null;
  const systemRoot = readEnv(options.env, 'SystemRoot');
  if (systemRoot === undefined || !isDriveRootedPath(systemRoot)) return null;
  const isWow64 = readEnv(options.env, 'PROCESSOR_ARCHITEW6432') !== undefined;
  return path.win32.join(systemRoot, isWow64 ? 'Sysnative' : 'System32');
}

/**
 * Absolute path of a tool given relative to System32 with backslashes
 * (e.g. 'WindowsPowerShell\\v1.0\\powershell.exe'), joined with the platform's separator so
 * the same catalog works against a stub folder on Linux.
 */
export function resolveSystemExecutable(system32: string, relativePath: string): string {
  return path.join(system32, ...relativePath.split('\\'));
}
