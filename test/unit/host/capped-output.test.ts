import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { collectCapped } from '../../../electron/host/capped-output';

const MB = 1024 * 1024;

/** A stream of `total` bytes of "x" in 64 KiB chunks, like a tool writing to a pipe. */
function flood(total: number): Readable {
  const chunk = Buffer.alloc(64 * 1024, 'x');
  let sent = 0;
  return new Readable({
    read() {
      if (sent >= total) {
        this.push(null);
        return;
      }
      const size = Math.min(chunk.length, total - sent);
      sent += size;
      this.push(chunk.subarray(0, size));
    },
  });
}

function ended(stream: Readable): Promise<void> {
  return new Promise((resolve) => stream.on('end', resolve));
}

describe('collectCapped', () => {
  it('keeps everything under the cap and does not call it cut', async () => {
    const stream = Readable.from([Buffer.from('one\n'), Buffer.from('two\n')]);
    let cuts = 0;
    const output = collectCapped(stream, 8, () => cuts++);
    await ended(stream);
    expect(Buffer.from(output.bytes()).toString()).toBe('one\ntwo\n');
    expect(output.cut).toBe(false);
    expect(output.seen).toBe(8);
    expect(cuts).toBe(0);
  });

  it('keeps exactly the cap when a chunk crosses it, and reports the cut once', async () => {
    const stream = Readable.from([Buffer.from('abc'), Buffer.from('defgh'), Buffer.from('ijk')]);
    let cuts = 0;
    const output = collectCapped(stream, 5, () => cuts++);
    await ended(stream);
    expect(Buffer.from(output.bytes()).toString()).toBe('abcde');
    expect(output.cut).toBe(true);
    expect(output.seen).toBe(11);
    expect(cuts).toBe(1);
  });

  it('reads 300 MB through and keeps only the cap, with memory flat', async () => {
    const stream = flood(300 * 1_000_000);
    const before = process.memoryUsage.rss();
    let peak = before;
    const sampler = setInterval(() => {
      peak = Math.max(peak, process.memoryUsage.rss());
    }, 5);
    const output = collectCapped(stream, MB, () => {});
    await ended(stream);
    clearInterval(sampler);
    peak = Math.max(peak, process.memoryUsage.rss());
    console.log(
      `300 MB through a 1 MiB cap: kept ${output.bytes().length} bytes, peak RSS growth ${((peak - before) / MB).toFixed(1)} MiB`,
    );
    expect(output.seen).toBe(300 * 1_000_000);
    expect(output.bytes().length).toBe(MB);
    expect(output.cut).toBe(true);
    expect(peak - before).toBeLessThan(128 * MB);
  });
});
