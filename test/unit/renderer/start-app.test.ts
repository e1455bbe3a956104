// Start-up paths other than ?scenario= (each test file starts the app afresh): the first
// scenario, a live run on Windows, an unknown scenario name, and an API that cannot start.
import { describe, expect, it, vi } from 'vitest';
import { startApp } from '../../../renderer/src/state/run-actions';
import { useRunStore } from '../../../renderer/src/state/run-store';
import { useSourceStore } from '../../../renderer/src/state/source-store';
import { appInfo, createFakeApi, failed, installBrowser, ok } from './fake-doctor-api';

const api = createFakeApi();
installBrowser(api);

describe('start-up with an unknown ?scenario=', () => {
  it('opens the first scenario instead and keeps saying why', async () => {
    await startApp('?scenario=nope');
    expect(useSourceStore.getState().source).toMatchObject({ kind: 'scenario', name: 'healthy-hybrid' });
    expect(useRunStore.getState().error).toEqual({
      title: 'Could not open the practice scenario',
      reason: 'no scenario named nope',
    });
    expect(vi.mocked(api.runChecklist).mock.calls).toEqual([
      [{ kind: 'scenario', name: 'nope' }],
      [{ kind: 'scenario', name: 'healthy-hybrid' }],
    ]);
  });
});

describe('start-up decisions', () => {
  it('runs live first where live checks are supported', async () => {
    vi.resetModules();
    const fresh = await import('../../../renderer/src/state/run-actions');
    vi.mocked(api.getAppInfo).mockResolvedValueOnce(ok(appInfo({ liveSupported: true, mode: 'electron' })));
    await fresh.startApp('');
    expect(api.runChecklist).toHaveBeenLastCalledWith({ kind: 'live' });
  });

  it('says "Could not start" with the reason when the app info does not come', async () => {
    vi.resetModules();
    const fresh = await import('../../../renderer/src/state/run-actions');
    const store = await import('../../../renderer/src/state/run-store');
    vi.mocked(api.getAppInfo).mockRejectedValueOnce(new Error('the preview server is gone'));
    await fresh.startApp('');
    expect(store.useRunStore.getState().error).toEqual({
      title: 'Could not start',
      reason: 'the preview server is gone',
    });
  });

  it('says "Could not start" with the words of the failed call', async () => {
    vi.resetModules();
    const fresh = await import('../../../renderer/src/state/run-actions');
    const store = await import('../../../renderer/src/state/run-store');
    vi.mocked(api.getAppInfo).mockResolvedValueOnce(failed('getAppInfo: the scenarios could not be read'));
    await fresh.startApp('');
    expect(store.useRunStore.getState().error).toEqual({
      title: 'Could not start',
      reason: 'getAppInfo: the scenarios could not be read',
    });
  });
});
