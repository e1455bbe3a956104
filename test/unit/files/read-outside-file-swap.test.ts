import { execFileSync } from 'node:child_process';
import { mkdtempSync, truncateSync, writeFileSync } from 'node:fs';
import * as fs from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { readOutsideFile } from '../../../electron/host/files/read-outside-file';

// The first look by path can be fooled (the file is swapped after it); what was opened decides.
vi.mock('node:fs/promises', async (importOriginal) => {
  const actual = await importOriginal<typeof import('node:fs/promises')>();
  return { ...actual, stat: vi.fn(actual.stat) };
});

const dir = mkdtempSync(path.join(tmpdir(), 'whfb-swap-'));
const plain = path.join(dir, 'plain.txt');
writeFileSync(plain, 'x');

/** The path-level look reports what a small regular file would. */
const looksPlain = () => vi.mocked(fs.stat).mockImplementationOnce(async () => fs.stat(plain));

describe('a file swapped between the look and the read', () => {
  it('is refused when it became a named pipe, without waiting for a writer', async () => {
    const pipe = path.join(dir, 'pipe.json');
    execFileSync('mkfifo', [pipe]);
    looksPlain();
    expect(await readOutsideFile(pipe, { maxBytes: 1024, label: 'pipe.json' })).toEqual({
      ok: false,
      problem: 'unreadable',
      reason: 'pipe.json is not a file (a named pipe)',
    });
  });

  it('is refused by the size of what was opened when it grew', async () => {
    const big = path.join(dir, 'big.json');
    writeFileSync(big, '');
    truncateSync(big, 4096);
    looksPlain();
    expect(await readOutsideFile(big, { maxBytes: 1024, label: 'big.json' })).toEqual({
      ok: false,
      problem: 'too-large',
      size: 4096,
      reason: 'big.json is 4.0 KB, over the limit of 1.0 KB',
    });
  });
});
