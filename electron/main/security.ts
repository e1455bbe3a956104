// Security policies of the app (Electron's security checklist): no permissions, no new windows,
// no navigation away from the app, no <webview>, and only allowlisted documentation opened in
// the user's browser.

import { type Session, shell, type WebContents } from 'electron';
import { ALLOWED_DOC_HOSTS } from '../engine/checks/doc-links';

const MAX_URL_LENGTH = 2048;

function hasSpaceControlOrBackslash(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code <= 0x20 || code === 0x7f || code === 0x5c || /\s/.test(text.charAt(i))) return true;
  }
  return false;
}

/**
 * The normalized URL when it is an https documentation link the app may open in the user's
 * browser: https only, a host of ALLOWED_DOC_HOSTS exactly, the default port, no user name or
 * password, no whitespace or control characters. Otherwise null.
 */
export function allowedExternalUrl(url: unknown): string | null {
  if (typeof url !== 'string' || url.length === 0 || url.length > MAX_URL_LENGTH) return null;
  // The URL parser silently drops tabs and newlines, trims, and reads \ as /; refuse such input.
  if (hasSpaceControlOrBackslash(url)) return null;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== 'https:') return null;
  if (parsed.username !== '' || parsed.password !== '') return null;
  if (parsed.port !== '') return null;
  if (!ALLOWED_DOC_HOSTS.includes(parsed.hostname)) return null;
  return parsed.href;
}

export function isAllowedExternalUrl(url: unknown): boolean {
  return allowedExternalUrl(url) !== null;
}

/** Opens the URL in the user's browser if it is allowlisted; says whether it did. */
export function openExternalIfAllowed(url: unknown): boolean {
  const allowed = allowedExternalUrl(url);
  if (allowed === null) return false;
  shell.openExternal(allowed).catch((error: unknown) => {
    console.error(`could not open ${allowed}: ${error instanceof Error ? error.message : String(error)}`);
  });
  return true;
}

/** The only settings pages a fix may open (sync-device-policy: Access work or school). */
export const ALLOWED_SETTINGS_PAGES: readonly string[] = ['ms-settings:workplace'];

/** Opens an allowlisted Windows settings page; anything else is refused. */
export async function openSettingsPage(uri: string): Promise<void> {
  if (!ALLOWED_SETTINGS_PAGES.includes(uri)) throw new Error(`refused to open ${JSON.stringify(uri)}`);
  await shell.openExternal(uri);
}

type PermissionSession = Pick<
  Session,
  'setPermissionRequestHandler' | 'setPermissionCheckHandler' | 'setDevicePermissionHandler'
>;

/** Camera, notifications, clipboard reads, HID, serial, ...: the app needs none. */
export function denyAllPermissions(session: PermissionSession): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
}

type GuardedContents = Pick<WebContents, 'on' | 'setWindowOpenHandler'>;

/** New windows are always refused (documentation links go to the browser), navigation stays in the app. */
export function guardWebContents(contents: GuardedContents, isAppUrl: (url: string) => boolean): void {
  contents.setWindowOpenHandler(({ url }) => {
    openExternalIfAllowed(url);
    return { action: 'deny' };
  });
  const stayInApp = (event: { url: string; preventDefault(): void }) => {
    if (!isAppUrl(event.url)) event.preventDefault();
  };
  contents.on('will-navigate', stayInApp);
  contents.on('will-frame-navigate', stayInApp);
  contents.on('will-redirect', stayInApp);
  contents.on('will-attach-webview', (event) => event.preventDefault());
}
