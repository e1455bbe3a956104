// The first glance at a laptop's size: without scrolling, the verdict, the chain picture, at least
// eight rows and the broken row itself are on screen, in light and dark. The verdict leads with
// the action: the next step in one sentence and the main fix, which opens the fix dialog.
import { expect, test } from '@playwright/test';
import { openScenario, row, SCREENSHOT_DIR } from './app-page';
import { expectedScenarioReport, SCENARIOS } from './engine-expectations';
import { pageAndWindowWidth, rowsInView } from './in-page';
import { expectScenarioScreen } from './screenshot-checks';

const SIZES = [
  { width: 1024, height: 700 },
  { width: 1280, height: 860 },
] as const;

// Looked at by people (not compared): a healthy device, a broken policy, a root cause far down
// the list, and a session the app cannot judge from.
const PICTURED = ['healthy-hybrid', 'certificate-trust-enabled', 'key-trust-fallback', 'rdp-session'];

for (const size of SIZES) {
  for (const colorScheme of ['light', 'dark'] as const) {
    test(`${size.width}×${size.height} ${colorScheme}: verdict, chain, eight rows and the broken row in view`, async ({
      page,
    }, testInfo) => {
      await page.setViewportSize(size);
      await page.emulateMedia({ colorScheme, reducedMotion: 'reduce' });
      for (const scenario of SCENARIOS) {
        const report = expectedScenarioReport(scenario.name);
        await openScenario(page, scenario.name);
        await expect(page.getByTestId('verdict')).toBeInViewport({ ratio: 1 });
        await expect(page.getByTestId('chain-picture')).toBeInViewport({ ratio: 1 });
        const seen = await page.evaluate(rowsInView);
        expect(seen.length, `${scenario.name}: rows in view (${seen.join(', ')})`).toBeGreaterThanOrEqual(8);
        if (report.headline.status === 'fail' && report.headline.checkId) {
          const broken = row(page, report.headline.checkId);
          await expect(broken).toHaveAttribute('data-headline', 'true');
          expect(seen, `${scenario.name}: the root cause row is in view`).toContain(report.headline.checkId);
        }
        // Nothing is wider than the window.
        const { page: pageWidth, view } = await page.evaluate(pageAndWindowWidth);
        expect(pageWidth).toBeLessThanOrEqual(view);

        if (PICTURED.includes(scenario.name)) {
          const path = `${SCREENSHOT_DIR}/first-glance-${scenario.name}-${size.width}x${size.height}-${colorScheme}.png`;
          await expectScenarioScreen(page, scenario.name, colorScheme);
          await page.screenshot({ path });
          await testInfo.attach(`${scenario.name} ${size.width}×${size.height} ${colorScheme}`, {
            path,
            contentType: 'image/png',
          });
        }
      }
    });
  }
}

test('the verdict says what to do next and its main fix opens the fix dialog', async ({ page }) => {
  const report = expectedScenarioReport('certificate-trust-enabled');
  const root = report.checks.find((c) => c.id === report.headline.checkId);
  if (!root?.remediation || !root.fixes[0]) throw new Error('the root cause has no remedy or fix');
  await openScenario(page, 'certificate-trust-enabled');

  // The remedy's first sentence, whole: it starts the remedy and ends a sentence.
  const next = page.getByTestId('next-action');
  await expect(next).toBeVisible();
  const said = ((await next.textContent()) ?? '').replace(/^What to do:\s*/, '');
  expect(said.length).toBeGreaterThan(20);
  expect(root.remediation.startsWith(said)).toBe(true);
  expect(said).toMatch(/[.!?]["”')]?$/);

  const mainFix = page.getByTestId('main-fix');
  await expect(mainFix).toHaveAttribute('data-fix-id', root.fixes[0]);
  const button = mainFix.getByRole('button');
  await button.click();
  const dialog = page.getByTestId('fix-dialog');
  await expect(dialog).toBeVisible();
  await expect(dialog).toHaveAttribute('data-fix-id', root.fixes[0]);
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  await expect(button).toBeFocused();
});

test('without a fix the app can run, the verdict offers only the step', async ({ page }) => {
  // The clock: the remedy is words for an administrator, nothing the app runs.
  const report = expectedScenarioReport('clock-skew');
  await openScenario(page, 'clock-skew');
  await expect(page.getByTestId('next-action')).toBeVisible();
  await expect(page.getByTestId('main-fix')).toHaveCount(0);
  await page.getByRole('button', { name: 'Show this step' }).click();
  await expect(row(page, report.headline.checkId as string).locator('[data-detail-for]')).toBeVisible();
});

test('a healthy device has no next action', async ({ page }) => {
  await openScenario(page, 'healthy-hybrid');
  await expect(page.getByTestId('verdict')).toHaveAttribute('data-verdict', 'pass');
  await expect(page.getByTestId('next-action')).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Show this step' })).toHaveCount(0);
});
