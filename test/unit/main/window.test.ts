import { beforeEach, describe, expect, it, vi } from 'vitest';
import { backgroundColorFor, createMainWindow, mainWindowOptions } from '../../../electron/main/window';
import { FakeBrowserWindow, resetElectronMock, state } from './electron-mock';

vi.mock('electron', () => import('./electron-mock').then((m) => m.electronModule));

beforeEach(() => resetElectronMock());

const HARDENED = {
  contextIsolation: true,
  sandbox: true,
  nodeIntegration: false,
  nodeIntegrationInWorker: false,
  nodeIntegrationInSubFrames: false,
  webSecurity: true,
  allowRunningInsecureContent: false,
  experimentalFeatures: false,
  webviewTag: false,
  spellcheck: false,
};

describe('mainWindowOptions', () => {
  it('hardens the web preferences and loads the given preload', () => {
    const options = mainWindowOptions({
      preloadPath: '/app/.vite/build/preload.cjs',
      isPackaged: true,
      darkMode: false,
    });
    expect(options.webPreferences).toMatchObject({ ...HARDENED, preload: '/app/.vite/build/preload.cjs' });
  });

  it('has DevTools only when not packaged', () => {
    expect(
      mainWindowOptions({ preloadPath: 'p', isPackaged: true, darkMode: false }).webPreferences?.devTools,
    ).toBe(false);
    expect(
      mainWindowOptions({ preloadPath: 'p', isPackaged: false, darkMode: false }).webPreferences?.devTools,
    ).toBe(true);
  });

  it('sizes, titles and colours the window, hidden until painted', () => {
    const light = mainWindowOptions({ preloadPath: 'p', isPackaged: true, darkMode: false });
    expect(light).toMatchObject({
      width: 1280,
      height: 860,
      minWidth: 1024,
      minHeight: 700,
      title: 'WHfB Doctor',
      show: false,
      backgroundColor: backgroundColorFor(false),
    });
    const dark = mainWindowOptions({ preloadPath: 'p', isPackaged: true, darkMode: true });
    expect(dark.backgroundColor).toBe(backgroundColorFor(true));
    expect(backgroundColorFor(true)).not.toBe(backgroundColorFor(false));
  });
});

describe('createMainWindow', () => {
  it('creates the hardened window, loads the entry URL and shows it when ready to show', () => {
    state.nativeTheme.shouldUseDarkColors = true;
    const window = createMainWindow({
      preloadPath: '/build/preload.cjs',
      isPackaged: true,
      entryUrl: 'app://main/index.html',
    }) as unknown as FakeBrowserWindow;
    expect(FakeBrowserWindow.instances).toEqual([window]);
    expect(window.options).toMatchObject({
      backgroundColor: backgroundColorFor(true),
      webPreferences: HARDENED,
    });
    expect(window.loadURL).toHaveBeenCalledWith('app://main/index.html');
    expect(window.show).not.toHaveBeenCalled();
    window.emit('ready-to-show');
    expect(window.show).toHaveBeenCalledTimes(1);
  });

  it('follows the system theme until closed', () => {
    const window = createMainWindow({
      preloadPath: 'p',
      isPackaged: true,
      entryUrl: 'app://main/index.html',
    }) as unknown as FakeBrowserWindow;
    state.nativeTheme.shouldUseDarkColors = true;
    state.nativeTheme.emit('updated');
    expect(window.setBackgroundColor).toHaveBeenLastCalledWith(backgroundColorFor(true));
    window.emit('closed');
    expect(state.nativeTheme.count('updated')).toBe(0);
  });
});
