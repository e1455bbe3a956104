import { describe, expect, it } from 'vitest';
import { describeFileError } from '../../../electron/engine/files/describe-file-error';

const withCode = (code: string) => Object.assign(new Error(`${code}: something, open 'x'`), { code });

describe('file errors in words', () => {
  it.each([
    ['ENOENT', 'report.json: no such file'],
    ['EACCES', 'report.json: permission denied'],
    ['EPERM', 'report.json: permission denied'],
    ['EISDIR', 'report.json: is a folder'],
    ['ENOSPC', 'report.json: the disk is full'],
    ['EROFS', 'report.json: the disk is read-only'],
    ['EBUSY', 'report.json: the file is in use'],
    ['ELOOP', 'report.json: ELOOP'],
  ])('%s', (code, reason) => {
    expect(describeFileError('report.json', withCode(code))).toBe(reason);
  });

  it('keeps an error without a code to one clean line', () => {
    expect(describeFileError('a.json', new Error('first\nsecond\u001b[0m'))).toBe('a.json: first second?[0m');
    expect(describeFileError('a.json', 'x'.repeat(500))).toHaveLength(200);
  });
});
