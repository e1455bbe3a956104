/** An argv as one line people can paste into a Command Prompt: arguments with spaces or quotes get quoted. */
export function commandLine(argv: readonly string[]): string {
  return argv.map(quoteArgument).join(' ');
}

function quoteArgument(arg: string): string {
  if (arg !== '' && !/[\s"]/.test(arg)) return arg;
  return `"${arg.replace(/"/g, '\\"')}"`;
}
