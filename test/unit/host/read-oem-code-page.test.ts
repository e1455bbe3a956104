import { readFile } from 'node:fs/promises';
import type { ProbeResult } from '@contract/types';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CommandRequest } from '../../../electron/host/command-funnel';
import { parseOemCodePage, readOemCodePage } from '../../../electron/host/read-oem-code-page';
import { makeTempDir, PRINT_ARGV, removeDir, writeStub } from './stub-tools';

const REG_OUTPUT = [
  '',
  'HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Control\\Nls\\CodePage',
  '    OEMCP    REG_SZ    850',
  '',
].join('\r\n');

describe('parseOemCodePage', () => {
  it('reads the OEMCP value', () => {
    expect(parseOemCodePage(REG_OUTPUT)).toBe(850);
    expect(parseOemCodePage('OEMCP REG_SZ 437\n')).toBe(437);
    expect(parseOemCodePage('    oemcp    REG_SZ    932   ')).toBe(932);
  });

  it('returns null for anything else', () => {
    expect(parseOemCodePage('')).toBeNull();
    expect(
      parseOemCodePage('ERROR: The system was unable to find the specified registry key or value.'),
    ).toBeNull();
    expect(parseOemCodePage('    ACP    REG_SZ    1252')).toBeNull();
    expect(parseOemCodePage('    OEMCP    REG_SZ    0')).toBeNull();
    expect(parseOemCodePage('    OEMCP    REG_SZ    99999')).toBeNull();
    expect(parseOemCodePage('    OEMCP    REG_DWORD    0x352')).toBeNull();
  });
});

describe('readOemCodePage', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await makeTempDir();
  });
  afterAll(async () => {
    await removeDir(dir);
  });

  it('runs reg query through the funnel with the exact argv', async () => {
    await writeStub(
      dir,
      'reg.exe',
      `${PRINT_ARGV} > '${dir}/reg.argv'\nprintf '    OEMCP    REG_SZ    852\\r\\n'`,
    );
    expect(await readOemCodePage({ system32: dir })).toBe(852);
    expect((await readFile(`${dir}/reg.argv`, 'utf8')).split('\n').slice(0, -1)).toEqual([
      'query',
      'HKLM\\SYSTEM\\CurrentControlSet\\Control\\Nls\\CodePage',
      '/v',
      'OEMCP',
    ]);
  });

  it('defaults to 437 when reg is missing, fails or throws', async () => {
    const empty = await makeTempDir();
    expect(await readOemCodePage({ system32: empty })).toBe(437);
    await removeDir(empty);
    const failing = async (request: CommandRequest): Promise<ProbeResult> => ({
      command: [request.file],
      exitCode: 1,
      stdout: '',
      stderr: 'ERROR: Access is denied.',
      durationMs: 1,
      error: null,
    });
    expect(await readOemCodePage({ system32: dir, runner: failing })).toBe(437);
    expect(await readOemCodePage({ system32: dir, runner: () => Promise.reject(new Error('boom')) })).toBe(
      437,
    );
  });
});
