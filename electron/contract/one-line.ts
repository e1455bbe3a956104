/** The longest reason shown to a person: a dialog line or one stderr line, never a wall of text. */
export const MAX_REASON_CHARS = 200;
/** File names inside a reason keep their end (the name is what a person recognises). */
export const MAX_LABEL_CHARS = 100;

/**
 * C0 and C1 controls, DEL, line and paragraph separators, the byte order mark, and the
 * bidirectional overrides that can make a terminal or dialog show text other than what is there.
 */
function isUnsafe(code: number): boolean {
  return (
    code < 0x20 ||
    (code >= 0x7f && code <= 0x9f) ||
    code === 0x200e ||
    code === 0x200f ||
    code === 0x2028 ||
    code === 0x2029 ||
    (code >= 0x202a && code <= 0x202e) ||
    (code >= 0x2066 && code <= 0x2069) ||
    code === 0xfeff
  );
}

function isBreak(code: number): boolean {
  return code === 0x09 || code === 0x0a || code === 0x0d;
}

function clean(text: string): string {
  let out = '';
  let afterBreak = false;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (isBreak(code)) {
      if (!afterBreak) out += ' ';
      afterBreak = true;
      continue;
    }
    afterBreak = false;
    out += isUnsafe(code) ? '?' : text[index];
  }
  return out;
}

/** Drops a high surrogate left alone by a cut, so the result is valid text. */
function withoutHalfPair(text: string): string {
  const last = text.charCodeAt(text.length - 1);
  return last >= 0xd800 && last <= 0xdbff ? text.slice(0, -1) : text;
}

/**
 * Text from outside (a file name, a field of a capture, a system message) made safe for one
 * line: breaks become spaces, other control characters "?", at most `max` characters. The
 * input is cut before it is cleaned, so a huge string costs no more than a short one.
 */
export function oneLine(text: string, max = MAX_REASON_CHARS): string {
  const cut = text.length > max;
  const head = cut ? withoutHalfPair(text.slice(0, Math.max(0, max - 1))) : text;
  return cut ? `${clean(head)}…` : clean(head);
}

/** A path for a message: cleaned, and when long, its end kept ("…\\captures\\pc-01.json"). */
export function fileLabel(file: string, max = MAX_LABEL_CHARS): string {
  if (file.length <= max) return oneLine(file, max);
  const tail = file.slice(file.length - (max - 1));
  const first = tail.charCodeAt(0);
  const whole = first >= 0xdc00 && first <= 0xdfff ? tail.slice(1) : tail;
  return `…${oneLine(whole, max - 1)}`;
}
