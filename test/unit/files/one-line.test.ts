import { fileLabel, MAX_REASON_CHARS, oneLine } from '@contract/one-line';
import { describe, expect, it } from 'vitest';

describe('one-line reasons', () => {
  it('turns line breaks into one space and control characters into "?"', () => {
    expect(oneLine('bad\r\n\tkey\u001b[31mred\u0007\u009b\u202eevil\u2028x')).toBe(
      'bad key?[31mred???evil?x',
    );
  });

  it('keeps ordinary text, accents and emoji as they are', () => {
    expect(oneLine('Répertoire de C:\\Users — ok 👍')).toBe('Répertoire de C:\\Users — ok 👍');
  });

  it('cuts a 20-million-character string to the limit, ending with an ellipsis', () => {
    const huge = 'x'.repeat(20_000_000);
    const started = performance.now();
    const line = oneLine(huge);
    expect(performance.now() - started).toBeLessThan(50);
    expect(line).toHaveLength(MAX_REASON_CHARS);
    expect(line.endsWith('…')).toBe(true);
  });

  it('never leaves half of a surrogate pair at the cut', () => {
    const line = oneLine(`${'a'.repeat(8)}😀😀`, 10);
    expect(line).toBe(`${'a'.repeat(8)}…`);
  });

  it('shows the end of a long path, where the file name is', () => {
    const label = fileLabel(`C:\\${'deep\\'.repeat(60)}pc-01.json`);
    expect(label.length).toBeLessThanOrEqual(100);
    expect(label.startsWith('…')).toBe(true);
    expect(label.endsWith('\\pc-01.json')).toBe(true);
    expect(fileLabel(`${'😀'.repeat(60)}.json`, 9)).toBe('…😀.json');
    expect(fileLabel('short\n.json')).toBe('short .json');
  });
});
