import { describe, expect, it } from 'vitest';
import { validateUncPath } from '../../../electron/engine/share/validate-unc-path';

describe('UNC path validation', () => {
  it.each([
    ['\\\\fs01\\finance', '\\\\fs01\\finance'],
    ['\\\\fs01.corp.contoso.com\\Finance\\Reports 2026', '\\\\fs01.corp.contoso.com\\Finance\\Reports 2026'],
    ['  \\\\FS01\\data$  '.replace('$', ''), '\\\\FS01\\data'],
    ['\\\\10.20.0.15\\public\\', '\\\\10.20.0.15\\public'],
  ])('accepts %s', (input, path) => {
    expect(validateUncPath(input)).toMatchObject({ ok: true, path });
  });

  const hostile = [
    '',
    'fs01\\share',
    '\\fs01\\share',
    '\\\\fs01',
    '\\\\fs01\\',
    '\\\\?\\C:\\Windows',
    '\\\\.\\pipe\\lsass',
    '\\\\.\\PhysicalDrive0',
    '\\\\fs01\\share" & calc.exe',
    '\\\\fs01\\share & calc',
    '\\\\fs01\\share | whoami',
    '\\\\fs01\\share > C:\\out.txt',
    '\\\\fs01\\share < in',
    '\\\\fs01\\share ^& calc',
    '\\\\fs01\\%USERPROFILE%',
    "\\\\fs01\\share'; Remove-Item C:\\ -Recurse",
    '\\\\fs01\\share`whoami`',
    '\\\\fs01\\share$(whoami)',
    '\\\\fs01\\share\\..\\..\\admin$',
    '\\\\fs01\\share\\.\\x',
    '\\\\fs01\\share\nklist purge',
    '\\\\fs01\\share\r\ncalc',
    '\\\\fs01\\share\u0000.txt',
    'file://fs01/share',
    'https://fs01/share',
    'smb://fs01/share',
    'C:\\Windows\\System32',
    '//fs01/share',
    '\\\\fs01\\share;calc',
    '\\\\-evil\\share',
    '\\\\fs01:445\\share',
    '\\\\[::1]\\share',
    '\\\\fs01\\\\share',
    `\\\\fs01\\${'a'.repeat(300)}`,
    '\\\\fs01\\share\\folder.',
    '\\\\fs 01\\share',
  ];

  it.each(hostile.map((input) => [JSON.stringify(input), input]))(
    'rejects %s with a reason',
    (_label, input) => {
      const checked = validateUncPath(input);
      expect(checked.ok).toBe(false);
      if (!checked.ok) expect(checked.reason.length).toBeGreaterThan(5);
    },
  );

  it('has at least 20 hostile cases', () => {
    expect(hostile.length).toBeGreaterThanOrEqual(20);
  });
});
