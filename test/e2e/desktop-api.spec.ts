// The renderer with `window.doctor` present (as in the desktop app on Windows): it starts live,
// shows progress per probe and per row, and opens captures sent from the application menu.
import { expect, type Page, test } from '@playwright/test';
import { rowStatuses } from './app-page';
import { expectedReport, scenarioCaptureText } from './engine-expectations';
import { installFakeDesktopApi, pageAndWindowWidth, sendMenuCommand } from './in-page';

test.beforeEach(async ({ page }) => {
  await page.addInitScript(installFakeDesktopApi, { scenario: 'password-sign-in', stepMs: 40 });
});

// A live run takes a while by design (one pause per probe); on a busy machine, longer still.
const LIVE_RUN = { timeout: 20_000 };

function sourceFact(page: Page) {
  return page.getByTestId('report-header').locator('[data-fact="source"]');
}

test('on Windows the app checks this device at start, with progress, then shows the result', async ({
  page,
}) => {
  await page.goto('/');
  await expect(page.getByRole('region', { name: 'Collecting evidence' })).toBeVisible();
  await expect(page.locator('[data-progress="done"]').first()).toBeVisible();
  await expect(page.getByTestId('run-status')).toContainText('Checking…');

  const report = expectedReport('password-sign-in', { kind: 'live' });
  await expect(sourceFact(page)).toHaveText('This device (live)', LIVE_RUN);
  await expect(page.getByTestId('headline')).toHaveText(report.headline.text);
  expect(await rowStatuses(page)).toEqual(report.checks.map((c) => [c.id, c.status]));
  await expect(page.getByTestId('live-notice')).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Check this device' })).toBeEnabled();
});

test('re-running shows a spinner on the rows still waiting for evidence', async ({ page }) => {
  await page.goto('/');
  await expect(sourceFact(page)).toHaveText('This device (live)', LIVE_RUN);
  await page.getByRole('button', { name: 'Re-run all' }).click();
  await expect(page.locator('li[data-check-id][aria-busy="true"]').first()).toBeVisible();
  await expect(page.getByRole('button', { name: 'Re-run all' })).toBeDisabled();
  await expect(page.locator('li[data-check-id][aria-busy="true"]')).toHaveCount(0, LIVE_RUN);
  await expect(page.getByTestId('announcer')).toContainText('Checks complete:');
});

test('File ▸ Open capture… from the menu opens the capture', async ({ page }) => {
  await page.goto('/');
  await expect(sourceFact(page)).toHaveText('This device (live)', LIVE_RUN);
  await page.evaluate(sendMenuCommand, {
    command: 'open-capture',
    fileName: 'from-menu.json',
    text: scenarioCaptureText('os-too-old'),
  });
  await expect(sourceFact(page)).toHaveText('Capture file: from-menu.json');
  const report = expectedReport('os-too-old', { kind: 'capture', file: 'from-menu.json' });
  await expect(page.getByTestId('headline')).toHaveText(report.headline.text);
});

test('the window never scrolls sideways at 1024×700; the checklist box scrolls', async ({ page }) => {
  await page.goto('/');
  await expect(page.locator('li[data-check-id]').first()).toBeVisible(LIVE_RUN);
  await page.locator('li[data-check-id] button[aria-expanded]').first().click();
  const sizes = await page.evaluate(pageAndWindowWidth);
  expect(sizes.page).toBeLessThanOrEqual(sizes.view);
  const box = page.getByTestId('checklist-scroll');
  expect(await box.evaluate((el) => el.scrollHeight > el.clientHeight)).toBe(true);
});
