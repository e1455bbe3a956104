// Help ▸ Third-party notices: the licences of every bundled package, read-only, in a window of its
// own. The file is written into the renderer build at build time (scripts/third-party-notices.ts)
// and served by app:// like the page, with the same CSP; the window shows it as plain text, with
// no preload, no JavaScript and no DevTools.

import { BrowserWindow, type BrowserWindowConstructorOptions } from 'electron';
import { HARDENED_WEB_PREFERENCES } from './window';

/** The file's name in the renderer build (scripts/third-party-notices.ts writes it). */
export const NOTICES_FILE = 'third-party-notices.txt';

/** The notices' URL beside the app's entry page (app://main/… packaged, the dev server in development). */
export function noticesUrl(entryUrl: string): string {
  return new URL(NOTICES_FILE, entryUrl).href;
}

export function noticesWindowOptions(parent?: BrowserWindow): BrowserWindowConstructorOptions {
  return {
    width: 760,
    height: 720,
    title: 'Third-party notices',
    autoHideMenuBar: true,
    ...(parent === undefined ? {} : { parent }),
    webPreferences: {
      ...HARDENED_WEB_PREFERENCES,
      // Plain text needs neither.
      javascript: false,
      devTools: false,
    },
  };
}

let open: BrowserWindow | null = null;

/** Opens the notices window, or brings the one already open to the front. */
export function openNoticesWindow(entryUrl: string, parent?: BrowserWindow | null): BrowserWindow {
  if (open && !open.isDestroyed()) {
    open.focus();
    return open;
  }
  const window = new BrowserWindow(noticesWindowOptions(parent ?? undefined));
  open = window;
  window.on('closed', () => {
    if (open === window) open = null;
  });
  const url = noticesUrl(entryUrl);
  window.loadURL(url).catch((error: unknown) => {
    console.error(`could not load ${url}: ${error instanceof Error ? error.message : String(error)}`);
  });
  return window;
}
