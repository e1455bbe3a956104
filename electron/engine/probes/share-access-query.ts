import { validateUncPath } from '@contract/validate-unc-path';
import { PRINT_RESULT_AS_JSON, powerShellArgs, toPowerShellLiteral } from './powershell';
import type { ProbeContext } from './probe-context';

const PATH_PLACEHOLDER = '__PATH_LITERAL__';

/**
 * Opens the folder as the user would (System.IO, so the Win32 error survives; Get-ChildItem
 * reports every network failure as "not found") and counts up to 1000 entries. Prints the
 * one line of JSON that parse-share-access.ts reads. Win32 codes in HResult's low word:
 * 5 access denied; 1326/1311/1909/1907/1331/1244/1272 sign-in refused; 53/64/121/1231/1232
 * network path unreachable; 2/3/67 share or folder not found.
 */
export const SHARE_ACCESS_SCRIPT_TEMPLATE = `$ErrorActionPreference = 'Stop'
$ProgressPreference = 'SilentlyContinue'
$path = ${PATH_PLACEHOLDER}
$result = [ordered]@{ path = $path; listed = $false; entries = $null; failure = $null; message = $null }
try {
  $count = 0
  foreach ($entry in [System.IO.Directory]::EnumerateFileSystemEntries($path)) {
    $count++
    if ($count -ge 1000) { break }
  }
  $result.listed = $true
  $result.entries = $count
} catch {
  $exception = $_.Exception
  while ($null -ne $exception.InnerException) { $exception = $exception.InnerException }
  $result.message = $exception.Message
  $code = $exception.HResult -band 0xFFFF
  if ($exception -is [System.UnauthorizedAccessException] -or $code -eq 5) { $result.failure = 'denied' }
  elseif (@(1326, 1311, 1909, 1907, 1331, 1244, 1272) -contains $code) { $result.failure = 'logon-failure' }
  elseif (@(53, 64, 121, 1231, 1232) -contains $code) { $result.failure = 'unreachable' }
  elseif ($exception -is [System.IO.DirectoryNotFoundException] -or @(2, 3, 67) -contains $code) { $result.failure = 'not-found' }
  else { $result.failure = 'other' }
}
${PRINT_RESULT_AS_JSON}
`;

/** The script for one share; null unless the path passes the strict UNC validation. */
export function buildShareAccessScript(share: string): string | null {
  const checked = validateUncPath(share);
  if (!checked.ok) return null;
  return SHARE_ACCESS_SCRIPT_TEMPLATE.split(PATH_PLACEHOLDER).join(toPowerShellLiteral(checked.path));
}

/** argv for powershell.exe, or null when no valid share path was given. */
export function shareAccessArgs(context: ProbeContext): string[] | null {
  const script = context.share === undefined ? null : buildShareAccessScript(context.share);
  return script === null ? null : powerShellArgs(script);
}
