import { describe, expect, it } from 'vitest';
import { APP_ENTRY_URL, createAppOrigin } from '../../../electron/main/app-origin';

describe('createAppOrigin', () => {
  it('packaged: only app://main is the app, whatever dev server URL the bundle carries', () => {
    const origin = createAppOrigin({ isPackaged: true, devServerUrl: 'http://localhost:5173' });
    expect(origin.entryUrl).toBe(APP_ENTRY_URL);
    expect(origin.entryUrl).toBe('app://main/index.html');
    for (const url of ['app://main/index.html', 'app://main/', 'app://main/assets/x.js?v=1#y']) {
      expect(origin.isAppUrl(url), url).toBe(true);
    }
    for (const url of [
      'http://localhost:5173/',
      'app://other/index.html',
      'app://main.evil/index.html',
      'app://user@main/index.html',
      'file:///index.html',
      'https://main/index.html',
      'about:blank',
      'devtools://devtools/bundled/inspector.html',
      '',
      'not a url',
      undefined,
      null,
    ]) {
      expect(origin.isAppUrl(url), String(url)).toBe(false);
    }
  });

  it('development: the dev server origin is the app (and app:// is not)', () => {
    const origin = createAppOrigin({ isPackaged: false, devServerUrl: 'http://localhost:5173' });
    expect(origin.entryUrl).toBe('http://localhost:5173/');
    expect(origin.isAppUrl('http://localhost:5173/src/main.tsx')).toBe(true);
    expect(origin.isAppUrl('http://localhost:5174/')).toBe(false);
    expect(origin.isAppUrl('http://127.0.0.1:5173/')).toBe(false);
    expect(origin.isAppUrl('https://localhost:5173/')).toBe(false);
    expect(origin.isAppUrl('http://user:pw@localhost:5173/')).toBe(false);
    expect(origin.isAppUrl('app://main/index.html')).toBe(false);
  });

  it('development without a dev server (a local build run unpackaged) uses app://', () => {
    expect(createAppOrigin({ isPackaged: false }).entryUrl).toBe(APP_ENTRY_URL);
    expect(createAppOrigin({ isPackaged: false, devServerUrl: 'file:///x' }).entryUrl).toBe(APP_ENTRY_URL);
  });
});
