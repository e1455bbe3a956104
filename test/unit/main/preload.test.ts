import { API_METHODS, channelOf, PROGRESS_CHANNEL } from '@contract/api-channels';
import type { ProgressEvent } from '@contract/api-contract';
import { MENU_CHANNEL } from '@contract/menu-channel';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { resetElectronMock, state } from './electron-mock';

vi.mock('electron', () => import('./electron-mock').then((m) => m.electronModule));

beforeEach(() => {
  resetElectronMock();
  vi.resetModules();
});

/** Runs the preload as Electron would, and returns what it exposed. */
async function exposed(): Promise<Record<string, unknown>> {
  await import('../../../electron/preload');
  expect(state.contextBridge.exposeInMainWorld).toHaveBeenCalledTimes(1);
  const [key, api] = state.contextBridge.exposeInMainWorld.mock.calls[0] ?? [];
  expect(key).toBe('doctor');
  return api as Record<string, unknown>;
}

describe('preload', () => {
  it('exposes exactly the API methods, onProgress and onMenuCommand, all functions', async () => {
    const api = await exposed();
    expect(Object.keys(api).sort()).toEqual([...API_METHODS, 'onMenuCommand', 'onProgress'].sort());
    for (const value of Object.values(api)) expect(typeof value).toBe('function');
    expect(Object.isFrozen(api)).toBe(true);
  });

  it('forwards each method to its channel with the arguments as given', async () => {
    const api = (await exposed()) as Record<string, (...args: unknown[]) => Promise<unknown>>;
    state.ipcRenderer.invoke.mockResolvedValue('answer');
    for (const method of API_METHODS) {
      await expect(api[method]?.({ kind: 'scenario', name: 'healthy' })).resolves.toBe('answer');
      expect(state.ipcRenderer.invoke).toHaveBeenLastCalledWith(channelOf(method), {
        kind: 'scenario',
        name: 'healthy',
      });
    }
  });

  it.each([
    ['onProgress', PROGRESS_CHANNEL],
    ['onMenuCommand', MENU_CHANNEL],
  ])('%s passes only the payload, never the IPC event, and unsubscribes once', async (name, channel) => {
    const api = (await exposed()) as Record<string, (listener: (payload: unknown) => void) => () => void>;
    const listener = vi.fn();
    const unsubscribe = api[name]?.(listener);
    expect(state.ipcRenderer.on).toHaveBeenCalledWith(channel, expect.any(Function));
    const forward = state.ipcRenderer.on.mock.calls[0]?.[1] as (event: unknown, payload: unknown) => void;
    const payload: ProgressEvent = { probeId: 'dsregcmd-status', phase: 'done', durationMs: 12 };
    forward({ sender: { invoke: () => {} }, ports: [] }, payload);
    expect(listener).toHaveBeenCalledTimes(1);
    expect(listener.mock.calls[0]).toEqual([payload]);
    unsubscribe?.();
    unsubscribe?.();
    expect(state.ipcRenderer.removeListener).toHaveBeenCalledTimes(1);
    expect(state.ipcRenderer.removeListener).toHaveBeenCalledWith(channel, forward);
  });

  it('refuses a listener that is not a function', async () => {
    const api = (await exposed()) as Record<string, (listener: unknown) => unknown>;
    expect(() => api.onProgress?.('not a function')).toThrow(TypeError);
    expect(state.ipcRenderer.on).not.toHaveBeenCalled();
  });
});
