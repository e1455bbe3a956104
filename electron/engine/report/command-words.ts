/** An argv as one line people can read and copy: arguments with spaces or quotes are quoted. */
export function commandLine(argv: readonly string[]): string {
  return argv
    .map((arg) => (arg === '' || /[\s"]/.test(arg) ? `"${arg.replaceAll('"', '\\"')}"` : arg))
    .join(' ');
}
