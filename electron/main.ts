// The Electron main process: lifecycle only. The pieces live in electron/main/.

import path from 'node:path';
import { PROGRESS_CHANNEL } from '@contract/api-channels';
import { MENU_CHANNEL } from '@contract/menu-channel';
import { app, BrowserWindow, dialog, ipcMain, session } from 'electron';
import { createApiHandlers } from './api/create-api-handlers';
import { dispatch } from './api/dispatch';
import { DOCS } from './engine/checks/doc-links';
import { captureLive } from './host/capture-live';
import { writeFileAtomic } from './host/files/atomic-write';
import { createAppOrigin } from './main/app-origin';
import { installAppProtocol, registerAppScheme } from './main/app-protocol';
import { DEV_SERVER_URL, RENDERER_NAME } from './main/build-constants';
import { refuseDebuggingSwitches } from './main/debugging-switches';
import { headlessArgs, startHeadless } from './main/headless';
import { registerIpcHandlers } from './main/ipc';
import { installMenu } from './main/menu';
import { openNoticesWindow } from './main/notices-window';
import { openCaptureFromMenu } from './main/open-capture';
import {
  denyAllPermissions,
  guardWebContents,
  openExternalIfAllowed,
  openSettingsPage,
} from './main/security';
import { handleSquirrelStartup } from './main/squirrel-startup';
import { createMainWindow } from './main/window';

function start(): void {
  // The bundle's folder (.vite/build): the preload sits beside it, the renderer in ../renderer.
  const buildDir = __dirname;
  const origin = createAppOrigin({ devServerUrl: DEV_SERVER_URL, isPackaged: app.isPackaged });
  let mainWindow: BrowserWindow | null = null;

  const send = (channel: string, payload: unknown) => {
    if (mainWindow && !mainWindow.isDestroyed()) mainWindow.webContents.send(channel, payload);
  };

  // Before ready: every renderer sandboxed, app:// privileged, every web contents guarded.
  app.enableSandbox();
  registerAppScheme();
  app.on('web-contents-created', (_event, contents) => guardWebContents(contents, origin.isAppUrl));

  const openWindow = () => {
    const window = createMainWindow({
      preloadPath: path.join(buildDir, 'preload.cjs'),
      isPackaged: app.isPackaged,
      entryUrl: origin.entryUrl,
    });
    window.on('closed', () => {
      if (mainWindow === window) mainWindow = null;
    });
    mainWindow = window;
  };

  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });
  app.on('window-all-closed', () => app.quit());

  app
    .whenReady()
    .then(() => {
      denyAllPermissions(session.defaultSession);
      installAppProtocol(path.join(buildDir, '..', 'renderer', RENDERER_NAME));
      const handlers = createApiHandlers({
        mode: 'electron',
        allowLive: process.platform === 'win32',
        emitProgress: (event) => send(PROGRESS_CHANNEL, event),
        openSettings: openSettingsPage,
      });
      registerIpcHandlers({ ipcMain, isAppUrl: origin.isAppUrl, handlers });
      // File ▸ Open: the file is read and opened here, through the same dispatch as a call from
      // the window; only the answer (the report) crosses to the renderer.
      const openCapture = async (fileName: string, text: string) => {
        const result = await dispatch(handlers, 'runChecklist', [{ kind: 'capture', fileName, text }]);
        send(MENU_CHANNEL, { command: 'open-capture', fileName, result });
      };
      installMenu({
        isDevelopment: !app.isPackaged,
        platform: process.platform,
        onOpenCapture: () => {
          openCaptureFromMenu(mainWindow, openCapture).catch((error: unknown) =>
            console.error('open capture failed:', error),
          );
        },
        onOpenDocumentation: () => openExternalIfAllowed(DOCS.cloudTrustDeploy.url),
        onOpenNotices: () => openNoticesWindow(origin.entryUrl, mainWindow),
      });
      openWindow();
      app.on('activate', () => {
        if (BrowserWindow.getAllWindows().length === 0) openWindow();
      });
    })
    .catch((error: unknown) => {
      console.error('WHfB Doctor could not start:', error);
      app.quit();
    });
}

// The app's own arguments: after the executable, and after the app folder under `electron .`.
const headless = headlessArgs(process.argv.slice(process.defaultApp ? 2 : 1));
// First of all: a packaged app started with --remote-debugging-port, --inspect or the like ends here.
const refused = refuseDebuggingSwitches(app, {
  argv: process.argv,
  platform: process.platform,
  report: (title, message) => {
    console.error(message);
    // Safe before ready; a headless run has no one to click it away.
    if (!headless.headless) dialog.showErrorBox(title, message);
  },
});
if (!refused && !handleSquirrelStartup(app)) {
  if (headless.headless) void startHeadless(app, headless, { captureLive, writeFile: writeFileAtomic });
  else if (app.requestSingleInstanceLock()) start();
  else app.quit();
}
