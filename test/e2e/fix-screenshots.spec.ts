// Screenshots of the fix flow for people to look at (not compared automatically): the destructive
// fix's dialog and the fix history after a whole repair, light and dark, at 1024×700.

import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect, type Page, test } from '@playwright/test';
import {
  fixCard,
  fixOutcome,
  openScenario,
  previousStatuses,
  row,
  rowToggle,
  SCREENSHOT_DIR,
} from './app-page';
import { expectColorScheme, expectVerdict } from './screenshot-checks';

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
      await expectColorScheme(page, colorScheme);
      // Before the name is typed the dialog mentions a PIN reset first and will not run.
      await expect(dialog).toContainText('PIN');
      await expect(dialog.getByLabel(/^To confirm, type the user name/)).toHaveValue('');
      await expect(dialog.getByRole('button', { name: 'Run', exact: true })).toBeDisabled();
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
      await expectColorScheme(page, colorScheme);
      await expect(fixOutcome(page)).toHaveAttribute('data-outcome', 'simulated');
      await expect(fixOutcome(page)).toContainText('Simulated:');
      await expect(fixOutcome(page)).toContainText('Sync device policy');
      // The practice scenario moved on: the policy was removed, the old container is still there.
      await expect(page.getByTestId('scenario-select')).toHaveValue('cert-trust-policy-removed');
      await expectVerdict(page, 'cert-trust-policy-removed');
      await page.screenshot({ path: `${SCREENSHOT_DIR}/fix-outcome-after-sync-${colorScheme}.png` });
      await runFromRow(page, 'cert-trust-conflict', 'delete-hello-container', 'contoso\\alice');
      await expect(fixOutcome(page)).toHaveAttribute('data-outcome', 'simulated');
      await expect(fixOutcome(page)).toContainText('Delete the Hello container');
      await expect(page.getByTestId('scenario-select')).toHaveValue('hello-container-deleted');
      await expectVerdict(page, 'hello-container-deleted');
      expect(Object.keys(await previousStatuses(page)).length).toBeGreaterThan(0);
      await page.screenshot({ path: `${SCREENSHOT_DIR}/fix-outcome-after-delete-${colorScheme}.png` });
      await page
        .getByTestId('practice-box')
        .getByRole('button', { name: 'Simulate: user signs out, signs in and sets up the PIN' })
        .click();
      await expect(page.getByTestId('scenario-select')).toHaveValue('healthy-hybrid');
      await fixOutcome(page).getByRole('button', { name: 'Show fix history' }).click();
      await expect(page.getByTestId('fix-history')).toBeInViewport();
      await expectColorScheme(page, colorScheme);
      await expectVerdict(page, 'healthy-hybrid');
      // Three simulated attempts, in the order they were made.
      const attempts = page.getByTestId('fix-history').locator('[data-fix-attempt]');
      await expect(attempts).toHaveCount(3);
      expect(await attempts.evaluateAll((items) => items.map((i) => i.getAttribute('data-outcome')))).toEqual(
        ['simulated', 'simulated', 'simulated'],
      );
      await page.screenshot({ path: `${SCREENSHOT_DIR}/fix-history-${colorScheme}.png` });
    });

    test('fix cards, the share test and the admin paste in their rows', async ({ page }) => {
      await openScenario(page, 'cert-trust-policy-removed');
      await rowToggle(page, 'cert-trust-conflict').click();
      await fixCard(page, 'cert-trust-conflict', 'delete-hello-container').scrollIntoViewIfNeeded();
      await expectColorScheme(page, colorScheme);
      await expect(fixCard(page, 'cert-trust-conflict', 'delete-hello-container')).toBeInViewport();
      await expect(fixCard(page, 'cert-trust-conflict', 'delete-hello-container')).toContainText(
        'Delete the Hello container',
      );
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
      await expectColorScheme(page, colorScheme);
      // The keys step now has a verdict of its own, shown with its badge.
      await expect(row(page, 'entra-kerberos-keys')).not.toHaveAttribute('data-status', 'skip');
      await admin.screenshot({ path: `${SCREENSHOT_DIR}/admin-paste-${colorScheme}.png` });
      // A path with a quote and an ampersand is refused before anything runs, with the reason shown.
      const share = row(page, 'file-share').getByTestId('share-test');
      await expect(share.getByRole('textbox')).toHaveValue('\\\\fs01\\share" & calc');
      await expect(share.getByRole('textbox')).toHaveAttribute('aria-invalid', 'true');
      await expect(share.getByRole('button', { name: 'Test share' })).toBeDisabled();
      await row(page, 'file-share').screenshot({ path: `${SCREENSHOT_DIR}/share-test-${colorScheme}.png` });
    });
  });
}
