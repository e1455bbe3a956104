// Gzipped files from a share: the limit is on what they expand to, so a zip bomb is refused
// quickly and without inflating it; damaged and cut-off streams give a short reason.

import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { gunzipCapped, isGzip } from '../../../electron/fleet/gunzip-capped';

const MB = 1024 * 1024;

describe('gunzipCapped', () => {
  it('expands a file up to the limit, exactly at it too', () => {
    const text = Buffer.from('{"format":"whfb-doctor/capture"}');
    expect(gunzipCapped(gzipSync(text), MB)).toEqual({ ok: true, bytes: text });
    const exact = Buffer.alloc(4096, 0x61);
    expect(gunzipCapped(gzipSync(exact), 4096)).toMatchObject({ ok: true });
    expect(gunzipCapped(gzipSync(exact), 4095)).toEqual({
      ok: false,
      reason: 'expands to more than 4.0 KB, the limit',
    });
  });

  it('refuses a zip bomb after the limit, without expanding the rest', () => {
    // 256 MB of zeros in a few hundred KB: refused at 20 MB.
    const bomb = gzipSync(Buffer.alloc(256 * MB), { level: 9 });
    expect(bomb.length).toBeLessThan(MB);
    const before = performance.now();
    const result = gunzipCapped(bomb, 20 * MB);
    expect(result).toEqual({ ok: false, reason: 'expands to more than 20.0 MB, the limit' });
    expect(performance.now() - before).toBeLessThan(2000);
  });

  it('says when a stream is cut off, damaged or followed by junk', () => {
    const whole = gzipSync(Buffer.from('x'.repeat(10_000)));
    expect(gunzipCapped(whole.subarray(0, whole.length - 10), MB)).toEqual({
      ok: false,
      reason: 'not a readable gzip file (it ends too early)',
    });
    const damaged = Buffer.from(whole);
    damaged[3] = 0xff;
    damaged.fill(0xee, 10, 40);
    expect(gunzipCapped(damaged, MB)).toMatchObject({ ok: false, reason: /^not a readable gzip file \(/ });
    expect(gunzipCapped(Buffer.concat([whole, Buffer.from('trailing')]), MB)).toMatchObject({
      ok: false,
      reason: /^not a readable gzip file/,
    });
  });

  it('knows gzip by its magic number, not its name', () => {
    expect(isGzip(gzipSync('a'))).toBe(true);
    expect(isGzip(Buffer.from('{}'))).toBe(false);
    expect(isGzip(Buffer.from([0x1f]))).toBe(false);
  });
});
