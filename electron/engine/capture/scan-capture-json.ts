// A linear look at capture JSON before JSON.parse sees it. JSON.parse itself copes with depth,
// but every recursive step after it (printing a value, validating it) does not; a capture is
// four levels deep, so anything much deeper, a huge string outside the command output, or a
// field named twice (JSON.parse keeps the last one silently) is refused here, with where.

import { oneLine } from '../files/one-line';

/** A capture is 4 levels deep (capture ▸ probes ▸ probe ▸ command); room for newer versions. */
export const MAX_CAPTURE_DEPTH = 32;
/** Any string but a probe's stdout and stderr: dates, names, arguments, error messages, keys. */
export const MAX_FIELD_CHARS = 64 * 1024;
/** A capture's widest object is its probe table, a few dozen entries. */
export const MAX_OBJECT_KEYS = 1000;
const MAX_NUMBER_CHARS = 100;
const MAX_PATH_KEY_CHARS = 40;
const TEXT_FIELDS = new Set(['stdout', 'stderr']);

export type CaptureScan = { ok: true } | { ok: false; reason: string };

interface Frame {
  object: boolean;
  /** Object: the names seen so far (for duplicates) and the one whose value comes next. */
  keys: Set<string>;
  key: string;
  /** Array: the index of the value that comes next. */
  index: number;
}

type Expect = 'value' | 'value-or-end' | 'key' | 'key-or-end' | 'colon' | 'comma-or-end' | 'done';

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
// biome-ignore lint/suspicious/noControlCharactersInRegex: JSON forbids raw control characters in strings; this finds them.
const STRING_STOP = /["\\\u0000-\u001f]/g;
const ESCAPES = new Set([...'"\\/bfnrtu'].map((c) => c.charCodeAt(0)));

function isWhitespace(code: number): boolean {
  return code === 0x20 || code === 0x09 || code === 0x0a || code === 0x0d;
}

function isDigit(code: number): boolean {
  return code >= 0x30 && code <= 0x39;
}

function isHex(code: number): boolean {
  return isDigit(code) || (code >= 0x41 && code <= 0x46) || (code >= 0x61 && code <= 0x66);
}

function count(value: number): string {
  return value.toLocaleString('en-US');
}

/** Thrown inside the scan only, to leave it from any depth of the loop with the reason. */
class Refusal extends Error {}

/** Scans once, left to right, keeping only the open containers; never recurses, never builds values. */
export function scanCaptureJson(text: string): CaptureScan {
  const length = text.length;
  const stack: Frame[] = [];
  let expect: Expect = 'value';
  let at = 0;
  let line = 1;
  let lineStart = 0;

  const where = (index: number) => `line ${line}, column ${index - lineStart + 1}`;
  const invalid = (detail: string) => new Refusal(oneLine(`not a capture file: not valid JSON (${detail})`));
  const refuse = (detail: string) => new Refusal(oneLine(`not a WHfB Doctor capture (${detail})`));
  const unexpected = (index: number) => {
    if (index >= length) return invalid(length === 0 ? 'the file is empty' : 'the file ends too early');
    const code = text.charCodeAt(index);
    const shown =
      code > 0x20 && code < 0x7f
        ? `"${text[index]}"`
        : `character U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
    return invalid(`unexpected ${shown} at ${where(index)}`);
  };
  const path = (frames: Frame[] = stack): string => {
    const parts = frames.map((frame, depth) => {
      if (!frame.object) return `[${frame.index}]`;
      const key = oneLine(frame.key, MAX_PATH_KEY_CHARS);
      return depth === 0 ? key : `.${key}`;
    });
    return parts.join('') || 'the top level';
  };
  const inTextField = () =>
    stack.length === 3 &&
    stack[0]?.key === 'probes' &&
    stack[1]?.object === true &&
    stack[2]?.object === true &&
    TEXT_FIELDS.has(stack[2].key);

  /** Index just past the closing quote of the string opening at `start`. */
  const skipString = (start: number): number => {
    let index = start + 1;
    for (;;) {
      let code = text.charCodeAt(index);
      if (code !== QUOTE && code !== BACKSLASH) {
        // The regular expression engine finds the next quote, backslash or control character
        // natively: long outputs are skipped at memory speed, not one character at a time.
        STRING_STOP.lastIndex = index;
        if (!STRING_STOP.test(text)) throw unexpected(length);
        index = STRING_STOP.lastIndex - 1;
        code = text.charCodeAt(index);
      }
      if (code === QUOTE) return index + 1;
      if (code !== BACKSLASH) throw unexpected(index);
      const escaped = text.charCodeAt(index + 1);
      if (!ESCAPES.has(escaped)) throw unexpected(index + 1);
      if (escaped === 0x75) {
        for (let digit = index + 2; digit < index + 6; digit++)
          if (!isHex(text.charCodeAt(digit))) throw unexpected(digit);
        index += 6;
      } else index += 2;
    }
  };

  const skipNumber = (start: number): number => {
    let index = start;
    if (text.charCodeAt(index) === 0x2d) index++;
    if (text.charCodeAt(index) === 0x30) index++;
    else if (isDigit(text.charCodeAt(index))) while (isDigit(text.charCodeAt(index))) index++;
    else throw unexpected(index);
    if (text.charCodeAt(index) === 0x2e) {
      index++;
      if (!isDigit(text.charCodeAt(index))) throw unexpected(index);
      while (isDigit(text.charCodeAt(index))) index++;
    }
    if ((text.charCodeAt(index) | 0x20) === 0x65) {
      index++;
      if (text.charCodeAt(index) === 0x2b || text.charCodeAt(index) === 0x2d) index++;
      if (!isDigit(text.charCodeAt(index))) throw unexpected(index);
      while (isDigit(text.charCodeAt(index))) index++;
    }
    if (index - start > MAX_NUMBER_CHARS)
      throw refuse(`a number of ${count(index - start)} characters at ${where(start)}`);
    return index;
  };

  const afterValue = () => {
    const parent = stack.at(-1);
    if (parent && !parent.object) parent.index++;
    expect = parent ? 'comma-or-end' : 'done';
  };

  const open = (object: boolean) => {
    if (stack.length >= MAX_CAPTURE_DEPTH)
      throw refuse(`nested deeper than ${MAX_CAPTURE_DEPTH} levels at ${where(at)}`);
    stack.push({ object, keys: new Set(), key: '', index: 0 });
    expect = object ? 'key-or-end' : 'value-or-end';
    at++;
  };

  const close = () => {
    stack.pop();
    at++;
    afterValue();
  };

  const value = (code: number) => {
    if (code === 0x7b || code === 0x5b) {
      open(code === 0x7b);
      return;
    }
    if (code === QUOTE) {
      const end = skipString(at);
      const chars = end - at - 2;
      if (chars > MAX_FIELD_CHARS && !inTextField())
        throw refuse(
          `a ${count(chars)}-character string at ${path()}; only stdout and stderr may be longer than ${count(MAX_FIELD_CHARS)}`,
        );
      at = end;
    } else if (code === 0x2d || isDigit(code)) at = skipNumber(at);
    else {
      const word = ['true', 'false', 'null'].find((literal) => text.startsWith(literal, at));
      if (!word) throw unexpected(at);
      at += word.length;
    }
    afterValue();
  };

  /** The open container; called only where one is open. */
  const top = () => stack[stack.length - 1] as Frame;

  // Where the open object itself sits: its own last key is not the one being read.
  const objectPath = () => path(stack.slice(0, -1));

  const key = () => {
    const frame = top();
    const end = skipString(at);
    const raw = text.slice(at + 1, end - 1);
    if (raw.length > MAX_FIELD_CHARS)
      throw refuse(`a field name of ${count(raw.length)} characters in ${objectPath()}`);
    const name = raw.includes('\\') ? (JSON.parse(`"${raw}"`) as string) : raw;
    frame.key = name;
    if (frame.keys.has(name)) throw refuse(`the field ${path()} appears twice, ${where(at)}`);
    if (frame.keys.size >= MAX_OBJECT_KEYS)
      throw refuse(`more than ${count(MAX_OBJECT_KEYS)} fields in ${objectPath()}, ${where(at)}`);
    frame.keys.add(name);
    at = end;
    expect = 'colon';
  };

  try {
    while (at < length) {
      const code = text.charCodeAt(at);
      if (isWhitespace(code)) {
        at++;
        if (code === 0x0a) {
          line++;
          lineStart = at;
        }
        continue;
      }
      // Widened: the helpers above move `expect` too, which narrowing here cannot see.
      switch (expect as Expect) {
        case 'value-or-end':
          if (code === 0x5d) close();
          else value(code);
          break;
        case 'value':
          value(code);
          break;
        case 'key-or-end':
          if (code === 0x7d) close();
          else if (code === QUOTE) key();
          else throw unexpected(at);
          break;
        case 'key':
          if (code !== QUOTE) throw unexpected(at);
          key();
          break;
        case 'colon':
          if (code !== 0x3a) throw unexpected(at);
          at++;
          expect = 'value';
          break;
        case 'comma-or-end':
          if (code === 0x2c) {
            at++;
            expect = top().object ? 'key' : 'value';
          } else if (code === (top().object ? 0x7d : 0x5d)) close();
          else throw unexpected(at);
          break;
        case 'done':
          throw unexpected(at);
      }
    }
    if ((expect as Expect) !== 'done') throw unexpected(length);
    return { ok: true };
  } catch (error) {
    return { ok: false, reason: oneLine((error as Error).message) };
  }
}
