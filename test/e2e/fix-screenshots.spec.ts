// Screenshots of the fix flow for people to look at (not compared automatically): the destructive
// fix's dialog and the fix history after a whole repair, light and dark, at 1024×700.

import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect, type Page, test } from '@playwright/test';
import { fixCard, fixOutcome, openScenario, row, rowToggle, SCREENSHOT_DIR } from './app-page';

const ADMIN_SAMPLE = readFileSync(
  fileURLToPath(new URL('../fixtures/samples/get-azureadkerberosserver-01.txt', import.meta.url)),
  'utf8',
);

async function runFromRow(page: Page, checkId: string, fixId: string, userName?: string) {
  await fixCard(page, checkId, fixId).getByRole('button', { name: 'Run fix…' }).click();
  const dialog = page.getByRole('dialog');
  if (userName) await dialog.getByLabel(/^To confirm, type the user name/).fill(userName);
  await dialog.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(page.getByRole('dialog')).toHaveCount(0);
}

for (const colorScheme of ['light', 'dark'] as const) {
  test.describe(`${colorScheme} fix screenshots`, () => {
    test.beforeEach(async ({ page }) => {
      await page.emulateMedia({ colorScheme, reducedMotion: 'reduce' });
    });

    test('the delete-hello-container dialog', async ({ page }) => {
      await openScenario(page, 'cert-trust-policy-removed');
      await rowToggle(page, 'cert-trust-conflict').click();
      await fixCard(page, 'cert-trust-conflict', 'delete-hello-container')
        .getByRole('button', { name: 'Run fix…' })
        .click();
      const dialog = page.getByRole('dialog', { name: 'Delete the Hello container' });
      await expect(dialog).toBeVisible();
      await page.screenshot({
        path: `${SCREENSHOT_DIR}/fix-dialog-delete-hello-container-${colorScheme}.png`,
      });
      await dialog.getByLabel(/^To confirm, type the user name/).fill('contoso\\alice');
      await expect(dialog.getByRole('button', { name: 'Run', exact: true })).toBeEnabled();
      await page.screenshot({
        path: `${SCREENSHOT_DIR}/fix-dialog-delete-hello-container-confirmed-${colorScheme}.png`,
      });
    });

    test('the fix history after the repair', async ({ page }) => {
      await openScenario(page, 'certificate-trust-enabled');
      await rowToggle(page, 'cert-trust-conflict').click();
      await runFromRow(page, 'cert-trust-conflict', 'sync-device-policy');
      await page.screenshot({ path: `${SCREENSHOT_DIR}/fix-outcome-after-sync-${colorScheme}.png` });
      await runFromRow(page, 'cert-trust-conflict', 'delete-hello-container', 'contoso\\alice');
      await page.screenshot({ path: `${SCREENSHOT_DIR}/fix-outcome-after-delete-${colorScheme}.png` });
      await page
        .getByTestId('practice-box')
        .getByRole('button', { name: 'Simulate: user signs out, signs in and sets up the PIN' })
        .click();
      await expect(page.getByTestId('scenario-select')).toHaveValue('healthy-hybrid');
      await fixOutcome(page).getByRole('button', { name: 'Show fix history' }).click();
      await expect(page.getByTestId('fix-history')).toBeInViewport();
      await page.screenshot({ path: `${SCREENSHOT_DIR}/fix-history-${colorScheme}.png` });
    });

    test('fix cards, the share test and the admin paste in their rows', async ({ page }) => {
      await openScenario(page, 'cert-trust-policy-removed');
      await rowToggle(page, 'cert-trust-conflict').click();
      await fixCard(page, 'cert-trust-conflict', 'delete-hello-container').scrollIntoViewIfNeeded();
      await page.screenshot({ path: `${SCREENSHOT_DIR}/fix-cards-${colorScheme}.png` });

      await rowToggle(page, 'cert-trust-conflict').click();
      await rowToggle(page, 'file-share').click();
      await row(page, 'file-share').getByLabel('Test a file share').fill('\\\\fs01\\share" & calc');
      await rowToggle(page, 'entra-kerberos-keys').click();
      const admin = row(page, 'entra-kerberos-keys').getByTestId('admin-output');
      await admin.getByRole('textbox').fill(ADMIN_SAMPLE);
      await admin.getByRole('button', { name: 'Check these keys' }).click();
      await expect(admin.getByTestId('admin-output-status')).toContainText('Checked');
      await page.setViewportSize({ width: 1024, height: 2400 });
      await admin.screenshot({ path: `${SCREENSHOT_DIR}/admin-paste-${colorScheme}.png` });
      await row(page, 'file-share').screenshot({ path: `${SCREENSHOT_DIR}/share-test-${colorScheme}.png` });
    });
  });
}
