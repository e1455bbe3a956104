import { execFileSync } from 'node:child_process';
import {
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import * as fs from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { writeFileAtomic } from '../../../electron/host/files/atomic-write';

// The real file system, with a way to make one rename or one write fail as a locked file or a
// full disk does.
vi.mock('node:fs/promises', async (importOriginal) => {
  const actual = await importOriginal<typeof import('node:fs/promises')>();
  return { ...actual, rename: vi.fn(actual.rename), open: vi.fn(actual.open) };
});

const systemError = (code: string, message: string) =>
  Object.assign(new Error(`${code}: ${message}`), { code });
let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'whfb-write-'));
});

describe('writing captures and reports atomically', () => {
  it('writes a new file and replaces an old one whole, leaving no temporary file', async () => {
    const file = path.join(dir, 'report.json');
    expect(await writeFileAtomic(file, 'first')).toEqual({ ok: true });
    expect(await writeFileAtomic(file, new TextEncoder().encode('second'))).toEqual({ ok: true });
    expect(readFileSync(file, 'utf8')).toBe('second');
    expect(readdirSync(dir)).toEqual(['report.json']);
  });

  it('keeps the old file and removes the temporary one when the rename fails (a file held open)', async () => {
    const file = path.join(dir, 'capture.json');
    writeFileSync(file, 'the old capture');
    vi.mocked(fs.rename).mockRejectedValueOnce(systemError('EPERM', 'operation not permitted'));
    expect(await writeFileAtomic(file, 'the new capture')).toEqual({
      ok: false,
      reason: `${file}: permission denied`,
    });
    expect(readFileSync(file, 'utf8')).toBe('the old capture');
    expect(readdirSync(dir)).toEqual(['capture.json']);
  });

  it('keeps the old file when the disk fills up half-way through the write', async () => {
    const file = path.join(dir, 'capture.json');
    writeFileSync(file, 'the old capture');
    vi.mocked(fs.open).mockImplementationOnce(async (...args: Parameters<typeof fs.open>) => {
      const handle = await fs.open(...args);
      return Object.assign(handle, {
        writeFile: async (data: string) => {
          await handle.write(data.slice(0, 4));
          throw systemError('ENOSPC', 'no space left on device');
        },
      });
    });
    expect(await writeFileAtomic(file, 'the new capture')).toEqual({
      ok: false,
      reason: `${file}: the disk is full`,
    });
    expect(readFileSync(file, 'utf8')).toBe('the old capture');
    expect(readdirSync(dir)).toEqual(['capture.json']);
  });

  it('writes through a symbolic link to its file, and the link stays a link', async () => {
    const real = path.join(dir, 'real.json');
    writeFileSync(real, 'old');
    const link = path.join(dir, 'latest.json');
    symlinkSync(real, link);
    expect(await writeFileAtomic(link, 'new')).toEqual({ ok: true });
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(readFileSync(real, 'utf8')).toBe('new');
  });

  it('refuses to replace a folder, a named pipe or a device', async () => {
    const folder = path.join(dir, 'reports');
    mkdirSync(folder);
    expect(await writeFileAtomic(folder, 'x')).toEqual({ ok: false, reason: `${folder} is a folder` });
    const pipe = path.join(dir, 'pipe');
    execFileSync('mkfifo', [pipe]);
    expect(await writeFileAtomic(pipe, 'x')).toEqual({ ok: false, reason: `${pipe} is not a regular file` });
    expect(await writeFileAtomic('/dev/null', 'x')).toEqual({
      ok: false,
      reason: '/dev/null is not a regular file',
    });
    expect(readdirSync(dir).sort()).toEqual(['pipe', 'reports']);
  });

  it('says when the folder does not exist, and when the path runs through a file', async () => {
    const missing = path.join(dir, 'no-such-folder', 'report.json');
    expect(await writeFileAtomic(missing, 'x')).toEqual({ ok: false, reason: `${missing}: no such folder` });
    const plain = path.join(dir, 'plain.txt');
    writeFileSync(plain, 'x');
    expect(await writeFileAtomic(path.join(plain, 'report.json'), 'x')).toEqual({
      ok: false,
      reason: `${plain}/report.json: ENOTDIR`,
    });
  });
});
