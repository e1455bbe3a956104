// End-to-end tests: the renderer in Debian's Chromium against the browser preview (replay only).
// `npm run test:e2e` builds the renderer first; the preview serves that build on a fixed port.
import { defineConfig } from '@playwright/test';

export const E2E_PORT = 5199;

export default defineConfig({
  testDir: 'test/e2e',
  outputDir: 'test-results/',
  fullyParallel: false,
  workers: 2,
  retries: 0,
  // Generous: the machines this runs on have two cores and other work going on.
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${E2E_PORT}/`,
    viewport: { width: 1024, height: 700 },
    // Playwright cannot download its browsers here: use the system Chromium.
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--disable-quic',
      ],
    },
    trace: 'off',
    screenshot: 'only-on-failure',
  },
  webServer: {
    command: `npx tsx electron/preview/preview-server.ts --port ${E2E_PORT}`,
    url: `http://127.0.0.1:${E2E_PORT}/`,
    reuseExistingServer: false,
    timeout: 30_000,
    stdout: 'pipe',
  },
});
