// Automated accessibility scan (axe) in light and dark: no serious or critical violations in the
// states people see most — a healthy device, a broken one with its detail open, an open error.
import AxeBuilder from '@axe-core/playwright';
import { expect, type Page, test } from '@playwright/test';
import { fixCard, fixOutcome, openScenario, row, rowToggle } from './app-page';
import { backgroundColor } from './in-page';

async function seriousViolations(page: Page) {
  // Colours are judged at rest: a hover or state transition caught halfway has a contrast of its own.
  await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running'));
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((n) => n.target.join(' ')),
    }));
}

for (const colorScheme of ['light', 'dark'] as const) {
  test.describe(`${colorScheme} theme`, () => {
    test.beforeEach(async ({ page }) => {
      await page.emulateMedia({ colorScheme });
    });

    test('healthy device', async ({ page }) => {
      await openScenario(page, 'healthy-hybrid');
      expect(await seriousViolations(page)).toEqual([]);
    });

    test('broken device with the detail panel and full output open', async ({ page }) => {
      await openScenario(page, 'certificate-trust-enabled');
      await rowToggle(page, 'cert-trust-conflict').click();
      await page.getByRole('button', { name: 'Show full output' }).first().click();
      await expect(page.getByRole('region', { name: /^Full output of/ }).first()).toBeVisible();
      expect(await seriousViolations(page)).toEqual([]);
    });

    test('the destructive fix dialog open, half confirmed', async ({ page }) => {
      await openScenario(page, 'cert-trust-policy-removed');
      await rowToggle(page, 'cert-trust-conflict').click();
      await fixCard(page, 'cert-trust-conflict', 'delete-hello-container')
        .getByRole('button', { name: 'Run fix…' })
        .click();
      const dialog = page.getByRole('dialog', { name: 'Delete the Hello container' });
      await expect(dialog).toBeVisible();
      await dialog.getByLabel(/^To confirm, type the user name/).fill('contoso');
      expect(await seriousViolations(page)).toEqual([]);
      await dialog.getByLabel(/^To confirm, type the user name/).fill('contoso\\alice');
      expect(await seriousViolations(page)).toEqual([]);
    });

    test('after fixes: outcome, was-badges, practice box and fix history', async ({ page }) => {
      await openScenario(page, 'cert-trust-policy-removed');
      await rowToggle(page, 'cert-trust-conflict').click();
      await fixCard(page, 'cert-trust-conflict', 'delete-hello-container')
        .getByRole('button', { name: 'Run fix…' })
        .click();
      const dialog = page.getByRole('dialog');
      await dialog.getByLabel(/^To confirm, type the user name/).fill('contoso\\alice');
      await dialog.getByRole('button', { name: 'Run', exact: true }).click();
      await expect(fixOutcome(page)).toBeFocused();
      await expect(page.getByTestId('practice-box')).toBeVisible();
      await expect(page.getByTestId('fix-history')).toBeVisible();
      expect(await seriousViolations(page)).toEqual([]);
    });

    test('the share test with a refused path, and the admin paste panel', async ({ page }) => {
      await openScenario(page, 'healthy-hybrid');
      await rowToggle(page, 'file-share').click();
      await row(page, 'file-share').getByLabel('Test a file share').fill('\\\\fs01\\share" & calc');
      await rowToggle(page, 'entra-kerberos-keys').click();
      await expect(row(page, 'entra-kerberos-keys').getByTestId('admin-output')).toBeVisible();
      expect(await seriousViolations(page)).toEqual([]);
    });

    test('the first glance opened up: scenario description, problems only, chain focus, find in output', async ({
      page,
    }) => {
      await openScenario(page, 'entra-kerberos-server-missing');
      await page.getByRole('button', { name: 'About this scenario' }).click();
      await expect(page.getByTestId('scenario-description')).toBeVisible();
      await page.getByRole('switch', { name: 'Problems only' }).check();
      await page.locator('[data-chain-node="cloud-tgt"]').focus();
      await page.getByRole('button', { name: 'Show this step' }).click();
      const root = page.locator('li[data-headline="true"]');
      await root.getByRole('button', { name: 'Show full output' }).first().click();
      await root.getByRole('searchbox').first().fill('corp');
      await expect(root.getByTestId('find-count').first()).toContainText('of');
      expect(await seriousViolations(page)).toEqual([]);
    });

    test('a session the app cannot judge from', async ({ page }) => {
      await openScenario(page, 'rdp-session');
      await expect(page.getByTestId('verdict')).toHaveAttribute('data-verdict', 'cannot-judge');
      expect(await seriousViolations(page)).toEqual([]);
    });

    test('blocked rows and an open error', async ({ page }) => {
      await openScenario(page, 'no-dc-line-of-sight');
      await page.getByTestId('capture-file-input').setInputFiles({
        name: 'broken.json',
        mimeType: 'application/json',
        buffer: Buffer.from('{ not json'),
      });
      await expect(page.getByRole('alert')).toContainText('Could not open the capture file');
      expect(await seriousViolations(page)).toEqual([]);
    });
  });
}

test('the theme follows the OS setting while the app is open', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'light' });
  await openScenario(page, 'healthy-hybrid');
  const background = () => page.locator('.fui-FluentProvider').first().evaluate(backgroundColor);
  const light = await background();
  await page.emulateMedia({ colorScheme: 'dark' });
  await expect.poll(background).not.toBe(light);
});
