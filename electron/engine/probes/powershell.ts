// Windows PowerShell for the probes that need .NET or ADSI. The script travels as
// -EncodedCommand (base64 of UTF-16LE), so nothing in it is ever parsed by a command line.

export const POWERSHELL_EXECUTABLE = 'WindowsPowerShell\\v1.0\\powershell.exe';

/** Prints $result as one line of JSON, non-ASCII escaped so any console code page keeps it intact. */
export const PRINT_RESULT_AS_JSON = `$json = ConvertTo-Json -InputObject $result -Compress -Depth 4
$json = [regex]::Replace($json, '[^\\x00-\\x7F]', { param($m) '\\u{0:x4}' -f [int][char]$m.Value })
[Console]::Out.WriteLine($json)`;

/**
 * A PowerShell single-quoted string literal. Inside one, only quote characters are
 * special, and PowerShell treats the typographic ones (U+2018-U+201B) as quotes too,
 * so each is doubled.
 */
export function toPowerShellLiteral(value: string): string {
  return `'${value.replace(/['\u2018\u2019\u201A\u201B]/g, (quote) => quote + quote)}'`;
}

/** -EncodedCommand takes base64 of UTF-16LE: no quoting of the script on the command line at all. */
export function encodePowerShellCommand(script: string): string {
  return Buffer.from(script, 'utf16le').toString('base64');
}

/** argv for powershell.exe running a script, without profile, prompts or execution policy checks. */
export function powerShellArgs(script: string): string[] {
  return [
    '-NoProfile',
    '-NonInteractive',
    '-ExecutionPolicy',
    'Bypass',
    '-EncodedCommand',
    encodePowerShellCommand(script),
  ];
}
