// Screenshots for people to look at (not compared automatically): light and dark, 1024×700.
// The first glance at 1024×700 and 1280×860 is pictured by first-glance.spec.ts.
import { expect, test } from '@playwright/test';
import { openScenario, row, rowToggle, SCREENSHOT_DIR } from './app-page';
import { expectedScenarioReport } from './engine-expectations';
import { expectColorScheme, expectRowBadges, expectScenarioScreen, expectVerdict } from './screenshot-checks';

for (const colorScheme of ['light', 'dark'] as const) {
  test.describe(`${colorScheme} screenshots`, () => {
    test.beforeEach(async ({ page }) => {
      await page.emulateMedia({ colorScheme, reducedMotion: 'reduce' });
    });

    test('healthy hybrid device', async ({ page }) => {
      await openScenario(page, 'healthy-hybrid');
      await expectScenarioScreen(page, 'healthy-hybrid', colorScheme);
      // Every node of the chain passes; none is ringed as the root cause.
      const nodes = page.getByTestId('chain-picture').locator('[data-chain-node]');
      await expect(nodes).toHaveCount(8);
      await expect(page.getByTestId('chain-picture').locator('[data-root]')).toHaveCount(0);
      await expect(page.getByTestId('trust-model')).toContainText('Cloud Kerberos trust');
      await page.screenshot({ path: `${SCREENSHOT_DIR}/healthy-hybrid-${colorScheme}.png` });
    });

    test('certificate trust enabled, detail open', async ({ page }) => {
      await openScenario(page, 'certificate-trust-enabled');
      await rowToggle(page, 'cert-trust-conflict').click();
      const panel = row(page, 'cert-trust-conflict').locator('[data-detail-for="cert-trust-conflict"]');
      await expect(panel).toBeVisible();
      await page.getByRole('button', { name: 'Show this step' }).click();
      await expectScenarioScreen(page, 'certificate-trust-enabled', colorScheme);
      const conflict = expectedScenarioReport('certificate-trust-enabled').checks.find(
        (c) => c.id === 'cert-trust-conflict',
      );
      await expect(rowToggle(page, 'cert-trust-conflict')).toHaveAttribute('aria-expanded', 'true');
      await expect(row(page, 'cert-trust-conflict')).toContainText(conflict?.summary ?? 'missing');
      await expect(panel).toBeInViewport();
      await expect(page.getByTestId('chain-picture').locator('[data-root="true"]')).toHaveCount(1);
      await page.screenshot({ path: `${SCREENSHOT_DIR}/certificate-trust-detail-${colorScheme}.png` });
      // The whole panel in one picture: a window tall enough that the checklist box does not clip it.
      await page.setViewportSize({ width: 1024, height: 2400 });
      await page.getByRole('button', { name: 'Show this step' }).click();
      await expect(panel).toBeInViewport({ ratio: 1 });
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
      await expectColorScheme(page, colorScheme);
      // The JSON reads as key: value lines, and each found text is boxed, one of them current.
      await expect(evidence.locator('pre').last()).toContainText(': ');
      await expect(evidence.locator('pre').last()).not.toContainText('{"');
      const found = evidence.locator('[data-find-match]');
      expect(await found.count()).toBeGreaterThanOrEqual(2);
      await expect(found.first()).toHaveText(/^DC=$/i);
      await expect(evidence.locator('[data-current-match]')).toHaveCount(1);
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
      await expectColorScheme(page, colorScheme);
      await expect(page.getByTestId('fix-outcome')).toContainText('Simulated:');
      await expect(page.getByRole('switch', { name: 'Problems only' })).toBeChecked();
      // Problems only: no passed row is listed, and each listed row shows its status in words.
      await expect(page.locator('li[data-check-id][data-status="pass"]')).toHaveCount(0);
      const scenario = await page.getByTestId('scenario-select').inputValue();
      await expectVerdict(page, scenario);
      await expectRowBadges(page, scenario);
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
      await expect(page.getByTestId('error-reason')).toContainText('not-a-capture.json');
      // The good report stays on screen under the error.
      await expectScenarioScreen(page, 'healthy-hybrid', colorScheme);
      await page.screenshot({ path: `${SCREENSHOT_DIR}/capture-error-${colorScheme}.png` });
    });
  });
}
