// Greedy clients: bodies larger than any capture, too many bodies at once, huge headers, too many
// connections, many requests at once. Each is refused quickly or answered, never left hanging.

import { MAX_CAPTURE_BYTES } from '@contract/limits';
import { afterEach, describe, expect, it } from 'vitest';
import {
  apiRequestHead,
  callApi,
  connectRaw,
  type RawConnection,
  send,
  startTestServer,
  type TestServer,
  writeWithBackpressure,
} from './preview-client';

const MB = 1024 * 1024;
const QUICKLY_MS = 5_000;

describe('the preview server under greedy clients', () => {
  let server: TestServer | undefined;
  afterEach(async () => {
    await server?.stop();
    server = undefined;
  });

  it('refuses a declared oversized body with 413 before any of it is sent', async () => {
    server = await startTestServer({ maxBodyBytes: MB });
    const connection = await connectRaw(server.port);
    connection.socket.write(apiRequestHead(server.host, { 'Content-Length': String(200 * MB) }));
    expect(await connection.closed).toBeLessThan(QUICKLY_MS);
    expect(connection.received()).toMatch(/^HTTP\/1\.1 413 /);
    expect(connection.received()).toContain('"code":"too-large"');
  });

  it('cuts a streamed body with 413 once it passes the limit, long before the client is done', async () => {
    server = await startTestServer({ maxBodyBytes: MB });
    const connection = await connectRaw(server.port);
    connection.socket.write(apiRequestHead(server.host, { 'Transfer-Encoding': 'chunked' }));
    const piece = Buffer.alloc(64 * 1024, 0x20);
    const meant = 256 * MB;
    let written = 0;
    while (written < meant && !connection.isClosed() && connection.received() === '') {
      await writeWithBackpressure(connection, `${piece.length.toString(16)}\r\n`);
      await writeWithBackpressure(connection, piece);
      await writeWithBackpressure(connection, '\r\n');
      written += piece.length;
    }
    await connection.closed;
    expect(connection.received()).toMatch(/^HTTP\/1\.1 413 /);
    // What was written past the limit sits in socket buffers, a few MB, not the 256 MB meant.
    console.log(`streamed body cut after ${(written / MB).toFixed(1)} MB written of ${meant / MB} MB`);
    expect(written).toBeLessThan(32 * MB);
  });

  it('answers 503 to a body that would exceed what all requests may hold at once, then serves again', async () => {
    server = await startTestServer({ maxBodyBytes: MB, maxBufferedBodyBytes: 1.5 * MB, bodyIdleMs: 10_000 });
    const half = JSON.stringify({ pad: 'x'.repeat(0.9 * MB) });
    const first = await connectRaw(server.port);
    const body = `[${half}]`;
    first.socket.write(apiRequestHead(server.host, { 'Content-Length': String(Buffer.byteLength(body)) }));
    await writeWithBackpressure(first, body.slice(0, -1));
    await first.pause(300);

    const second = await connectRaw(server.port);
    second.socket.write(apiRequestHead(server.host, { 'Content-Length': String(Buffer.byteLength(body)) }));
    await writeWithBackpressure(second, body);
    expect(await second.closed).toBeLessThan(QUICKLY_MS);
    expect(second.received()).toMatch(/^HTTP\/1\.1 503 /);
    expect(second.received()).toMatch(/Retry-After: 1/i);

    // The first body finishes and is answered (getAppInfo takes no arguments, so 400), and its
    // bytes are given back: the same body fits again.
    first.socket.write(body.slice(-1));
    await first.answered(QUICKLY_MS);
    expect(first.received()).toMatch(/^HTTP\/1\.1 400 /);
    first.socket.destroy();
    const again = await callApi(server.port, 'getAppInfo', [JSON.parse(half)]);
    expect(again.status).toBe(400);
    expect(JSON.parse(again.body)).toMatchObject({ error: { code: 'invalid-arguments' } });
  });

  it('takes a capture at the capture size limit, even one that JSON escaping doubles', async () => {
    server = await startTestServer();
    const text = '"'.repeat(MAX_CAPTURE_BYTES);
    const answer = await callApi(server.port, 'runChecklist', [
      { kind: 'capture', fileName: 'big.json', text },
    ]);
    expect(answer.status).toBe(200);
    const envelope = JSON.parse(answer.body) as { ok: boolean; value: { ok: boolean } };
    expect(envelope.ok).toBe(true);
    // Not a capture, so the reader refuses it: what matters is that the server read it.
    expect(envelope.value.ok).toBe(false);
  }, 60_000);

  it('refuses request headers over the size limit with 431', async () => {
    server = await startTestServer({ maxHeaderBytes: 16 * 1024 });
    const answer = await send(server.port, { path: '/', headers: { 'X-Large': 'x'.repeat(32 * 1024) } });
    expect(answer.status).toBe(431);
  });

  it('closes connections beyond the cap at once, and serves again when slots free up', async () => {
    server = await startTestServer({ maxConnections: 4, headersMs: 2_000 });
    const held: RawConnection[] = [];
    for (let i = 0; i < 4; i += 1) held.push(await connectRaw(server.port));
    const excess = await connectRaw(server.port);
    expect(await excess.closed).toBeLessThan(QUICKLY_MS);
    expect(excess.received()).toBe('');

    // The held connections never send a request: the header deadline frees their slots.
    for (const connection of held) {
      expect(await connection.closed).toBeLessThan(15_000);
      expect(connection.received()).toMatch(/^HTTP\/1\.1 408 /);
    }
    const answer = await send(server.port, { path: '/' });
    expect(answer.status).toBe(200);
    expect(answer.headers['content-security-policy']).toContain("frame-ancestors 'none'");
  }, 30_000);

  it('answers 200 requests made at once, each on a connection of its own', async () => {
    server = await startTestServer();
    const port = server.port;
    const requests = Array.from({ length: 200 }, (_, i) =>
      i % 2 === 0 ? send(port, { path: '/' }) : callApi(port, 'getAppInfo', [], `parallel-${i % 8}`),
    );
    const answers = await Promise.all(requests);
    const statuses = answers.map((answer) => answer.status);
    expect(statuses.filter((status) => status === 200)).toHaveLength(200);
  }, 60_000);
});
