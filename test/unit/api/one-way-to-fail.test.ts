// Every API call fails the same way over both transports: the desktop app's IPC (main's real
// handlers, the real preload bridge, a stand-in ipcMain/ipcRenderer pair that behaves as Electron
// does when a handler throws) and the browser preview's HTTP (the real server). The renderer's one
// unwrap turns the envelope into an ApiCallError whose message is the app's own words.

import type { DoctorApi } from '@contract/api-contract';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { createApiHandlers } from '../../../electron/api/create-api-handlers';
import type { ApiHandlers } from '../../../electron/api/dispatch';
import { registerIpcHandlers } from '../../../electron/main/ipc';
import { ApiCallError, unwrapTransport } from '../../../renderer/src/api/api-call-error';
import { createHttpTransport } from '../../../renderer/src/api/http-doctor-api';
import { resetElectronMock } from '../main/electron-mock';
import { callApi, startTestServer, type TestServer } from '../preview/preview-client';

vi.mock('electron', () => import('../main/electron-mock').then((m) => m.electronModule));

const ELECTRON_PREFIX = /Error invoking remote method/;

/** Replay handlers whose "Save capture" fails as a bug would: a throw with a stack in its message. */
function handlersWithABug(): ApiHandlers {
  const handlers = createApiHandlers({ mode: 'electron', allowLive: false, platform: 'linux' });
  return {
    ...handlers,
    exportCapture: async () => {
      throw new Error('disk full\n    at save (C:\\secret\\path.ts:1:1)');
    },
  };
}

/**
 * ipcMain and ipcRenderer joined as Electron joins them: invoke runs the channel's handler for
 * the app's own frame, and a handler that throws rejects the invoke with Electron's prefix.
 */
function ipcPair() {
  const channels = new Map<string, (event: unknown, ...args: unknown[]) => unknown>();
  const ipcMain = {
    handle: (channel: string, listener: (event: unknown, ...args: unknown[]) => unknown) =>
      channels.set(channel, listener),
    removeHandler: (channel: string) => channels.delete(channel),
  };
  const event = { senderFrame: { url: 'app://main/index.html', parent: null } };
  const ipcRenderer = {
    invoke: async (channel: string, ...args: unknown[]) => {
      const listener = channels.get(channel);
      if (!listener) throw new Error(`Error invoking remote method '${channel}': No handler registered`);
      try {
        return await listener(event, ...args);
      } catch (error) {
        throw new Error(`Error invoking remote method '${channel}': ${String(error)}`);
      }
    },
    on: vi.fn(),
    removeListener: vi.fn(),
  };
  return { ipcMain, ipcRenderer };
}

async function desktopApi(): Promise<DoctorApi> {
  const { createDoctorApi } = await import('../../../electron/preload');
  const { ipcMain, ipcRenderer } = ipcPair();
  registerIpcHandlers({
    ipcMain: ipcMain as never,
    handlers: handlersWithABug(),
    isAppUrl: (url) => url === 'app://main/index.html',
  });
  return unwrapTransport(createDoctorApi(ipcRenderer as never));
}

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({}, { createHandlers: handlersWithABug });
});
afterAll(async () => {
  await server.stop();
});
beforeEach(() => {
  resetElectronMock();
  vi.spyOn(console, 'error').mockImplementation(() => {});
});

const realFetch = globalThis.fetch;
afterEach(() => {
  vi.unstubAllGlobals();
});

/** The page's own transport, its relative URLs sent to the test server as a page there would. */
function previewApi(): DoctorApi {
  vi.stubGlobal('fetch', (url: string, init?: RequestInit) => realFetch(new URL(url, server.url), init));
  return unwrapTransport(createHttpTransport());
}

describe.each([
  ['IPC (desktop app)', desktopApi],
  ['HTTP (browser preview)', async () => previewApi()],
])('one way to fail over %s', (_transport, makeApi) => {
  it('answers a good call with its value, and a handler’s own "no" as a result', async () => {
    const api = await makeApi();
    expect((await api.getAppInfo()).scenarios.length).toBeGreaterThan(0);
    expect(await api.runChecklist({ kind: 'scenario', name: 'no-such-scenario' })).toEqual({
      ok: false,
      reason: 'no scenario "no-such-scenario"',
    });
  });

  it('rejects malformed arguments before any handler, as an invalid-arguments error in its own words', async () => {
    const api = await makeApi();
    const failed = api.runChecklist({ kind: 'scenario' } as never);
    await expect(failed).rejects.toBeInstanceOf(ApiCallError);
    await expect(failed).rejects.toMatchObject({
      code: 'invalid-arguments',
      message: expect.stringMatching(/^runChecklist: 0\.name: /),
    });
    await expect(failed).rejects.not.toThrow(ELECTRON_PREFIX);
  });

  it('turns a handler that throws into an internal error of one line, without Electron’s prefix', async () => {
    const api = await makeApi();
    const failed = api.exportCapture();
    await expect(failed).rejects.toMatchObject({ code: 'internal', message: 'exportCapture: disk full' });
    await expect(failed).rejects.not.toThrow(ELECTRON_PREFIX);
  });
});

describe('an unknown method', () => {
  it('arrives as the envelope over HTTP', async () => {
    const answer = await callApi(server.port, 'formatDisk', [], 'unknown');
    expect(answer.status).toBe(404);
    expect(JSON.parse(answer.body)).toEqual({
      ok: false,
      error: { code: 'unknown-method', message: 'unknown method "formatDisk"' },
    });
  });

  it('cannot be called over IPC: the preload exposes the contract’s methods only', async () => {
    const { createDoctorApi } = await import('../../../electron/preload');
    const bridge = createDoctorApi(ipcPair().ipcRenderer as never) as unknown as Record<string, unknown>;
    expect(bridge.formatDisk).toBeUndefined();
  });
});
