// The browser preview's HTTP side: replay only, local only, and strict about what it accepts.
import { request as httpRequest } from 'node:http';
import { connect } from 'node:net';
import { expect, test } from '@playwright/test';
import { MAX_BODY_BYTES } from '../../electron/preview/preview-limits';
import { E2E_PORT } from '../../playwright.config';

interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** A request with full control of the headers (fetch would not let a test set Host). */
function raw(options: {
  method?: string;
  path: string;
  headers?: Record<string, string>;
  body?: string;
}): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      {
        host: '127.0.0.1',
        port: E2E_PORT,
        method: options.method ?? 'GET',
        path: options.path,
        headers: options.headers,
        setHost: options.headers?.Host === undefined,
      },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => {
          body += chunk;
        });
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

/** Calls an API method the way the renderer does, in a session of its own. */
function api(method: string, args: unknown, session: string, extraHeaders: Record<string, string> = {}) {
  return raw({
    method: 'POST',
    path: `/api/${method}`,
    headers: { 'Content-Type': 'application/json', 'X-Doctor-Session': session, ...extraHeaders },
    body: JSON.stringify(args),
  });
}

test('a live run is refused with a reason', async () => {
  const response = await api('runChecklist', [{ kind: 'live' }], 'live-refused');
  expect(response.status).toBe(200);
  const envelope = JSON.parse(response.body) as { ok: boolean; value: { ok: boolean; reason?: string } };
  expect(envelope.ok).toBe(true);
  expect(envelope.value.ok).toBe(false);
  expect(envelope.value.reason).toMatch(/live checks are not available here/);

  const info = JSON.parse((await api('getAppInfo', [], 'live-refused')).body) as {
    value: { liveSupported: boolean; mode: string };
  };
  expect(info.value).toMatchObject({ liveSupported: false, mode: 'preview' });
});

test('a request with another Host header gets 403 (DNS rebinding)', async () => {
  for (const host of ['evil.example', `evil.example:${E2E_PORT}`, '127.0.0.1:1']) {
    const page = await raw({ path: '/', headers: { Host: host } });
    expect(page.status, host).toBe(403);
    const call = await raw({
      method: 'POST',
      path: '/api/getAppInfo',
      headers: { Host: host, 'Content-Type': 'application/json' },
      body: '[]',
    });
    expect(call.status, host).toBe(403);
  }
  expect((await raw({ path: '/', headers: { Host: `localhost:${E2E_PORT}` } })).status).toBe(200);
});

test('invalid arguments get an error and nothing runs', async () => {
  const session = 'invalid-args';
  const bad = [
    [{ kind: 'scenario' }],
    [{ kind: 'capture', fileName: 'x.json' }],
    [{ kind: 'format-disk' }],
    [],
    { kind: 'scenario', name: 'healthy-hybrid' },
  ];
  for (const args of bad) {
    const response = await api('runChecklist', args, session);
    expect(response.status, JSON.stringify(args)).toBe(400);
    expect(JSON.parse(response.body)).toMatchObject({ ok: false, error: { code: 'invalid-arguments' } });
  }
  // Nothing was opened in this session, so there is nothing to save.
  const exported = JSON.parse((await api('exportCapture', [], session)).body) as { value: { ok: boolean } };
  expect(exported.value.ok).toBe(false);

  const unknown = await api('deleteEverything', [], session);
  expect(unknown.status).toBe(404);
  expect(JSON.parse(unknown.body)).toMatchObject({ ok: false, error: { code: 'unknown-method' } });
});

test('only JSON bodies, only POST, only from its own pages', async () => {
  const textPlain = await raw({
    method: 'POST',
    path: '/api/getAppInfo',
    headers: { 'Content-Type': 'text/plain' },
    body: '[]',
  });
  expect(textPlain.status).toBe(415);
  expect((await raw({ path: '/api/getAppInfo' })).status).toBe(405);
  const notJson = await raw({
    method: 'POST',
    path: '/api/getAppInfo',
    headers: { 'Content-Type': 'application/json' },
    body: '[',
  });
  expect(notJson.status).toBe(400);
  const crossOrigin = await api('getAppInfo', [], 'cross', { Origin: 'https://evil.example' });
  expect(crossOrigin.status).toBe(403);
  // Refused on the declared length alone: the answer comes before any of the body is sent.
  const tooLarge = await raw({
    method: 'POST',
    path: '/api/runChecklist',
    headers: { 'Content-Type': 'application/json', 'Content-Length': String(MAX_BODY_BYTES + 1) },
  });
  expect(tooLarge.status).toBe(413);
  expect(JSON.parse(tooLarge.body)).toMatchObject({ ok: false, error: { code: 'too-large' } });
});

test('a body trickled one byte every 5 s is cut with 408 and the connection closed', async () => {
  const socket = connect(E2E_PORT, '127.0.0.1');
  let received = '';
  socket.setEncoding('latin1');
  socket.on('data', (chunk: string) => {
    received += chunk;
  });
  socket.on('error', () => {}); // being cut off is the point; 'close' records it
  const started = Date.now();
  const closed = new Promise<number>((resolve) => socket.once('close', () => resolve(Date.now() - started)));
  let isClosed = false;
  void closed.then(() => {
    isClosed = true;
  });
  socket.write(
    `POST /api/getAppInfo HTTP/1.1\r\nHost: 127.0.0.1:${E2E_PORT}\r\nContent-Type: application/json\r\nContent-Length: 50\r\n\r\n`,
  );
  // Bounded: ten bytes at most, stopping as soon as the server hangs up.
  for (let sent = 0; sent < 10 && !isClosed; sent += 1) {
    socket.write(' ');
    await Promise.race([new Promise((resolve) => setTimeout(resolve, 5_000)), closed]);
  }
  expect(await closed).toBeLessThan(15_000);
  expect(received).toMatch(/^HTTP\/1\.1 408 /);
});

test('static files: the CSP header, content types, and no way out of the build folder', async () => {
  const index = await raw({ path: '/' });
  expect(index.status).toBe(200);
  expect(index.headers['content-type']).toBe('text/html; charset=utf-8');
  const csp = String(index.headers['content-security-policy']);
  expect(csp).toContain("default-src 'none'");
  expect(csp).toContain("script-src 'self'");
  expect(csp).toContain("frame-ancestors 'none'");
  expect(index.headers['x-content-type-options']).toBe('nosniff');

  const script = /src="\.\/(assets\/[^"]+\.js)"/.exec(index.body)?.[1];
  expect(script).toBeDefined();
  const js = await raw({ path: `/${script}` });
  expect(js.status).toBe(200);
  expect(js.headers['content-type']).toBe('text/javascript; charset=utf-8');

  for (const path of [
    '/../package.json',
    '/%2e%2e/package.json',
    '/assets/..%2f..%2fpackage.json',
    '/%00',
    '/nope.js',
  ]) {
    const response = await raw({ path });
    expect([400, 404], path).toContain(response.status);
    expect(response.body, path).not.toContain('"name": "whfb-doctor"');
  }
});
