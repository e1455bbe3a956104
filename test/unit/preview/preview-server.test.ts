// What the preview server refuses whatever the load: other Host names, other sites' pages,
// paths out of the build folder; and the security headers on every answer.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callApi, send, startTestServer, type TestServer } from './preview-client';

describe('the preview server', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(async () => {
    await server.stop();
  });

  it('serves the build with its CSP header, and answers API calls in the same session', async () => {
    const index = await send(server.port, { path: '/' });
    expect(index.status).toBe(200);
    expect(index.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(index.headers['content-security-policy']).toBe(
      "default-src 'none'; script-src 'self'; frame-ancestors 'none'",
    );
    expect(index.headers['x-content-type-options']).toBe('nosniff');
    const script = await send(server.port, { path: '/assets/app.js' });
    expect(script.status).toBe(200);
    expect(script.body).toBe('export {};\n');
    expect(script.headers['content-length']).toBe(String(Buffer.byteLength('export {};\n')));
    const head = await send(server.port, { method: 'HEAD', path: '/assets/app.js' });
    expect(head.status).toBe(200);
    expect(head.body).toBe('');

    const opened = await callApi(
      server.port,
      'runChecklist',
      [{ kind: 'scenario', name: 'healthy-hybrid' }],
      's1',
    );
    expect(JSON.parse(opened.body)).toMatchObject({ ok: true, value: { ok: true } });
    const saved = JSON.parse((await callApi(server.port, 'exportCapture', [], 's1')).body) as {
      value: { ok: boolean };
    };
    expect(saved.value.ok).toBe(true);
  });

  it('refuses another Host (DNS rebinding) and another site’s page', async () => {
    const page = await send(server.port, { path: '/', headers: { Host: 'evil.example' } });
    expect(page.status).toBe(403);
    const crossOrigin = await send(server.port, {
      method: 'POST',
      path: '/api/getAppInfo',
      headers: { 'Content-Type': 'application/json', Origin: 'https://evil.example' },
      body: '[]',
    });
    expect(crossOrigin.status).toBe(403);
    const textPlain = await send(server.port, {
      method: 'POST',
      path: '/api/getAppInfo',
      headers: { 'Content-Type': 'text/plain' },
      body: '[]',
    });
    expect(textPlain.status).toBe(415);
  });

  it('serves nothing outside the build folder', async () => {
    for (const path of [
      '/../package.json',
      '/%2e%2e/package.json',
      '/assets/..%2f..%2fpackage.json',
      '/%00',
      '/%zz',
    ]) {
      const answer = await send(server.port, { path });
      expect([400, 404], path).toContain(answer.status);
    }
    expect((await send(server.port, { path: '/nope.js' })).status).toBe(404);
    expect((await send(server.port, { method: 'POST', path: '/' })).status).toBe(405);
  });
});
