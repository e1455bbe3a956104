// The application menu. Reload and DevTools exist only in development.

import { Menu, type MenuItemConstructorOptions } from 'electron';

export interface MenuOptions {
  isDevelopment: boolean;
  platform: NodeJS.Platform;
  onOpenCapture(): void;
  onOpenDocumentation(): void;
  /** Help ▸ Third-party notices: the bundled packages' licences, read-only. */
  onOpenNotices(): void;
}

export function buildMenuTemplate(options: MenuOptions): MenuItemConstructorOptions[] {
  const mac = options.platform === 'darwin';
  const view: MenuItemConstructorOptions[] = [
    ...(options.isDevelopment
      ? ([
          { role: 'reload' },
          { role: 'forceReload' },
          { role: 'toggleDevTools' },
          { type: 'separator' },
        ] satisfies MenuItemConstructorOptions[])
      : []),
    { role: 'resetZoom' },
    { role: 'zoomIn' },
    { role: 'zoomOut' },
    { type: 'separator' },
    { role: 'togglefullscreen' },
  ];
  return [
    ...(mac ? [{ role: 'appMenu' } satisfies MenuItemConstructorOptions] : []),
    {
      label: '&File',
      submenu: [
        { label: 'Open capture…', accelerator: 'CmdOrCtrl+O', click: () => options.onOpenCapture() },
        { type: 'separator' },
        mac ? { role: 'close' } : { role: 'quit' },
      ],
    },
    // macOS routes Cmd+C/V/X through the Edit menu; Windows and Linux need none.
    ...(mac ? [{ role: 'editMenu' } satisfies MenuItemConstructorOptions] : []),
    { label: '&View', submenu: view },
    {
      role: 'help',
      label: '&Help',
      submenu: [
        { label: 'Documentation', click: () => options.onOpenDocumentation() },
        { type: 'separator' },
        { label: 'Third-party notices', click: () => options.onOpenNotices() },
      ],
    },
  ];
}

export function installMenu(options: MenuOptions): void {
  Menu.setApplicationMenu(Menu.buildFromTemplate(buildMenuTemplate(options)));
}
