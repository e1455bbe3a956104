// Reads a request body while counting it: too large, too slow or too many at once ends the read
// at that moment, before the rest is taken in.
import type { IncomingMessage } from 'node:http';
import type { ByteBudget } from './byte-budget';

export type BodyResult =
  /** `bytes` stay taken from the budget until the caller gives them back. */
  | { ok: true; text: string; bytes: number }
  | { ok: false; reason: 'too-large' | 'too-slow' | 'busy' | 'aborted' };

export interface BodyLimits {
  maxBytes: number;
  /** Longest silence between two pieces of the body. */
  idleMs: number;
  budget: ByteBudget;
}

export function readBody(request: IncomingMessage, limits: BodyLimits): Promise<BodyResult> {
  const declared = Number(request.headers['content-length']);
  if (Number.isFinite(declared) && declared > limits.maxBytes) {
    return Promise.resolve({ ok: false, reason: 'too-large' });
  }
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let lastDataAt = performance.now();
    let settled = false;
    let timer: NodeJS.Timeout | undefined;

    const finish = (result: BodyResult) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      request.off('data', onData);
      request.off('end', onEnd);
      request.off('error', onAborted);
      request.off('close', onAborted);
      if (!result.ok) {
        limits.budget.give(size);
        chunks.length = 0;
      }
      resolve(result);
    };
    const onData = (chunk: Buffer) => {
      lastDataAt = performance.now();
      if (size + chunk.length > limits.maxBytes) return finish({ ok: false, reason: 'too-large' });
      if (!limits.budget.take(chunk.length)) return finish({ ok: false, reason: 'busy' });
      size += chunk.length;
      chunks.push(chunk);
    };
    const onEnd = () => finish({ ok: true, text: Buffer.concat(chunks, size).toString('utf8'), bytes: size });
    const onAborted = () => finish({ ok: false, reason: 'aborted' });
    // After a long synchronous task the timer is due before waiting data has been read: look
    // again once pending input is processed (setImmediate runs after the poll phase).
    const check = () =>
      setImmediate(() => {
        if (settled) return;
        const quiet = performance.now() - lastDataAt;
        if (quiet >= limits.idleMs) finish({ ok: false, reason: 'too-slow' });
        else timer = setTimeout(check, limits.idleMs - quiet);
      });

    request.on('data', onData);
    request.on('end', onEnd);
    request.on('error', onAborted);
    request.on('close', onAborted);
    timer = setTimeout(check, limits.idleMs);
  });
}
