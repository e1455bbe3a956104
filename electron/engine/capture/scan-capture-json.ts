// A linear look at capture JSON before JSON.parse sees it. JSON.parse itself copes with depth,
// but every recursive step after it (printing a value, validating it) does not; a capture is
// four levels deep, so anything much deeper, a huge string outside the command output, or a
// field named twice (JSON.parse keeps the last one silently) is refused here, with where.

import { oneLine } from '@contract/one-line';

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

/** Leaves the scan with the reason: `message` is what the user reads. */
function refusal(message: string): Refusal {
  return new Refusal(oneLine(message));
}

/**
 * The state of one scan: where it is, what comes next and the open containers. A class rather
 * than closures so that each step is a short method; it is created, run once and dropped.
 */
class CaptureScanner {
  private readonly length: number;
  private readonly stack: Frame[] = [];
  private expect: Expect = 'value';
  private at = 0;
  private line = 1;
  private lineStart = 0;

  constructor(private readonly text: string) {
    this.length = text.length;
  }

  /** Throws a Refusal at the first thing a capture cannot be. */
  run(): void {
    const { text, length } = this;
    while (this.at < length) {
      const code = text.charCodeAt(this.at);
      if (isWhitespace(code)) {
        this.at++;
        if (code === 0x0a) {
          this.line++;
          this.lineStart = this.at;
        }
        continue;
      }
      this.step(code);
    }
    if (this.expect !== 'done') throw this.unexpected(length);
  }

  /** One token that is not whitespace, read as what `expect` allows. */
  private step(code: number): void {
    switch (this.expect) {
      case 'value-or-end':
        if (code === 0x5d) this.close();
        else this.value(code);
        break;
      case 'value':
        this.value(code);
        break;
      case 'key-or-end':
        if (code === 0x7d) this.close();
        else if (code === QUOTE) this.key();
        else throw this.unexpected(this.at);
        break;
      case 'key':
        if (code !== QUOTE) throw this.unexpected(this.at);
        this.key();
        break;
      case 'colon':
        if (code !== 0x3a) throw this.unexpected(this.at);
        this.at++;
        this.expect = 'value';
        break;
      case 'comma-or-end':
        this.commaOrEnd(code);
        break;
      case 'done':
        throw this.unexpected(this.at);
    }
  }

  private commaOrEnd(code: number): void {
    if (code === 0x2c) {
      this.at++;
      this.expect = this.top().object ? 'key' : 'value';
    } else if (code === (this.top().object ? 0x7d : 0x5d)) this.close();
    else throw this.unexpected(this.at);
  }

  private where(index: number): string {
    return `line ${this.line}, column ${index - this.lineStart + 1}`;
  }

  private invalid(detail: string): Refusal {
    return refusal(`not a capture file: not valid JSON (${detail})`);
  }

  private refuse(detail: string): Refusal {
    return refusal(`not a WHfB Doctor capture (${detail})`);
  }

  private unexpected(index: number): Refusal {
    const { text, length } = this;
    if (index >= length) return this.invalid(length === 0 ? 'the file is empty' : 'the file ends too early');
    const code = text.charCodeAt(index);
    const shown =
      code > 0x20 && code < 0x7f
        ? `"${text[index]}"`
        : `character U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
    return this.invalid(`unexpected ${shown} at ${this.where(index)}`);
  }

  private path(frames: Frame[] = this.stack): string {
    const parts = frames.map((frame, depth) => {
      if (!frame.object) return `[${frame.index}]`;
      const key = oneLine(frame.key, MAX_PATH_KEY_CHARS);
      return depth === 0 ? key : `.${key}`;
    });
    return parts.join('') || 'the top level';
  }

  private inTextField(): boolean {
    const stack = this.stack;
    return (
      stack.length === 3 &&
      stack[0]?.key === 'probes' &&
      stack[1]?.object === true &&
      stack[2]?.object === true &&
      TEXT_FIELDS.has(stack[2].key)
    );
  }

  /** Index just past the closing quote of the string opening at `start`. */
  private skipString(start: number): number {
    const text = this.text;
    let index = start + 1;
    for (;;) {
      let code = text.charCodeAt(index);
      if (code !== QUOTE && code !== BACKSLASH) {
        // The regular expression engine finds the next quote, backslash or control character
        // natively: long outputs are skipped at memory speed, not one character at a time.
        STRING_STOP.lastIndex = index;
        if (!STRING_STOP.test(text)) throw this.unexpected(this.length);
        index = STRING_STOP.lastIndex - 1;
        code = text.charCodeAt(index);
      }
      if (code === QUOTE) return index + 1;
      if (code !== BACKSLASH) throw this.unexpected(index);
      const escaped = text.charCodeAt(index + 1);
      if (!ESCAPES.has(escaped)) throw this.unexpected(index + 1);
      if (escaped === 0x75) {
        for (let digit = index + 2; digit < index + 6; digit++)
          if (!isHex(text.charCodeAt(digit))) throw this.unexpected(digit);
        index += 6;
      } else index += 2;
    }
  }

  private skipNumber(start: number): number {
    const text = this.text;
    let index = start;
    if (text.charCodeAt(index) === 0x2d) index++;
    if (text.charCodeAt(index) === 0x30) index++;
    else if (isDigit(text.charCodeAt(index))) while (isDigit(text.charCodeAt(index))) index++;
    else throw this.unexpected(index);
    if (text.charCodeAt(index) === 0x2e) {
      index++;
      if (!isDigit(text.charCodeAt(index))) throw this.unexpected(index);
      while (isDigit(text.charCodeAt(index))) index++;
    }
    if ((text.charCodeAt(index) | 0x20) === 0x65) {
      index++;
      if (text.charCodeAt(index) === 0x2b || text.charCodeAt(index) === 0x2d) index++;
      if (!isDigit(text.charCodeAt(index))) throw this.unexpected(index);
      while (isDigit(text.charCodeAt(index))) index++;
    }
    if (index - start > MAX_NUMBER_CHARS)
      throw this.refuse(`a number of ${count(index - start)} characters at ${this.where(start)}`);
    return index;
  }

  private afterValue(): void {
    const parent = this.stack.at(-1);
    if (parent && !parent.object) parent.index++;
    this.expect = parent ? 'comma-or-end' : 'done';
  }

  private open(object: boolean): void {
    if (this.stack.length >= MAX_CAPTURE_DEPTH)
      throw this.refuse(`nested deeper than ${MAX_CAPTURE_DEPTH} levels at ${this.where(this.at)}`);
    this.stack.push({ object, keys: new Set(), key: '', index: 0 });
    this.expect = object ? 'key-or-end' : 'value-or-end';
    this.at++;
  }

  private close(): void {
    this.stack.pop();
    this.at++;
    this.afterValue();
  }

  private value(code: number): void {
    if (code === 0x7b || code === 0x5b) {
      this.open(code === 0x7b);
      return;
    }
    const at = this.at;
    if (code === QUOTE) {
      const end = this.skipString(at);
      const chars = end - at - 2;
      if (chars > MAX_FIELD_CHARS && !this.inTextField())
        throw this.refuse(
          `a ${count(chars)}-character string at ${this.path()}; only stdout and stderr may be longer than ${count(MAX_FIELD_CHARS)}`,
        );
      this.at = end;
    } else if (code === 0x2d || isDigit(code)) this.at = this.skipNumber(at);
    else {
      const word = ['true', 'false', 'null'].find((literal) => this.text.startsWith(literal, at));
      if (!word) throw this.unexpected(at);
      this.at += word.length;
    }
    this.afterValue();
  }

  /** The open container; called only where one is open. */
  private top(): Frame {
    return this.stack[this.stack.length - 1] as Frame;
  }

  /** Where the open object itself sits: its own last key is not the one being read. */
  private objectPath(): string {
    return this.path(this.stack.slice(0, -1));
  }

  private key(): void {
    const frame = this.top();
    const at = this.at;
    const end = this.skipString(at);
    const raw = this.text.slice(at + 1, end - 1);
    if (raw.length > MAX_FIELD_CHARS)
      throw this.refuse(`a field name of ${count(raw.length)} characters in ${this.objectPath()}`);
    const name = raw.includes('\\') ? (JSON.parse(`"${raw}"`) as string) : raw;
    frame.key = name;
    if (frame.keys.has(name)) throw this.refuse(`the field ${this.path()} appears twice, ${this.where(at)}`);
    if (frame.keys.size >= MAX_OBJECT_KEYS)
      throw this.refuse(
        `more than ${count(MAX_OBJECT_KEYS)} fields in ${this.objectPath()}, ${this.where(at)}`,
      );
    frame.keys.add(name);
    this.at = end;
    this.expect = 'colon';
  }
}

/** Scans once, left to right, keeping only the open containers; never recurses, never builds values. */
export function scanCaptureJson(text: string): CaptureScan {
  try {
    new CaptureScanner(text).run();
    return { ok: true };
  } catch (error) {
    return { ok: false, reason: oneLine((error as Error).message) };
  }
}
