import { beforeEach, describe, expect, it, vi } from 'vitest';
import { NOTICES_FILE, noticesUrl, openNoticesWindow } from '../../../electron/main/notices-window';
import { NOTICES_FILE_NAME } from '../../../scripts/third-party-notices';
import { FakeBrowserWindow, resetElectronMock } from './electron-mock';

vi.mock('electron', () => import('./electron-mock').then((m) => m.electronModule));

beforeEach(() => resetElectronMock());

describe('the third-party notices window', () => {
  it('opens the file the build writes, beside the entry page', () => {
    expect(NOTICES_FILE).toBe(NOTICES_FILE_NAME);
    expect(noticesUrl('app://main/index.html')).toBe('app://main/third-party-notices.txt');
    expect(noticesUrl('http://localhost:5173/')).toBe('http://localhost:5173/third-party-notices.txt');
  });

  it('opens a second window only after the first was closed', () => {
    const first = openNoticesWindow('app://main/index.html') as unknown as FakeBrowserWindow;
    expect(first.options).not.toHaveProperty('parent');
    expect(openNoticesWindow('app://main/index.html')).toBe(first);
    first.destroyed = true;
    first.emit('closed');
    const second = openNoticesWindow('app://main/index.html') as unknown as FakeBrowserWindow;
    expect(second).not.toBe(first);
    expect(FakeBrowserWindow.instances).toHaveLength(2);
    second.emit('closed');
  });
});
