import type { MenuItemConstructorOptions } from 'electron';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { buildMenuTemplate, installMenu } from '../../../electron/main/menu';
import { resetElectronMock, state } from './electron-mock';

vi.mock('electron', () => import('./electron-mock').then((m) => m.electronModule));

beforeEach(() => resetElectronMock());

function template(isDevelopment: boolean, platform: NodeJS.Platform = 'win32') {
  const onOpenCapture = vi.fn();
  const onOpenDocumentation = vi.fn();
  const onOpenNotices = vi.fn();
  const menu = buildMenuTemplate({
    isDevelopment,
    platform,
    onOpenCapture,
    onOpenDocumentation,
    onOpenNotices,
  });
  return { menu, onOpenCapture, onOpenDocumentation, onOpenNotices };
}

const submenu = (menu: MenuItemConstructorOptions[], label: string) =>
  (menu.find((item) => item.label?.replace('&', '') === label)?.submenu ??
    []) as MenuItemConstructorOptions[];
const roles = (items: MenuItemConstructorOptions[]) => items.map((item) => item.role).filter(Boolean);

describe('application menu', () => {
  it('has File, View and Help on Windows', () => {
    const { menu } = template(false);
    expect(menu.map((item) => item.label?.replace('&', ''))).toEqual(['File', 'View', 'Help']);
  });

  it('File offers Open capture… and Quit', () => {
    const { menu, onOpenCapture } = template(false);
    const file = submenu(menu, 'File');
    const open = file.find((item) => item.label === 'Open capture…');
    expect(open?.accelerator).toBe('CmdOrCtrl+O');
    (open?.click as (() => void) | undefined)?.();
    expect(onOpenCapture).toHaveBeenCalledTimes(1);
    expect(roles(file)).toEqual(['quit']);
  });

  it('View has Reload and DevTools only in development', () => {
    const production = roles(submenu(template(false).menu, 'View'));
    expect(production).not.toContain('reload');
    expect(production).not.toContain('forceReload');
    expect(production).not.toContain('toggleDevTools');
    const development = roles(submenu(template(true).menu, 'View'));
    expect(development).toEqual(expect.arrayContaining(['reload', 'toggleDevTools']));
  });

  it('Help ▸ Documentation opens the documentation', () => {
    const { menu, onOpenDocumentation } = template(false);
    const docs = submenu(menu, 'Help').find((item) => item.label === 'Documentation');
    (docs?.click as (() => void) | undefined)?.();
    expect(onOpenDocumentation).toHaveBeenCalledTimes(1);
  });

  it('Help ▸ Third-party notices opens the notices', () => {
    const { menu, onOpenNotices, onOpenDocumentation } = template(false);
    const help = submenu(menu, 'Help');
    expect(help.map((item) => item.label ?? item.type)).toEqual([
      'Documentation',
      'separator',
      'Third-party notices',
    ]);
    (help.find((item) => item.label === 'Third-party notices')?.click as (() => void) | undefined)?.();
    expect(onOpenNotices).toHaveBeenCalledTimes(1);
    expect(onOpenDocumentation).not.toHaveBeenCalled();
  });

  it('installs the menu as the application menu', () => {
    installMenu({
      isDevelopment: false,
      platform: 'win32',
      onOpenCapture: () => {},
      onOpenDocumentation: () => {},
      onOpenNotices: () => {},
    });
    expect(state.Menu.setApplicationMenu).toHaveBeenCalledWith(
      state.Menu.buildFromTemplate.mock.results[0]?.value,
    );
  });
});
