import { type CommandRunner, runCommand } from './command-funnel';
import { FALLBACK_CODE_PAGE } from './decode-output';
import { resolveSystemExecutable } from './system-paths';

export const OEM_CODE_PAGE_ARGS = [
  'query',
  'HKLM\\SYSTEM\\CurrentControlSet\\Control\\Nls\\CodePage',
  '/v',
  'OEMCP',
] as const;

/** Reads "    OEMCP    REG_SZ    850" from `reg query ... /v OEMCP`; null when absent or not a code page. */
export function parseOemCodePage(text: string): number | null {
  const match = /^\s*OEMCP\s+REG_SZ\s+(\d{1,5})\s*$/im.exec(text);
  if (!match?.[1]) return null;
  const codePage = Number(match[1]);
  return codePage > 0 && codePage <= 65535 ? codePage : null;
}

export interface ReadOemCodePageOptions {
  system32: string;
  runner?: CommandRunner;
}

/**
 * The code page console tools use when their output is piped. It changes only with a
 * reboot, so callers read it once per run. The reg output itself is ASCII, so decoding it
 * with the fallback page is safe. Falls back to 437 when unreadable.
 */
export async function readOemCodePage(options: ReadOemCodePageOptions): Promise<number> {
  const runner = options.runner ?? runCommand;
  try {
    const result = await runner({
      file: resolveSystemExecutable(options.system32, 'reg.exe'),
      args: OEM_CODE_PAGE_ARGS,
      codePage: FALLBACK_CODE_PAGE,
      timeoutMs: 5_000,
    });
    return (result.error === null && parseOemCodePage(result.stdout)) || FALLBACK_CODE_PAGE;
  } catch {
    return FALLBACK_CODE_PAGE;
  }
}
