// Values from outside (a domain read from command output, a path a person typed) written to
// break out of a PowerShell string. Not a test file itself.

// Quotes of every kind, subexpressions, variables, escapes, statement separators, comments,
// here-string openers and line breaks. No NUL: tree-sitter reads it as the end of the input
// (PowerShell does not), and the builders refuse control characters before this point.
export const HOSTILE_VALUES: readonly string[] = [
  "'; Remove-Item C:\\ -Recurse; '",
  "''",
  "'",
  '$(Start-Process calc)',
  // biome-ignore lint/suspicious/noTemplateCurlyInString: PowerShell's ${...} variable syntax, on purpose
  '${env:USERPROFILE}',
  '$env:USERPROFILE',
  '`whoami`',
  '`',
  'a`nb',
  'a; calc',
  'a | Out-File x',
  'a\ncalc',
  'a\r\ncalc\r\n',
  "x'\ncalc\n'",
  '# comment',
  "@'\ncalc\n'@",
  '@"\ncalc\n"@',
  '"; calc; "',
  '\u2019; calc; \u2018',
  'Bob\u2019s \u2018share\u2019 \u201Ahere\u201B',
  '\u2019\u2019\u2019',
  '&(calc)',
  '& calc',
  '<# block #> calc',
  'tab\there',
  'é😀 ünïcödé',
];
