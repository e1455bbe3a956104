import { API_METHODS } from '@contract/api-channels';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiCallError, unwrapTransport } from '../../../renderer/src/api/api-call-error';
import { createHttpTransport } from '../../../renderer/src/api/http-doctor-api';

afterEach(() => {
  vi.unstubAllGlobals();
});

describe("the browser preview's HTTP transport", () => {
  it('has every API method, each posting its arguments to /api/<method>', async () => {
    const calls: { url: string; body: unknown; session: string | null }[] = [];
    vi.stubGlobal('fetch', async (url: string, init: RequestInit) => {
      calls.push({
        url,
        body: JSON.parse(String(init.body)),
        session: new Headers(init.headers).get('x-doctor-session'),
      });
      return new Response(JSON.stringify({ ok: true, value: { echoed: url } }), {
        headers: { 'content-type': 'application/json' },
      });
    });
    const api = unwrapTransport(createHttpTransport()) as unknown as Record<
      string,
      (...args: unknown[]) => Promise<unknown>
    >;
    for (const method of API_METHODS) {
      expect(typeof api[method], method).toBe('function');
      const value = await api[method]?.({ probe: method });
      expect(value).toEqual({ echoed: `/api/${method}` });
    }
    expect(calls.map((c) => c.url)).toEqual(API_METHODS.map((m) => `/api/${m}`));
    expect(calls.map((c) => c.body)).toEqual(API_METHODS.map((m) => [{ probe: m }]));
    expect(new Set(calls.map((c) => c.session)).size).toBe(1);
    expect(typeof createHttpTransport().onProgress(() => {})).toBe('function');
  });

  it("turns the server's error envelope into an ApiCallError with its code and words", async () => {
    vi.stubGlobal(
      'fetch',
      async () =>
        new Response(
          JSON.stringify({ ok: false, error: { code: 'invalid-arguments', message: 'runFix: action: bad' } }),
          { status: 400 },
        ),
    );
    const failed = unwrapTransport(createHttpTransport()).runFix({ action: 'refresh-prt' });
    await expect(failed).rejects.toThrow(new ApiCallError('invalid-arguments', 'runFix: action: bad'));
    await expect(failed).rejects.toMatchObject({ code: 'invalid-arguments' });
  });

  it('says so when the server does not answer, or answers something unreadable', async () => {
    vi.stubGlobal('fetch', async () => Promise.reject(new TypeError('fetch failed')));
    const api = unwrapTransport(createHttpTransport());
    await expect(api.getAppInfo()).rejects.toMatchObject({
      code: 'unavailable',
      message: expect.stringMatching(/does not answer/),
    });
    vi.stubGlobal('fetch', async () => new Response('<html>', { status: 502 }));
    await expect(api.getAppInfo()).rejects.toMatchObject({
      code: 'unavailable',
      message: 'the preview server sent an unreadable answer (HTTP 502)',
    });
  });
});
