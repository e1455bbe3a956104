import { afterEach, describe, expect, it, vi } from 'vitest';
import { API_METHODS } from '../../../electron/api-channels';
import { createHttpDoctorApi } from '../../../renderer/src/api/http-doctor-api';

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
    const api = createHttpDoctorApi() as unknown as Record<string, (...args: unknown[]) => Promise<unknown>>;
    for (const method of API_METHODS) {
      expect(typeof api[method], method).toBe('function');
      const value = await api[method]?.({ probe: method });
      expect(value).toEqual({ echoed: `/api/${method}` });
    }
    expect(calls.map((c) => c.url)).toEqual(API_METHODS.map((m) => `/api/${m}`));
    expect(calls.map((c) => c.body)).toEqual(API_METHODS.map((m) => [{ probe: m }]));
    expect(new Set(calls.map((c) => c.session)).size).toBe(1);
    expect(typeof createHttpDoctorApi().onProgress(() => {})).toBe('function');
  });

  it("turns the server's error envelope into an error with its message", async () => {
    vi.stubGlobal(
      'fetch',
      async () =>
        new Response(
          JSON.stringify({ ok: false, error: 'invalid-arguments', message: 'runFix: action: bad' }),
          {
            status: 400,
          },
        ),
    );
    await expect(createHttpDoctorApi().runFix({ action: 'refresh-prt' })).rejects.toThrow(
      'runFix: action: bad',
    );
  });
});
