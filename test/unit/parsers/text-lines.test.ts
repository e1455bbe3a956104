import { describe, expect, it } from 'vitest';
import {
  contentLines,
  guardParse,
  isPromptLine,
  labelSkeleton,
  MAX_QUOTE,
  oneLine,
  readKeyValue,
  toLines,
} from '../../../electron/engine/parsers/text-lines';

describe('readKeyValue', () => {
  it.each([
    ['AzureAdJoined : YES', 'AzureAdJoined', 'YES'],
    ['  Device Name:   DESKTOP-01  ', 'Device Name', 'DESKTOP-01'],
    ['TenantName :', 'TenantName', ''],
    ['Key:', 'Key', ''],
    ['Tab\t:\tvalue', 'Tab', 'value'],
    [
      'MdmUrl : https://enrollment.manage.microsoft.com/x',
      'MdmUrl',
      'https://enrollment.manage.microsoft.com/x',
    ],
    ['Client Time : 2025-03-09 17:22:58.000 UTC', 'Client Time', '2025-03-09 17:22:58.000 UTC'],
  ])('reads %j', (line, key, value) => {
    expect(readKeyValue(line)).toEqual({ key, value, line: line.trim() });
  });

  it.each([
    ['no colon at all'],
    [': value without a key'],
    ['   :'],
    ['https://example.com : the first colon is not followed by a space'],
    ['10:15:03 a time is not a label'],
  ])('reads no pair from %j', (line) => {
    expect(readKeyValue(line)).toBeNull();
  });

  it('keeps a long run of spaces after the colon out of the value', () => {
    const pair = readKeyValue(`Key :${' '.repeat(200_000)}value`);
    expect(pair).toMatchObject({ key: 'Key', value: 'value' });
  });
});

describe('toLines and contentLines', () => {
  it('splits CRLF, CR and LF, drops a BOM and trailing white space', () => {
    expect(toLines('\uFEFFa  \r\nb\t\rc\n')).toEqual(['a', 'b', 'c', '']);
  });

  it('drops blank lines and pasted prompts, and trims the left too', () => {
    const text = 'PS C:\\Users\\me> klist\n\n   #0>  Client: a\nza\\bob@HOST C:\\> klist\nC:\\>whoami\n  x  ';
    expect(contentLines(text)).toEqual(['#0>  Client: a', 'x']);
  });
});

describe('isPromptLine', () => {
  it.each([
    'PS C:\\Users\\me> dsregcmd /status',
    'C:\\>whoami /all',
    '  C:\\Windows\\System32>klist',
    'za\\bob@HOST C:\\> klist',
  ])('takes %j for a prompt', (line) => {
    expect(isPromptLine(line)).toBe(true);
  });

  it.each([
    'AzureAdJoined : YES',
    'bob@HOST klist',
    '@HOST C:\\> nothing before the at sign',
    'a@ C:\\> nothing after it',
    '',
    '    ',
  ])('does not take %j for a prompt', (line) => {
    expect(isPromptLine(line)).toBe(false);
  });
});

describe('oneLine', () => {
  it('turns control characters and line breaks into spaces', () => {
    expect(oneLine('a\u001b[31mb\r\nc\u2028d\u0000')).toBe('a [31mb  c d ');
  });

  it('cuts long text with an ellipsis, to the limit', () => {
    const quoted = oneLine('x'.repeat(10_000));
    expect(quoted).toHaveLength(MAX_QUOTE);
    expect(quoted.endsWith('…')).toBe(true);
    expect(oneLine('short', 80)).toBe('short');
  });

  it('never cuts a surrogate pair in half', () => {
    const quoted = oneLine(`${'x'.repeat(8)}😀😀`, 10);
    expect(quoted).toBe(`${'x'.repeat(8)}…`);
  });
});

describe('guardParse', () => {
  it('returns what the parser returned', () => {
    const result = guardParse(
      'the output',
      () => 0,
      () => ({ facts: 1, recognized: true, problems: [] }),
    );
    expect(result).toEqual({ facts: 1, recognized: true, problems: [] });
  });

  it('turns an exception into an unrecognized result with a one-line reason', () => {
    const result = guardParse(
      'the output',
      () => 0,
      () => {
        throw new Error(`bad\nthing ${'y'.repeat(1000)}`);
      },
    );
    expect(result.recognized).toBe(false);
    expect(result.facts).toBe(0);
    expect(result.problems).toHaveLength(1);
    expect(result.problems[0]).toMatch(/^could not read the output: bad thing y+…$/);
    expect((result.problems[0] ?? '').length).toBeLessThan(200);
  });

  it('reads a thrown value that is not an Error', () => {
    const result = guardParse(
      'the output',
      () => 0,
      () => {
        throw 'plain text';
      },
    );
    expect(result.problems).toEqual(['could not read the output: plain text']);
  });
});

describe('labelSkeleton', () => {
  it('keeps ASCII letters and digits, lower-cased', () => {
    expect(labelSkeleton('Nom de forêt')).toBe('nomdefort');
    expect(labelSkeleton('Nom de forÛt')).toBe('nomdefort');
    expect(labelSkeleton('DC-Standortname 2')).toBe('dcstandortname2');
    expect(labelSkeleton('—')).toBe('');
  });

  it('reads labels longer than one chunk of characters whole', () => {
    expect(labelSkeleton('Ab-'.repeat(10_000))).toBe('ab'.repeat(10_000));
  });
});
