// Slow clients: a request trickled a byte at a time, headers that never end, a connection that
// says nothing. Each is cut with 408 and closed, within a bound, while others are served.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiRequestHead, callApi, connectRaw, startTestServer, type TestServer } from './preview-client';

// Generous against the limits below: the bound only has to tell "cut" from "held for minutes".
const CUT_WITHIN_MS = 15_000;

describe('the preview server under slow clients', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({
      headersMs: 1_000,
      bodyIdleMs: 1_500,
      requestMs: 4_000,
      keepAliveMs: 1_000,
    });
  });
  afterAll(async () => {
    await server.stop();
  });

  it('cuts a body trickled one byte every 5 s with 408 and closes the connection', async () => {
    const connection = await connectRaw(server.port);
    connection.socket.write(apiRequestHead(server.host, { 'Content-Length': '100' }));
    // Bounded: 20 bytes at most, one every 5 s, stopping as soon as the server hangs up.
    for (let sent = 0; sent < 20 && !connection.isClosed(); sent += 1) {
      connection.socket.write('[');
      await connection.pause(5_000);
    }
    const closedAfter = await connection.closed;
    expect(connection.received()).toMatch(/^HTTP\/1\.1 408 /);
    expect(connection.received()).toContain('"code":"timeout"');
    expect(closedAfter).toBeLessThan(CUT_WITHIN_MS);
  }, 30_000);

  it('cuts a body that keeps trickling under the pause limit when the whole request takes too long', async () => {
    const connection = await connectRaw(server.port);
    connection.socket.write(apiRequestHead(server.host, { 'Content-Length': '1000' }));
    for (let sent = 0; sent < 200 && !connection.isClosed(); sent += 1) {
      connection.socket.write(' ');
      await connection.pause(300);
    }
    const closedAfter = await connection.closed;
    expect(connection.received()).toMatch(/^HTTP\/1\.1 408 /);
    expect(closedAfter).toBeLessThan(CUT_WITHIN_MS);
  }, 30_000);

  it('cuts headers that never end, and a connection that never speaks', async () => {
    const slowHeaders = await connectRaw(server.port);
    const silent = await connectRaw(server.port);
    slowHeaders.socket.write(`GET / HTTP/1.1\r\nHost: ${server.host}\r\n`);
    for (let sent = 0; sent < 100 && !slowHeaders.isClosed(); sent += 1) {
      slowHeaders.socket.write(`X-Slow-${sent}: 1\r\n`);
      await slowHeaders.pause(200);
    }
    for (const connection of [slowHeaders, silent]) {
      expect(await connection.closed).toBeLessThan(CUT_WITHIN_MS);
      expect(connection.received()).toMatch(/^HTTP\/1\.1 408 /);
    }
  }, 30_000);

  it('closes a kept-alive connection that stays idle after its answer', async () => {
    const connection = await connectRaw(server.port);
    connection.socket.write(`GET / HTTP/1.1\r\nHost: ${server.host}\r\nConnection: keep-alive\r\n\r\n`);
    const closedAfter = await connection.closed;
    expect(connection.received()).toMatch(/^HTTP\/1\.1 200 /);
    expect(closedAfter).toBeLessThan(CUT_WITHIN_MS);
  }, 30_000);

  it('keeps answering other clients while slow ones are being cut', async () => {
    const slow = await connectRaw(server.port);
    slow.socket.write(apiRequestHead(server.host, { 'Content-Length': '100' }));
    const answer = await callApi(server.port, 'getAppInfo', []);
    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.body)).toMatchObject({ ok: true, value: { mode: 'preview' } });
    expect(slow.isClosed()).toBe(false);
    await slow.closed;
  }, 30_000);
});
