// Screenshots for people to look at (not compared automatically): light and dark, 1024×700.
// The first glance at 1024×700 and 1280×860 is pictured by first-glance.spec.ts.
import { expect, test } from '@playwright/test';
import { openScenario, row, rowToggle, SCREENSHOT_DIR } from './app-page';

for (const colorScheme of ['light', 'dark'] as const) {
  test.describe(`${colorScheme} screenshots`, () => {
    test.beforeEach(async ({ page }) => {
      await page.emulateMedia({ colorScheme, reducedMotion: 'reduce' });
    });

    test('healthy hybrid device', async ({ page }) => {
      await openScenario(page, 'healthy-hybrid');
      await page.screenshot({ path: `${SCREENSHOT_DIR}/healthy-hybrid-${colorScheme}.png` });
    });

    test('certificate trust enabled, detail open', async ({ page }) => {
      await openScenario(page, 'certificate-trust-enabled');
      await rowToggle(page, 'cert-trust-conflict').click();
      const panel = row(page, 'cert-trust-conflict').locator('[data-detail-for="cert-trust-conflict"]');
      await expect(panel).toBeVisible();
      await page.getByRole('button', { name: 'Show this step' }).click();
      await page.screenshot({ path: `${SCREENSHOT_DIR}/certificate-trust-detail-${colorScheme}.png` });
      // The whole panel in one picture: a window tall enough that the checklist box does not clip it.
      await page.setViewportSize({ width: 1024, height: 2400 });
      await page.getByRole('button', { name: 'Show this step' }).click();
      await page.screenshot({ path: `${SCREENSHOT_DIR}/certificate-trust-detail-full-${colorScheme}.png` });
    });

    test('JSON evidence as key/value lines, found text in the full output', async ({ page }) => {
      await openScenario(page, 'healthy-hybrid');
      await rowToggle(page, 'entra-kerberos-server').click();
      const evidence = row(page, 'entra-kerberos-server').locator('[data-probe-id="entra-kerberos-object"]');
      await evidence.getByRole('button', { name: 'Show full output' }).click();
      await evidence.getByRole('searchbox').fill('DC=');
      await evidence.getByRole('searchbox').press('Enter');
      await expect(evidence.getByTestId('find-count')).toContainText('2 of');
      await page.setViewportSize({ width: 1024, height: 1400 });
      await row(page, 'entra-kerberos-server').screenshot({
        path: `${SCREENSHOT_DIR}/evidence-json-find-${colorScheme}.png`,
      });
    });

    test('problems only, after the first fix', async ({ page }) => {
      await openScenario(page, 'certificate-trust-enabled');
      await page.getByRole('switch', { name: 'Problems only' }).check();
      await page.getByTestId('main-fix').getByRole('button').click();
      await page.getByRole('dialog').getByRole('button', { name: 'Run', exact: true }).click();
      await expect(page.getByTestId('fix-outcome').locator('[data-outcome]')).toBeFocused();
      await page.screenshot({ path: `${SCREENSHOT_DIR}/problems-only-after-fix-${colorScheme}.png` });
    });

    test('capture open error', async ({ page }) => {
      await openScenario(page, 'healthy-hybrid');
      await page.getByTestId('capture-file-input').setInputFiles({
        name: 'not-a-capture.json',
        mimeType: 'application/json',
        buffer: Buffer.from(JSON.stringify({ format: 'something-else', version: 3 })),
      });
      await expect(page.getByRole('alert')).toContainText('Could not open the capture file');
      await page.screenshot({ path: `${SCREENSHOT_DIR}/capture-error-${colorScheme}.png` });
    });
  });
}
