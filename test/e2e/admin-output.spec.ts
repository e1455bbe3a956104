// An administrator's Get-AzureADKerberosServer output pasted into the Entra Kerberos keys step:
// that step is decided from it, the other rows stay as they were, and failures say why.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect, type Page, test } from '@playwright/test';
import { openScenario, previousStatuses, row, rowStatuses, rowToggle } from './app-page';
import { expectedScenarioReport, expectedWithAdminOutput } from './engine-expectations';

// The real sample, moved to the practice device's domain: output for another domain says
// nothing about this user's keys (the step would be unknown).
const SAMPLE = readFileSync(
  fileURLToPath(new URL('../fixtures/samples/get-azureadkerberosserver-01.txt', import.meta.url)),
  'utf8',
)
  .replace(/corp\.ajf\.one/g, 'corp.contoso.com')
  .replace(/DC=corp,DC=ajf,DC=one/g, 'DC=corp,DC=contoso,DC=com');
const KEYS = 'entra-kerberos-keys';

async function paste(page: Page, text: string) {
  await rowToggle(page, KEYS).click();
  const panel = row(page, KEYS).getByTestId('admin-output');
  await panel
    .getByLabel('Paste the output of Get-AzureADKerberosServer (run by an administrator)')
    .fill(text);
  await panel.getByRole('button', { name: 'Check these keys' }).click();
  return panel;
}

test('pasted admin output decides the keys step; the other rows stay', async ({ page }) => {
  await openScenario(page, 'certificate-trust-enabled');
  const before = expectedScenarioReport('certificate-trust-enabled');
  const after = expectedWithAdminOutput('certificate-trust-enabled', SAMPLE);
  const keysBefore = before.checks.find((c) => c.id === KEYS);
  const keysAfter = after.checks.find((c) => c.id === KEYS);
  expect(keysBefore?.status).toBe('skip');
  expect(keysAfter?.status).not.toBe('skip');
  expect(keysAfter?.status).not.toBe('unknown');

  const panel = await paste(page, SAMPLE);
  await expect(row(page, KEYS)).toHaveAttribute('data-status', keysAfter?.status ?? '');
  await expect(row(page, KEYS)).toContainText(keysAfter?.summary ?? '');
  await expect(panel.getByTestId('admin-output-status')).toContainText('Checked: this step now says');
  expect(await rowStatuses(page)).toEqual(after.checks.map((c) => [c.id, c.status]));
  expect(await rowStatuses(page)).toEqual(
    before.checks.map((c) => [c.id, c.id === KEYS ? (keysAfter?.status ?? '') : c.status]),
  );
  expect(await previousStatuses(page)).toEqual({ [KEYS]: 'skip' });
  // The evidence now cites the pasted output.
  await expect(
    row(page, KEYS).locator('[data-probe-id="entra-kerberos-server-admin"]').first(),
  ).toBeVisible();
});

test('text that is not Get-AzureADKerberosServer output makes the step unknown, saying why', async ({
  page,
}) => {
  await openScenario(page, 'healthy-hybrid');
  const text = 'PS C:\\> whoami\ncontoso\\admin\n';
  const expected = expectedWithAdminOutput('healthy-hybrid', text).checks.find((c) => c.id === KEYS);
  await paste(page, text);
  await expect(row(page, KEYS)).toHaveAttribute('data-status', expected?.status ?? '');
  await expect(row(page, KEYS)).toContainText(expected?.summary ?? '');
});

test('when the pasted output cannot be sent, the panel says so and the checklist stays', async ({ page }) => {
  await openScenario(page, 'healthy-hybrid');
  const before = await rowStatuses(page);
  await page.route('**/api/attachAdminOutput', (route) =>
    route.fulfill({ status: 502, body: 'Bad gateway' }),
  );
  const panel = await paste(page, SAMPLE);
  await expect(panel.getByRole('alert')).toContainText('Could not check these keys');
  await expect(panel.getByTestId('admin-output-error')).toContainText('HTTP 502');
  expect(await rowStatuses(page)).toEqual(before);
  await expect(page.getByRole('button', { name: 'Re-run all' })).toBeEnabled();
});
