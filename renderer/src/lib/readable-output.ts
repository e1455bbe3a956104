// Output lines as people read them: a probe that prints JSON (the Entra Kerberos object query,
// the share test) is shown as indented "key: value" lines rather than one long line of braces.

export interface OutputLine {
  text: string;
  /** The line (or the JSON line it came from) decided the verdict. */
  marked: boolean;
}

const MAX_DEPTH = 12;

/** Splits command output into lines, whatever the line endings, without a last empty line. */
export function splitOutput(text: string): string[] {
  return text.replace(/\r\n?/g, '\n').replace(/\n$/, '').split('\n');
}

function parseJson(text: string): object | null {
  const trimmed = text.trim();
  if (!/^[{[]/.test(trimmed)) return null;
  try {
    const value: unknown = JSON.parse(trimmed);
    return typeof value === 'object' && value !== null ? value : null;
  } catch {
    return null;
  }
}

function scalarText(value: unknown): string {
  if (value === null || value === undefined) return '(none)';
  if (value === '') return '(empty)';
  return String(value);
}

function keyValueLines(value: object, depth: number, out: string[]): void {
  const indent = '  '.repeat(depth);
  const entries: [string, unknown][] = Array.isArray(value)
    ? value.map((item) => ['-', item])
    : Object.entries(value);
  if (entries.length === 0) out.push(`${indent}(empty)`);
  for (const [key, item] of entries) {
    const label = key === '-' && Array.isArray(value) ? '-' : `${key}:`;
    if (typeof item === 'object' && item !== null && depth < MAX_DEPTH) {
      out.push(`${indent}${label}`);
      keyValueLines(item, depth + 1, out);
    } else {
      const text = typeof item === 'object' && item !== null ? JSON.stringify(item) : scalarText(item);
      out.push(`${indent}${label} ${text}`);
    }
  }
}

/** The JSON in a text as "key: value" lines, or null when the text is not a JSON object or array. */
export function jsonAsKeyValues(text: string): string[] | null {
  const value = parseJson(text);
  if (!value) return null;
  const out: string[] = [];
  keyValueLines(value, 0, out);
  return out;
}

/**
 * Lines to show for raw output lines: each JSON line (or the whole text, when it is one JSON
 * document over several lines) becomes key/value lines that keep the mark of the line they came from.
 */
export function readableLines(lines: readonly string[], isMarked: (line: string) => boolean): OutputLine[] {
  if (lines.length > 1) {
    const whole = lines.join('\n');
    const document = jsonAsKeyValues(whole);
    if (document) {
      const marked = lines.some(isMarked);
      return document.map((text) => ({ text, marked }));
    }
  }
  return lines.flatMap((line) => {
    const marked = isMarked(line);
    const expanded = jsonAsKeyValues(line);
    return expanded ? expanded.map((text) => ({ text, marked })) : [{ text: line, marked }];
  });
}

/** The shown lines as one text, for the clipboard. */
export function linesText(lines: readonly OutputLine[]): string {
  return lines.map((line) => line.text).join('\n');
}
