import { beforeEach, describe, expect, it, vi } from 'vitest';
import { DOCS } from '../../../electron/engine/checks/doc-links';
import { createAppOrigin } from '../../../electron/main/app-origin';
import {
  allowedExternalUrl,
  denyAllPermissions,
  guardWebContents,
  isAllowedExternalUrl,
  openExternalIfAllowed,
  openSettingsPage,
} from '../../../electron/main/security';
import { FakeWebContents, resetElectronMock, state } from './electron-mock';

vi.mock('electron', () => import('./electron-mock').then((m) => m.electronModule));

beforeEach(() => resetElectronMock());

describe('isAllowedExternalUrl', () => {
  it.each([
    'https://learn.microsoft.com/windows/security/identity-protection/hello-for-business/faq',
    'https://go.microsoft.com/fwlink/?linkid=2238706',
    'https://support.microsoft.com/topic/x',
    'https://learn.microsoft.com:443/entra/identity/devices/troubleshoot-device-dsregcmd',
    'https://LEARN.microsoft.com/x',
    ...Object.values(DOCS).map((d) => d.url),
  ])('allows %s', (url) => {
    expect(isAllowedExternalUrl(url)).toBe(true);
  });

  it.each([
    ['plain http', 'http://learn.microsoft.com/x'],
    ['another host', 'https://evil.example/x'],
    ['a subdomain of an allowed host', 'https://evil.learn.microsoft.com/x'],
    ['an allowed host as a suffix', 'https://learn.microsoft.com.evil.example/x'],
    ['a trailing-dot host', 'https://learn.microsoft.com./x'],
    ['a user name', 'https://user@learn.microsoft.com/x'],
    ['user and password', 'https://a:b@learn.microsoft.com/x'],
    ['the allowed host as user info', 'https://learn.microsoft.com@evil.example/x'],
    ['another port', 'https://learn.microsoft.com:8443/x'],
    ['file URL', 'file:///C:/Windows/System32/calc.exe'],
    ['javascript URL', 'javascript:alert(1)'],
    ['a custom protocol', 'ms-settings:windowsupdate'],
    ['app URL', 'app://main/index.html'],
    ['a newline inside', 'https://learn.microsoft.com\n@evil.example/'],
    ['a tab inside', 'https://learn.micro\tsoft.com/'],
    ['leading spaces', '  https://learn.microsoft.com/'],
    ['backslashes', 'https:\\\\evil.example\\learn.microsoft.com'],
    ['not a URL', 'learn.microsoft.com/x'],
    ['an empty string', ''],
    ['a very long URL', `https://learn.microsoft.com/${'a'.repeat(3000)}`],
  ])('refuses %s', (_label, url) => {
    expect(isAllowedExternalUrl(url)).toBe(false);
  });

  it('refuses what is not a string', () => {
    for (const value of [undefined, null, 42, {}, ['https://learn.microsoft.com/']]) {
      expect(isAllowedExternalUrl(value)).toBe(false);
    }
  });

  it('gives the normalized URL to open', () => {
    expect(allowedExternalUrl('https://LEARN.microsoft.com:443/a/../b')).toBe(
      'https://learn.microsoft.com/b',
    );
  });
});

describe('openExternalIfAllowed', () => {
  it('opens allowlisted documentation in the browser and nothing else', () => {
    expect(openExternalIfAllowed(DOCS.cloudTrustDeploy.url)).toBe(true);
    expect(openExternalIfAllowed('https://evil.example/')).toBe(false);
    expect(openExternalIfAllowed('file:///etc/passwd')).toBe(false);
    expect(state.shell.openExternal).toHaveBeenCalledTimes(1);
    expect(state.shell.openExternal).toHaveBeenCalledWith(DOCS.cloudTrustDeploy.url);
  });
});

describe('guardWebContents', () => {
  const origin = createAppOrigin({ isPackaged: true });

  function guarded() {
    const contents = new FakeWebContents();
    guardWebContents(contents as never, origin.isAppUrl);
    const openHandler = contents.setWindowOpenHandler.mock.calls[0]?.[0] as (details: { url: string }) => {
      action: string;
    };
    return { contents, openHandler };
  }

  const navigation = (url: string) => ({ url, preventDefault: vi.fn() });

  it('denies every new window, opening only allowlisted docs externally', () => {
    const { openHandler } = guarded();
    expect(openHandler({ url: DOCS.prt.url })).toEqual({ action: 'deny' });
    expect(openHandler({ url: 'https://evil.example/' })).toEqual({ action: 'deny' });
    expect(openHandler({ url: 'app://main/index.html' })).toEqual({ action: 'deny' });
    expect(openHandler({ url: 'http://learn.microsoft.com/' })).toEqual({ action: 'deny' });
    expect(state.shell.openExternal).toHaveBeenCalledTimes(1);
    expect(state.shell.openExternal).toHaveBeenCalledWith(DOCS.prt.url);
  });

  it.each(['will-navigate', 'will-frame-navigate', 'will-redirect'])('%s stays inside the app', (event) => {
    const { contents } = guarded();
    for (const url of [
      'https://evil.example/',
      DOCS.prt.url,
      'file:///C:/Windows/win.ini',
      'app://other/index.html',
      'http://localhost:5173/',
    ]) {
      const foreign = navigation(url);
      contents.emit(event, foreign);
      expect(foreign.preventDefault, url).toHaveBeenCalled();
    }
    const own = navigation('app://main/index.html#/checks');
    contents.emit(event, own);
    expect(own.preventDefault).not.toHaveBeenCalled();
    expect(state.shell.openExternal).not.toHaveBeenCalled();
  });

  it('lets the dev server navigate in development only', () => {
    const contents = new FakeWebContents();
    guardWebContents(
      contents as never,
      createAppOrigin({ isPackaged: false, devServerUrl: 'http://localhost:5173' }).isAppUrl,
    );
    const own = navigation('http://localhost:5173/index.html');
    const other = navigation('http://localhost:5174/');
    contents.emit('will-navigate', own);
    contents.emit('will-navigate', other);
    expect(own.preventDefault).not.toHaveBeenCalled();
    expect(other.preventDefault).toHaveBeenCalled();
  });

  it('refuses to attach a <webview>', () => {
    const { contents } = guarded();
    const event = { preventDefault: vi.fn() };
    contents.emit('will-attach-webview', event, {}, {});
    expect(event.preventDefault).toHaveBeenCalled();
  });
});

describe('denyAllPermissions', () => {
  it('answers no to every request and every check', () => {
    const session = state.session.defaultSession;
    denyAllPermissions(session as never);
    const request = session.setPermissionRequestHandler.mock.calls[0]?.[0] as (...args: unknown[]) => void;
    const check = session.setPermissionCheckHandler.mock.calls[0]?.[0] as (...args: unknown[]) => boolean;
    const device = session.setDevicePermissionHandler.mock.calls[0]?.[0] as (...args: unknown[]) => boolean;
    for (const permission of [
      'media',
      'notifications',
      'clipboard-read',
      'geolocation',
      'openExternal',
      'hid',
    ]) {
      const callback = vi.fn();
      request({}, permission, callback, {});
      expect(callback).toHaveBeenCalledWith(false);
      expect(check({}, permission, 'app://main', {})).toBe(false);
    }
    expect(device({ deviceType: 'usb' })).toBe(false);
  });
});

describe('openSettingsPage', () => {
  beforeEach(() => resetElectronMock());

  it('opens the Access work or school page for the policy sync fix', async () => {
    await openSettingsPage('ms-settings:workplace');
    expect(state.shell.openExternal).toHaveBeenCalledWith('ms-settings:workplace');
  });

  it.each([
    'ms-settings:windowsupdate',
    'ms-settings:workplace?x',
    'file:///C:/Windows/System32/cmd.exe',
    'https://learn.microsoft.com/',
  ])('refuses %s', async (uri) => {
    await expect(openSettingsPage(uri)).rejects.toThrow(/refused/);
    expect(state.shell.openExternal).not.toHaveBeenCalled();
  });
});
