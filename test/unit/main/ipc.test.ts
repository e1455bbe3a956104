import { API_METHODS, channelOf } from '@contract/api-channels';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createApiHandlers } from '../../../electron/api/create-api-handlers';
import { createAppOrigin } from '../../../electron/main/app-origin';
import { registerIpcHandlers } from '../../../electron/main/ipc';
import { resetElectronMock, state } from './electron-mock';

vi.mock('electron', () => import('./electron-mock').then((m) => m.electronModule));

type Handlers = ReturnType<typeof createApiHandlers>;

/** A spy per API method (whatever methods the contract has), so a test sees whether any ran. */
function spyHandlers() {
  const spies = Object.fromEntries(
    API_METHODS.map((method) => [
      method,
      vi.fn(async (..._args: unknown[]) => ({ ok: false, reason: 'spy' })),
    ]),
  ) as Record<
    (typeof API_METHODS)[number],
    ReturnType<typeof vi.fn<(...args: unknown[]) => Promise<unknown>>>
  >;
  spies.getAppInfo.mockImplementation(async () => ({ version: 'x' }));
  return spies;
}

const appFrame = { url: 'app://main/index.html', parent: null };
const refused = { ok: false, error: { code: 'refused', message: 'unauthorized sender' } };
const from = (senderFrame: unknown) => ({ senderFrame, sender: {} });

function setUp(options: { isPackaged?: boolean; devServerUrl?: string } = {}) {
  const handlers = spyHandlers();
  const origin = createAppOrigin({
    isPackaged: options.isPackaged ?? true,
    devServerUrl: options.devServerUrl,
  });
  const dispose = registerIpcHandlers({
    ipcMain: state.ipcMain as never,
    handlers: handlers as unknown as Handlers,
    isAppUrl: origin.isAppUrl,
  });
  const invoke = (method: string, event: unknown, ...args: unknown[]) => {
    const listener = state.ipcMain.handlers.get(`doctor:${method}`);
    if (!listener) throw new Error(`no handler for ${method}`);
    return listener(event, ...args) as Promise<unknown>;
  };
  const calls = () => Object.values(handlers).reduce((n, spy) => n + spy.mock.calls.length, 0);
  return { handlers, dispose, invoke, calls };
}

beforeEach(() => resetElectronMock());

describe('registerIpcHandlers', () => {
  it('registers one channel per API method, and removes them again', () => {
    const { dispose } = setUp();
    expect([...state.ipcMain.handlers.keys()].sort()).toEqual(API_METHODS.map(channelOf).sort());
    dispose();
    expect(state.ipcMain.handlers.size).toBe(0);
  });

  it('runs a valid call from the app and returns its value', async () => {
    const { handlers, invoke } = setUp();
    await expect(invoke('getAppInfo', from(appFrame))).resolves.toEqual({
      ok: true,
      value: { version: 'x' },
    });
    await expect(
      invoke('runChecklist', from(appFrame), { kind: 'scenario', name: 'healthy' }),
    ).resolves.toEqual({ ok: true, value: { ok: false, reason: 'spy' } });
    expect(handlers.runChecklist).toHaveBeenCalledWith({ kind: 'scenario', name: 'healthy' });
  });

  it.each([
    ['another https origin', { url: 'https://evil.example/', parent: null }],
    ['another app host', { url: 'app://other/index.html', parent: null }],
    ['a file page', { url: 'file:///C:/x.html', parent: null }],
    ['a dev server in a packaged app', { url: 'http://localhost:5173/', parent: null }],
    ['a frame inside the app', { url: 'app://main/index.html', parent: appFrame }],
    ['a destroyed frame', null],
    ['no frame at all', undefined],
  ])('refuses a call from %s before any handler runs', async (_label, frame) => {
    const { invoke, calls } = setUp();
    for (const method of API_METHODS) {
      await expect(invoke(method, from(frame), { kind: 'scenario', name: 'healthy' })).resolves.toEqual(
        refused,
      );
    }
    expect(calls()).toBe(0);
  });

  it('refuses when reading the sender frame throws', async () => {
    const { invoke, calls } = setUp();
    const event = {
      get senderFrame(): never {
        throw new Error('frame disposed');
      },
    };
    await expect(invoke('getAppInfo', event)).resolves.toEqual(refused);
    expect(calls()).toBe(0);
  });

  it('accepts the dev server in development, and only it', async () => {
    const { invoke, calls } = setUp({ isPackaged: false, devServerUrl: 'http://localhost:5173' });
    await expect(
      invoke('getAppInfo', from({ url: 'http://localhost:5173/', parent: null })),
    ).resolves.toEqual({ ok: true, value: { version: 'x' } });
    await expect(invoke('getAppInfo', from(appFrame))).resolves.toEqual(refused);
    await expect(
      invoke('getAppInfo', from({ url: 'http://localhost:5174/', parent: null })),
    ).resolves.toEqual(refused);
    expect(calls()).toBe(1);
  });

  it.each([
    ['getAppInfo', ['unexpected']],
    ['runChecklist', []],
    ['runChecklist', [{ kind: 'shell', command: 'calc.exe' }]],
    ['runChecklist', [{ kind: 'scenario', name: '' }]],
    ['runChecklist', [{ kind: 'scenario', name: 'x'.repeat(101) }]],
    ['runChecklist', [{ kind: 'live', share: 42 }]],
    ['runChecklist', [{ kind: 'capture', fileName: 'a.json' }]],
    ['runChecklist', ['scenario']],
    ['runChecklist', [{ kind: 'scenario', name: 'healthy' }, 'extra']],
    ['rerun', [{ checkId: 'not-a-check' }]],
    ['rerun', [null]],
    ['exportCapture', [{}]],
    ['exportDocument', []],
    ['exportDocument', [{ kind: 'pdf', redact: true }]],
    ['exportDocument', [{ kind: 'html' }]],
    ['exportDocument', [{ kind: 'html', redact: 'no' }]],
    ['exportDocument', [{ kind: 'html', redact: false, path: 'C:\\Windows\\x.html' }]],
    ['exportDocument', [{ kind: 'html', redact: false }, 'extra']],
    ['summarizeFiles', []],
    ['summarizeFiles', [{ files: [] }]],
    ['summarizeFiles', [{ files: [{ fileName: 'a.json' }] }]],
    ['summarizeFiles', [{ files: [{ fileName: 'x'.repeat(261), text: '{}' }] }]],
    ['summarizeFiles', [{ files: Array.from({ length: 51 }, () => ({ fileName: 'a.json', text: '{}' })) }]],
    [
      'summarizeFiles',
      [
        {
          files: Array.from({ length: 3 }, () => ({ fileName: 'a.json', text: 'x'.repeat(8 * 1024 * 1024) })),
        },
      ],
    ],
  ])('refuses %s with arguments %j before any handler runs', async (method, args) => {
    const { invoke, calls } = setUp();
    await expect(invoke(method, from(appFrame), ...args)).resolves.toEqual({
      ok: false,
      error: { code: 'invalid-arguments', message: expect.stringMatching(new RegExp(`^${method}: `)) },
    });
    expect(calls()).toBe(0);
  });

  it('passes a valid export request on as it came', async () => {
    const { handlers, invoke } = setUp();
    await invoke('exportDocument', from(appFrame), { kind: 'capture', redact: true });
    expect(handlers.exportDocument).toHaveBeenCalledWith({ kind: 'capture', redact: true });
  });

  it('passes a valid batch of fleet files on as it came', async () => {
    const { handlers, invoke } = setUp();
    const request = { files: [{ fileName: 'pc-1.json', text: '{}' }] };
    await invoke('summarizeFiles', from(appFrame), request);
    expect(handlers.summarizeFiles).toHaveBeenCalledWith(request);
  });

  it('turns a failing handler into a one-line error envelope', async () => {
    const { handlers, invoke } = setUp();
    handlers.exportCapture.mockRejectedValueOnce(
      new Error('disk full\n    at somewhere (secret/path.ts:1:1)'),
    );
    vi.spyOn(console, 'error').mockImplementation(() => {});
    await expect(invoke('exportCapture', from(appFrame))).resolves.toEqual({
      ok: false,
      error: { code: 'internal', message: 'exportCapture: disk full' },
    });
  });

  it('serves the real handler table', async () => {
    const origin = createAppOrigin({ isPackaged: true });
    registerIpcHandlers({
      ipcMain: state.ipcMain as never,
      handlers: createApiHandlers({ mode: 'electron', allowLive: false }),
      isAppUrl: origin.isAppUrl,
    });
    const answer = (await state.ipcMain.handlers.get('doctor:getAppInfo')?.(from(appFrame))) as {
      value: { mode: string; liveSupported: boolean };
    };
    const info = answer.value;
    expect(info.mode).toBe('electron');
    expect(info.liveSupported).toBe(false);
  });
});
