// Reports carry whatever the commands printed, including text crafted to mislead a reader.
// Control characters (a terminal escape, a lone carriage return that hides the start of a
// line) and bidirectional overrides (text that displays in another order than it reads) are
// shown as visible marks instead of acting on the page or the terminal.

const REPLACEMENT = '\uFFFD';

/** The text with line breaks as LF, tabs kept, and every other control character made visible. */
export function printable(text: string): string {
  let out = '';
  let start = 0;
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    if (isHighSurrogate(code) && isLowSurrogate(text.charCodeAt(i + 1))) {
      i += 1;
      continue;
    }
    const mark = visibleMark(code);
    if (mark === undefined) continue;
    out += text.slice(start, i) + mark;
    // CRLF is one line break: the LF is emitted as the mark for the CR, so skip it.
    if (code === 0x0d && text.charCodeAt(i + 1) === 0x0a) i += 1;
    start = i + 1;
  }
  return start === 0 ? text : out + text.slice(start);
}

/** What replaces the character at this code, or undefined when it stays as it is. */
function visibleMark(code: number): string | undefined {
  if (code === 0x09 || code === 0x0a) return undefined;
  if (code === 0x0d) return '\n';
  // C0 controls become their Control Pictures (ESC shows as ␛), DEL as ␡.
  if (code < 0x20) return String.fromCharCode(0x2400 + code);
  if (code === 0x7f) return '\u2421';
  if (code >= 0x80 && code <= 0x9f) return REPLACEMENT;
  if (isBidiControl(code)) return REPLACEMENT;
  // A surrogate here is one half of a pair without the other: not text.
  if (isHighSurrogate(code) || isLowSurrogate(code)) return REPLACEMENT;
  return undefined;
}

const isHighSurrogate = (code: number) => code >= 0xd800 && code <= 0xdbff;
const isLowSurrogate = (code: number) => code >= 0xdc00 && code <= 0xdfff;

function isBidiControl(code: number): boolean {
  return (
    (code >= 0x202a && code <= 0x202e) ||
    (code >= 0x2066 && code <= 0x2069) ||
    code === 0x200e ||
    code === 0x200f
  );
}
