// The main window: hardened web preferences, shown once painted, background following the theme.

import { BrowserWindow, type BrowserWindowConstructorOptions, nativeTheme } from 'electron';

export const WINDOW_TITLE = 'WHfB Doctor';

/** Fluent UI v9's neutral page backgrounds, so the first frame matches the theme. */
export const backgroundColorFor = (dark: boolean) => (dark ? '#292929' : '#ffffff');

/** What every window of the app keeps off, whatever it shows: one place for the hardening. */
export const HARDENED_WEB_PREFERENCES = {
  contextIsolation: true,
  sandbox: true,
  nodeIntegration: false,
  nodeIntegrationInWorker: false,
  nodeIntegrationInSubFrames: false,
  webSecurity: true,
  allowRunningInsecureContent: false,
  experimentalFeatures: false,
  webviewTag: false,
  navigateOnDragDrop: false,
  spellcheck: false,
} as const satisfies BrowserWindowConstructorOptions['webPreferences'];

export interface MainWindowOptions {
  /** Absolute path to the built preload script. */
  preloadPath: string;
  isPackaged: boolean;
  darkMode: boolean;
}

export function mainWindowOptions(options: MainWindowOptions): BrowserWindowConstructorOptions {
  return {
    width: 1280,
    height: 860,
    minWidth: 1024,
    minHeight: 700,
    show: false,
    title: WINDOW_TITLE,
    backgroundColor: backgroundColorFor(options.darkMode),
    webPreferences: {
      ...HARDENED_WEB_PREFERENCES,
      preload: options.preloadPath,
      devTools: !options.isPackaged,
    },
  };
}

/** Creates the window and loads the app's entry URL; it shows itself when ready to show. */
export function createMainWindow(
  options: Omit<MainWindowOptions, 'darkMode'> & { entryUrl: string },
): BrowserWindow {
  const window = new BrowserWindow(
    mainWindowOptions({ ...options, darkMode: nativeTheme.shouldUseDarkColors }),
  );
  window.once('ready-to-show', () => window.show());
  const followTheme = () => {
    if (!window.isDestroyed()) window.setBackgroundColor(backgroundColorFor(nativeTheme.shouldUseDarkColors));
  };
  nativeTheme.on('updated', followTheme);
  window.on('closed', () => nativeTheme.removeListener('updated', followTheme));
  window.loadURL(options.entryUrl).catch((error: unknown) => {
    console.error(
      `could not load ${options.entryUrl}: ${error instanceof Error ? error.message : String(error)}`,
    );
  });
  return window;
}
