import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { API_METHODS, channelOf } from '@contract/api-channels';
import { MENU_CHANNEL } from '@contract/menu-channel';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { serializeCapture } from '../../../electron/engine/capture/write-capture';
import { loadScenario } from '../../../electron/engine/scenarios/scenario-catalog';
import { becomeReady, FakeBrowserWindow, FakeWebContents, resetElectronMock, state } from './electron-mock';

vi.mock('electron', () => import('./electron-mock').then((m) => m.electronModule));

beforeEach(() => {
  resetElectronMock();
  vi.resetModules();
});

const startMain = () => import('../../../electron/main');

describe('main process lifecycle', () => {
  it('before ready: takes the single-instance lock, sandboxes every renderer, registers app:// and guards web contents', async () => {
    await startMain();
    expect(state.app.requestSingleInstanceLock).toHaveBeenCalled();
    expect(state.app.enableSandbox).toHaveBeenCalled();
    expect(state.protocol.registerSchemesAsPrivileged).toHaveBeenCalledTimes(1);
    expect(state.app.count('web-contents-created')).toBe(1);
    // Nothing that needs a ready app has run yet.
    expect(state.protocol.handle).not.toHaveBeenCalled();
    expect(FakeBrowserWindow.instances).toHaveLength(0);
  });

  it('when ready: denies permissions, serves app://, registers IPC and the menu, opens one window', async () => {
    await startMain();
    await becomeReady();
    const session = state.session.defaultSession;
    expect(session.setPermissionRequestHandler).toHaveBeenCalled();
    expect(session.setPermissionCheckHandler).toHaveBeenCalled();
    expect(state.protocol.handle).toHaveBeenCalledWith('app', expect.any(Function));
    expect([...state.ipcMain.handlers.keys()].sort()).toEqual(API_METHODS.map(channelOf).sort());
    expect(state.Menu.setApplicationMenu).toHaveBeenCalled();
    expect(FakeBrowserWindow.instances).toHaveLength(1);
    const window = FakeBrowserWindow.instances[0] as FakeBrowserWindow;
    expect(window.loadURL).toHaveBeenCalledWith('app://main/index.html');
    const prefs = window.options.webPreferences as { preload: string; sandbox: boolean; devTools: boolean };
    expect(prefs.preload).toMatch(/[\\/]preload\.cjs$/);
    expect(prefs.sandbox).toBe(true);
    expect(prefs.devTools).toBe(false);
  });

  it('guards every web contents created later', async () => {
    await startMain();
    const contents = new FakeWebContents();
    state.app.emit('web-contents-created', {}, contents);
    expect(contents.setWindowOpenHandler).toHaveBeenCalled();
    expect(contents.count('will-navigate')).toBe(1);
    expect(contents.count('will-redirect')).toBe(1);
    expect(contents.count('will-attach-webview')).toBe(1);
  });

  it('quits when another instance already runs, and focuses the window for a second start', async () => {
    state.app.singleInstance = false;
    await startMain();
    expect(state.app.quit).toHaveBeenCalled();
    expect(state.protocol.registerSchemesAsPrivileged).not.toHaveBeenCalled();

    resetElectronMock();
    vi.resetModules();
    await startMain();
    await becomeReady();
    const window = FakeBrowserWindow.instances[0] as FakeBrowserWindow;
    window.minimized = true;
    state.app.emit('second-instance');
    expect(window.restore).toHaveBeenCalled();
    expect(window.focus).toHaveBeenCalled();
  });

  it('refuses to start packaged with a debugging switch: says why, exits 2, starts nothing', async () => {
    const argv = process.argv;
    process.argv = [argv[0] ?? 'whfb-doctor.exe', '--remote-debugging-port=9222'];
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    try {
      await startMain();
    } finally {
      process.argv = argv;
    }
    expect(state.app.exit).toHaveBeenCalledWith(2);
    expect(state.dialog.showErrorBox).toHaveBeenCalledWith(
      'WHfB Doctor cannot start',
      expect.stringContaining('--remote-debugging-port'),
    );
    expect(error).toHaveBeenCalledWith(expect.stringContaining('--remote-debugging-port'));
    expect(state.app.requestSingleInstanceLock).not.toHaveBeenCalled();
    expect(state.app.enableSandbox).not.toHaveBeenCalled();
    expect(state.protocol.registerSchemesAsPrivileged).not.toHaveBeenCalled();
    error.mockRestore();
  });

  it('refuses a headless run with a switch Chromium parsed, on stderr only (no dialog)', async () => {
    const argv = process.argv;
    process.argv = [argv[0] ?? 'whfb-doctor.exe', '--headless', '--out', 'report.json'];
    state.app.switches.add('remote-debugging-pipe');
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    try {
      await startMain();
    } finally {
      process.argv = argv;
    }
    expect(state.app.exit).toHaveBeenCalledWith(2);
    expect(state.dialog.showErrorBox).not.toHaveBeenCalled();
    expect(error).toHaveBeenCalledWith(expect.stringContaining('--remote-debugging-pipe'));
    error.mockRestore();
  });

  it('Help ▸ Documentation opens the allowlisted deploy guide in the browser', async () => {
    await startMain();
    await becomeReady();
    const menu = state.Menu.buildFromTemplate.mock.calls[0]?.[0] as {
      label?: string;
      submenu?: { label?: string; click?: () => void }[];
    }[];
    const help = menu.find((item) => item.label === '&Help');
    help?.submenu?.find((item) => item.label === 'Documentation')?.click?.();
    expect(state.shell.openExternal).toHaveBeenCalledWith(
      'https://learn.microsoft.com/windows/security/identity-protection/hello-for-business/deploy/hybrid-cloud-kerberos-trust',
    );
  });

  it('Help ▸ Third-party notices opens the notices over app:// in a read-only window, once', async () => {
    await startMain();
    await becomeReady();
    const menu = state.Menu.buildFromTemplate.mock.calls[0]?.[0] as {
      label?: string;
      submenu?: { label?: string; click?: () => void }[];
    }[];
    const notices = menu
      .find((item) => item.label === '&Help')
      ?.submenu?.find((item) => item.label === 'Third-party notices');
    notices?.click?.();
    expect(FakeBrowserWindow.instances).toHaveLength(2);
    const window = FakeBrowserWindow.instances[1] as FakeBrowserWindow;
    expect(window.loadURL).toHaveBeenCalledWith('app://main/third-party-notices.txt');
    expect(window.options.parent).toBe(FakeBrowserWindow.instances[0]);
    expect(window.options.webPreferences).toMatchObject({
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      javascript: false,
      devTools: false,
    });
    expect(window.options.webPreferences).not.toHaveProperty('preload');
    notices?.click?.();
    expect(FakeBrowserWindow.instances).toHaveLength(2);
    expect(window.focus).toHaveBeenCalled();
    window.emit('closed');
  });

  it('File ▸ Open capture… opens the picked file in main and sends the window only its report', async () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'whfb-main-')), 'device.json');
    writeFileSync(file, serializeCapture(loadScenario('healthy-hybrid')));
    await startMain();
    await becomeReady();
    state.dialog.showOpenDialog.mockResolvedValueOnce({ canceled: false, filePaths: [file] });
    const menu = state.Menu.buildFromTemplate.mock.calls[0]?.[0] as {
      label?: string;
      submenu?: { label?: string; click?: () => void }[];
    }[];
    menu
      .find((item) => item.label === '&File')
      ?.submenu?.find((item) => item.label === 'Open capture…')
      ?.click?.();
    await vi.waitFor(() =>
      expect((FakeBrowserWindow.instances[0] as FakeBrowserWindow).webContents.send).toHaveBeenCalled(),
    );
    expect((FakeBrowserWindow.instances[0] as FakeBrowserWindow).webContents.send).toHaveBeenCalledWith(
      MENU_CHANNEL,
      {
        command: 'open-capture',
        fileName: 'device.json',
        result: {
          ok: true,
          value: expect.objectContaining({
            ok: true,
            report: expect.objectContaining({ source: { kind: 'capture', file: 'device.json' } }),
          }),
        },
      },
    );
    const sent = JSON.stringify(
      (FakeBrowserWindow.instances[0] as FakeBrowserWindow).webContents.send.mock.calls.at(-1),
    );
    expect(sent).not.toContain('"probes"');
  });
});
