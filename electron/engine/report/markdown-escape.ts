import { printable } from './printable-text';

// Characters that start Markdown markup anywhere in a line (CommonMark and GitHub tables).
const ALWAYS = new Set(['\\', '`', '*', '[', ']', '<', '>', '|', '&', '~']);

/** One line of prose: every markup character escaped, line breaks as spaces, so it renders as typed. */
export function markdownText(text: string): string {
  return escapeLine(printable(text).replace(/\n+/g, ' '));
}

/** A table cell: like markdownText, with line breaks kept as <br> (the only break a GitHub table cell has). */
export function markdownCell(text: string): string {
  return printable(text)
    .split('\n')
    .map((line) => escapeLine(line))
    .join('<br>');
}

/** Lines shown exactly as printed: a fenced block whose fence no line of the text can close. */
export function markdownCodeBlock(lines: readonly string[], info = 'text'): string {
  const body = printable(lines.join('\n'));
  const fence = '`'.repeat(Math.max(3, longestBacktickRun(body) + 1));
  return `${fence}${info}\n${body}\n${fence}`;
}

/** Inline code for short values (a command, an id), with a fence longer than any backtick run inside. */
export function markdownCode(text: string): string {
  const body = printable(text).replace(/\n+/g, ' ');
  const fence = '`'.repeat(longestBacktickRun(body) + 1);
  const pad = body.startsWith('`') || body.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${body}${pad}${fence}`;
}

function escapeLine(line: string): string {
  let out = '';
  for (let i = 0; i < line.length; i += 1) {
    const c = line[i] as string;
    if (ALWAYS.has(c) || (c === '_' && !(isWordChar(line[i - 1]) && isWordChar(line[i + 1]))))
      out += `\\${c}`;
    else out += c;
  }
  return escapeLineStart(out);
}

// At the start of a line (or a list item), "# ", "- ", "+ ", "= " and "1. " open blocks.
function escapeLineStart(line: string): string {
  const first = line[0];
  if (first === '#' || first === '-' || first === '+' || first === '=') return `\\${line}`;
  let digits = 0;
  while (digits < line.length && isDigit(line[digits])) digits += 1;
  const after = line[digits];
  if (digits > 0 && (after === '.' || after === ')'))
    return `${line.slice(0, digits)}\\${line.slice(digits)}`;
  return line;
}

function longestBacktickRun(text: string): number {
  let longest = 0;
  let run = 0;
  for (const c of text) {
    run = c === '`' ? run + 1 : 0;
    if (run > longest) longest = run;
  }
  return longest;
}

const isDigit = (c: string | undefined) => c !== undefined && c >= '0' && c <= '9';
const isWordChar = (c: string | undefined) =>
  c !== undefined && (isDigit(c) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'));
