// End-to-end tests of the desktop app itself (test/electron/): Playwright's _electron drives the real
// window, preload and main process. Where Electron's binary is absent they are skipped, saying why.
// `npm run test:electron` builds the app first.
import { defineConfig } from '@playwright/test';

export default defineConfig({
  testDir: 'test/electron',
  outputDir: 'test-results/electron/',
  globalSetup: './test/electron/global-setup.ts',
  // One app at a time: it takes a single-instance lock.
  workers: 1,
  fullyParallel: false,
  retries: 0,
  // On Windows the app checks the device live at start; a probe may take its whole timeout.
  timeout: 180_000,
  expect: { timeout: 15_000 },
  reporter: [['list']],
});
