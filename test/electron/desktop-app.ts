// The desktop app under test: the Vite build (`npm run build`) started by the electron package's own
// binary, which has no fuses flipped. The packaged app turns --inspect off by fuse, and Playwright
// attaches through --inspect, so the fused build is checked apart (its fuses read back in CI).
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { test as base, type ElectronApplication, _electron as electron, type Page } from '@playwright/test';
import { findElectronBinary } from './electron-binary';

export { expect } from '@playwright/test';

export const ELECTRON = findElectronBinary();

// resolve() drops the trailing separator: on Windows "C:\repo\" would escape its closing quote.
const REPO_ROOT = resolve(fileURLToPath(new URL('../../', import.meta.url)));

/** What Electron starts from package.json's "main": the main bundle, its preload and the renderer. */
const BUILD_OUTPUTS = [
  '.vite/build/main.cjs',
  '.vite/build/preload.cjs',
  '.vite/renderer/main_window/index.html',
];

/** The URL the window loads: the app:// protocol, as in the packaged app. */
export const ENTRY_URL = 'app://main/index.html';

interface DesktopFixtures {
  /** The running app (its main process). One per test: the app holds a single-instance lock. */
  app: ElectronApplication;
  /** The app's main window. */
  appWindow: Page;
}

export const test = base.extend<DesktopFixtures>({
  // biome-ignore lint/correctness/noEmptyPattern: Playwright reads a fixture's dependencies from this pattern
  app: async ({}, use, testInfo) => {
    testInfo.skip(!ELECTRON.available, ELECTRON.available ? '' : ELECTRON.reason);
    const missing = BUILD_OUTPUTS.filter((file) => !existsSync(join(REPO_ROOT, file)));
    if (missing.length > 0) {
      throw new Error(`the app is not built (missing ${missing.join(', ')}): run npm run build first`);
    }
    // Without executablePath Playwright finds the same binary and preloads its loader, which holds
    // the app's "ready" until Playwright is attached, so the first window is never missed.
    const app = await electron.launch({ args: [REPO_ROOT], cwd: REPO_ROOT });
    try {
      await use(app);
    } finally {
      await app.close();
    }
  },
  appWindow: async ({ app }, use, testInfo) => {
    const page = await app.firstWindow();
    await page.waitForLoadState('domcontentloaded');
    await use(page);
    if (testInfo.status !== testInfo.expectedStatus && !page.isClosed()) {
      await testInfo.attach('window', { body: await page.screenshot(), contentType: 'image/png' });
    }
  },
});
