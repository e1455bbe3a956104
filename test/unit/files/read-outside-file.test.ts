import { execFileSync } from 'node:child_process';
import { mkdtempSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readOutsideFile } from '../../../electron/host/files/read-outside-file';

const dir = mkdtempSync(path.join(tmpdir(), 'whfb-outside-'));
const LIMIT = 20 * 1024 * 1024;
const servers: Server[] = [];
afterAll(() => {
  for (const server of servers) server.close();
});

function fifo(name: string): string {
  const file = path.join(dir, name);
  execFileSync('mkfifo', [file]);
  return file;
}

describe('reading a file from outside', () => {
  it('reads a regular file', async () => {
    const file = path.join(dir, 'pasted.txt');
    writeFileSync(file, 'KeyVersion : 3\n');
    const read = await readOutsideFile(file, { maxBytes: LIMIT });
    expect(read.ok && read.bytes.toString()).toBe('KeyVersion : 3\n');
  });

  it('reads an empty file', async () => {
    const file = path.join(dir, 'empty.txt');
    writeFileSync(file, '');
    const read = await readOutsideFile(file, { maxBytes: LIMIT });
    expect(read.ok && read.bytes.length).toBe(0);
  });

  it('refuses a named pipe at once instead of waiting for a writer', async () => {
    const file = fifo('pipe.json');
    const started = performance.now();
    expect(await readOutsideFile(file, { maxBytes: LIMIT })).toEqual({
      ok: false,
      problem: 'unreadable',
      reason: `${file} is not a file (a named pipe)`,
    });
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it('refuses /dev/zero without reading from it', async () => {
    expect(await readOutsideFile('/dev/zero', { maxBytes: LIMIT })).toEqual({
      ok: false,
      problem: 'unreadable',
      reason: '/dev/zero is not a file (a device)',
    });
  });

  it('refuses a device or pipe behind a symbolic link, and follows a link to a regular file', async () => {
    const toZero = path.join(dir, 'zero.json');
    symlinkSync('/dev/zero', toZero);
    expect(await readOutsideFile(toZero, { maxBytes: LIMIT })).toMatchObject({
      reason: `${toZero} is not a file (a device)`,
    });
    const target = path.join(dir, 'real.txt');
    writeFileSync(target, 'real');
    const link = path.join(dir, 'link.txt');
    symlinkSync(target, link);
    const read = await readOutsideFile(link, { maxBytes: LIMIT });
    expect(read.ok && read.bytes.toString()).toBe('real');
  });

  it('refuses a folder and a socket', async () => {
    expect(await readOutsideFile(dir, { maxBytes: LIMIT })).toMatchObject({ reason: `${dir} is not a file` });
    const socket = path.join(dir, 'doctor.sock');
    const server = createServer();
    servers.push(server);
    await new Promise<void>((resolve) => server.listen(socket, resolve));
    expect(await readOutsideFile(socket, { maxBytes: LIMIT })).toMatchObject({
      reason: `${socket} is not a file (a socket)`,
    });
  });

  it('refuses a 25 MB file over a 20 MB limit by its size, before reading it', async () => {
    const file = path.join(dir, 'huge.json');
    writeFileSync(file, '');
    truncateSync(file, 25 * 1024 * 1024);
    expect(await readOutsideFile(file, { maxBytes: LIMIT, label: 'huge.json' })).toEqual({
      ok: false,
      problem: 'too-large',
      size: 25 * 1024 * 1024,
      reason: 'huge.json is 25.0 MB, over the limit of 20.0 MB',
    });
  });

  it('stops at the limit when a file holds more than its size said (files of /proc say 0)', async () => {
    const read = await readOutsideFile('/proc/self/status', { maxBytes: 64, label: 'status' });
    expect(read).toEqual({
      ok: false,
      problem: 'too-large',
      size: 65,
      reason: 'status is 65 bytes, over the limit of 64 bytes',
    });
    const whole = await readOutsideFile('/proc/self/status', { maxBytes: 1024 * 1024 });
    expect(whole.ok && whole.bytes.toString()).toMatch(/^Name:/);
  });

  it('names a missing file, a path through a file, and cleans what it names', async () => {
    const missing = path.join(dir, 'nowhere.json');
    expect(await readOutsideFile(missing, { maxBytes: LIMIT })).toEqual({
      ok: false,
      problem: 'unreadable',
      reason: `${missing}: no such file`,
    });
    const plain = path.join(dir, 'pasted.txt');
    expect(await readOutsideFile(path.join(plain, 'inside'), { maxBytes: LIMIT })).toMatchObject({
      reason: `${plain}/inside: ENOTDIR`,
    });
    const read = await readOutsideFile(path.join(dir, 'x\u001b[2J\n.json'), { maxBytes: LIMIT });
    expect(read.ok ? '' : read.reason).toBe(`${dir}/x?[2J .json: no such file`);
  });
});
