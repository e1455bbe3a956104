// The desktop window's security baseline, seen from both sides: the main process (windows, the
// renderer's OS sandbox) and the page (what the main world can reach, the CSP, navigation).
import { API_METHODS } from '@contract/api-channels';
import {
  doctorApiShape,
  globalsBeyondBlankFrame,
  nodeNamesInPage,
  tryInlineScript,
} from '../e2e/shared-page';
import { ENTRY_URL, expect, test } from './desktop-app';

// Fluent UI's focus managers (keyborg, tabster) keep their state on window, in the browser preview too.
const RENDERER_GLOBALS = /^__(keyborg|tabster)/;

// Never a documentation host: a refused window.open of one would open the user's browser.
const FOREIGN_URL = 'https://example.invalid/';
const FOREIGN_URLS = [FOREIGN_URL, 'file:///', 'about:blank'];

test('the window opens with context isolation and the sandbox, on the app:// protocol', async ({
  app,
  appWindow,
}) => {
  await expect(appWindow.getByRole('heading', { name: 'WHfB Doctor', level: 1 })).toBeVisible();
  const main = await app.evaluate(({ app: electronApp, BrowserWindow }) => {
    const windows = BrowserWindow.getAllWindows();
    const contents = windows[0]?.webContents;
    const pid = contents?.getOSProcessId();
    const metric = electronApp.getAppMetrics().find((candidate) => candidate.pid === pid);
    return {
      windows: windows.length,
      url: contents?.getURL() ?? null,
      sandboxed: metric?.sandboxed ?? null,
      integrityLevel: metric?.integrityLevel ?? null,
    };
  });
  expect(main.windows).toBe(1);
  expect(main.url).toBe(ENTRY_URL);
  // Electron reports the OS sandbox on Windows and macOS only; on Linux Playwright starts Electron
  // with --no-sandbox (as root it cannot start otherwise), so there the page-side checks stand alone.
  if (process.platform === 'win32' || process.platform === 'darwin') expect(main.sandboxed).toBe(true);
  if (process.platform === 'win32') expect(['untrusted', 'low']).toContain(main.integrityLevel);
  // The main world reaches no Node or Electron name; contextBridge (which works only with context
  // isolation on) put window.doctor there.
  expect(await appWindow.evaluate(nodeNamesInPage)).toEqual([]);
  expect(await appWindow.evaluate(doctorApiShape)).not.toBeNull();
});

test('the preload exposes window.doctor and nothing else', async ({ appWindow }) => {
  await expect(appWindow.locator('li[data-check-id]').first()).toBeVisible({ timeout: 120_000 });
  const added = await appWindow.evaluate(globalsBeyondBlankFrame);
  expect(added.filter((name) => !RENDERER_GLOBALS.test(name))).toEqual(['doctor']);
  expect(await appWindow.evaluate(doctorApiShape)).toEqual({
    keys: [...API_METHODS, 'onMenuCommand', 'onProgress'].sort(),
    frozen: true,
    functions: true,
  });
});

test('the Content-Security-Policy blocks an inline script', async ({ appWindow }) => {
  await expect(appWindow.getByRole('heading', { name: 'WHfB Doctor', level: 1 })).toBeVisible();
  expect(await appWindow.evaluate(tryInlineScript)).toEqual({ ran: false, violated: 'script-src-elem' });
});

test('navigation away from the app is refused', async ({ appWindow }) => {
  await expect(appWindow.getByRole('heading', { name: 'WHfB Doctor', level: 1 })).toBeVisible();
  for (const url of FOREIGN_URLS) {
    await appWindow.evaluate((target) => window.location.assign(target), url);
    // A refused navigation leaves no trace to wait for: give an allowed one the time to start.
    await appWindow.waitForTimeout(1_000);
    expect(appWindow.url(), `navigating to ${url}`).toBe(ENTRY_URL);
  }
  await expect(appWindow.getByRole('heading', { name: 'WHfB Doctor', level: 1 })).toBeVisible();
  expect(await appWindow.evaluate(doctorApiShape)).not.toBeNull();
});

test('new windows are refused', async ({ app, appWindow }) => {
  await expect(appWindow.getByRole('heading', { name: 'WHfB Doctor', level: 1 })).toBeVisible();
  for (const url of FOREIGN_URLS) {
    expect(await appWindow.evaluate((target) => window.open(target, '_blank') === null, url)).toBe(true);
  }
  // A link that asks for a new window goes the same way.
  await appWindow.evaluate((target) => {
    const link = document.createElement('a');
    link.href = target;
    link.target = '_blank';
    document.body.append(link);
    link.click();
    link.remove();
  }, FOREIGN_URL);
  await appWindow.waitForTimeout(1_000);
  expect(await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().length)).toBe(1);
  expect(app.windows()).toHaveLength(1);
  expect(appWindow.url()).toBe(ENTRY_URL);
});
