// Fix buttons and their dialog: modal and labelled, Escape closes, nothing runs without "Run";
// admin commands are shown with the domain filled in; practice can simulate what others do.
import { expect, test } from '@playwright/test';
import {
  fixCard,
  fixDialog,
  fixOutcome,
  openScenario,
  previousStatuses,
  row,
  rowStatuses,
  rowToggle,
} from './app-page';
import { expectedReport, expectedScenarioReport, scenarioCaptureText } from './engine-expectations';
import { clipboardText } from './in-page';

test('the dialog is modal and labelled; Escape and Cancel close it without running anything', async ({
  page,
}) => {
  await openScenario(page, 'cert-trust-policy-removed');
  const before = await rowStatuses(page);
  await rowToggle(page, 'cert-trust-conflict').click();
  const open = fixCard(page, 'cert-trust-conflict', 'delete-hello-container').getByRole('button', {
    name: 'Run fix…',
  });
  await open.click();
  const dialog = page.getByRole('dialog', { name: 'Delete the Hello container' });
  await expect(dialog).toBeVisible();
  await expect(dialog).toHaveAttribute('aria-modal', 'true');
  await dialog.getByLabel(/^To confirm, type the user name/).fill('contoso');
  // Focus is inside the dialog and stays there (Tab wraps around within it).
  for (let press = 0; press < 8; press += 1) {
    await page.keyboard.press('Tab');
    expect(await dialog.evaluate((el) => el.contains(document.activeElement))).toBe(true);
  }
  await page.keyboard.press('Escape');
  await expect(fixDialog(page)).toHaveCount(0);
  await expect(open).toBeFocused();

  // Opened again, the confirmation starts empty.
  await open.click();
  await expect(page.getByRole('dialog').getByLabel(/^To confirm, type the user name/)).toHaveValue('');
  await page.getByRole('dialog').getByRole('button', { name: 'Cancel' }).click();
  await expect(fixDialog(page)).toHaveCount(0);
  expect(await rowStatuses(page)).toEqual(before);
  await expect(page.getByTestId('fix-history')).toHaveCount(0);
});

test('a fix that deletes nothing needs no typed name, but still says what it costs', async ({ page }) => {
  await openScenario(page, 'password-sign-in');
  const report = expectedScenarioReport('password-sign-in');
  const check = report.checks.find(
    (c) => c.fixes.includes('lock-and-sign-in-with-pin') && c.status === 'fail',
  );
  if (!check) throw new Error('password-sign-in has no failing check offering lock-and-sign-in-with-pin');
  await rowToggle(page, check.id).click();
  await fixCard(page, check.id, 'lock-and-sign-in-with-pin')
    .getByRole('button', { name: 'Run fix…' })
    .click();
  const dialog = page.getByRole('dialog', { name: 'Lock and sign in with the PIN' });
  await expect(dialog).toContainText('What it costs you');
  await expect(dialog).toContainText('rundll32.exe user32.dll,LockWorkStation');
  await expect(dialog).toContainText('not elevated');
  await expect(dialog.getByRole('textbox')).toHaveCount(0);
  await dialog.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(fixOutcome(page)).toContainText('Simulated: Lock and sign in with the PIN');
  await expect(fixOutcome(page)).toBeFocused();
  const healthy = expectedScenarioReport('healthy-hybrid');
  expect(await rowStatuses(page)).toEqual(healthy.checks.map((c) => [c.id, c.status]));
  await expect(row(page, check.id).getByTestId('previous-status')).toHaveText('was: Fail');
});

test('admin commands show the domain, where to run them, a copy button, and can be simulated', async ({
  page,
  context,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await openScenario(page, 'entra-kerberos-server-missing');
  const report = expectedScenarioReport('entra-kerberos-server-missing');
  const check = report.checks.find((c) => c.fixes.includes('create-entra-kerberos-server'));
  if (!check) throw new Error('no check offers create-entra-kerberos-server');
  await rowToggle(page, check.id).click();
  const card = fixCard(page, check.id, 'create-entra-kerberos-server');
  const command = `Set-AzureADKerberosServer -Domain ${report.device.domain} -UserPrincipalName <admin UPN>`;
  await expect(card.getByTestId('fix-command')).toHaveText(command);
  await expect(card).toContainText('Where to run it:');
  await expect(card).toContainText('AzureADHybridAuthenticationManagement');
  await expect(card.getByRole('button', { name: 'Run fix…' })).toHaveCount(0);
  await card.getByRole('button', { name: /^Copy the command/ }).click();
  expect(await page.evaluate(clipboardText)).toBe(command);

  await card.getByRole('button', { name: 'Simulate: the admin ran it' }).click();
  await expect(fixOutcome(page)).toContainText(
    'Simulated: Create the Microsoft Entra Kerberos server object',
  );
  const healthy = expectedScenarioReport('healthy-hybrid');
  expect(await rowStatuses(page)).toEqual(healthy.checks.map((c) => [c.id, c.status]));
});

test('guidance is words only, with a simulate button where the practice scenario responds', async ({
  page,
}) => {
  await openScenario(page, 'no-dc-line-of-sight');
  const report = expectedScenarioReport('no-dc-line-of-sight');
  const check = report.checks.find((c) => c.fixes.includes('connect-vpn'));
  if (!check) throw new Error('no check offers connect-vpn');
  await rowToggle(page, check.id).click();
  const card = fixCard(page, check.id, 'connect-vpn');
  await expect(card).toContainText('What to do:');
  await expect(card.getByRole('button', { name: 'Run fix…' })).toHaveCount(0);
  await card.getByRole('button', { name: 'Simulate: the user did it' }).click();
  await expect(fixOutcome(page)).toContainText('Simulated: Connect to the corporate network');
  expect(await previousStatuses(page)).not.toEqual({});
});

test('in a capture nothing changes: the dialog and the outcome say so', async ({ page }) => {
  await openScenario(page, 'healthy-hybrid');
  await page.getByTestId('capture-file-input').setInputFiles({
    name: 'pc-0142.json',
    mimeType: 'application/json',
    buffer: Buffer.from(scenarioCaptureText('password-sign-in')),
  });
  const report = expectedReport('password-sign-in', { kind: 'capture', file: 'pc-0142.json' });
  await expect(page.getByTestId('headline')).toHaveText(report.headline.text);
  const check = report.checks.find(
    (c) => c.fixes.includes('lock-and-sign-in-with-pin') && c.status === 'fail',
  );
  if (!check) throw new Error('no failing check offers lock-and-sign-in-with-pin');
  await rowToggle(page, check.id).click();
  await fixCard(page, check.id, 'lock-and-sign-in-with-pin')
    .getByRole('button', { name: 'Run fix…' })
    .click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toContainText('nothing runs on any device');
  await expect(dialog).toContainText('A capture is a recording');
  await dialog.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(fixOutcome(page)).toContainText('nothing on any device changes');
  expect(await rowStatuses(page)).toEqual(report.checks.map((c) => [c.id, c.status]));
  await expect(row(page, check.id).getByTestId('row-fix-outcome')).toContainText('Simulated');
  await expect(page.getByTestId('fix-history').locator('li[data-fix-attempt]')).toHaveCount(1);
});

test('when the API refuses, the outcome says why and the checklist stays', async ({ page }) => {
  await openScenario(page, 'certificate-trust-enabled');
  const before = await rowStatuses(page);
  await page.route('**/api/runFix', (route) =>
    route.fulfill({
      status: 200,
      contentType: 'application/json',
      body: JSON.stringify({
        ok: true,
        value: { ok: false, reason: 'open a device, scenario or capture first' },
      }),
    }),
  );
  await rowToggle(page, 'cert-trust-conflict').click();
  await fixCard(page, 'cert-trust-conflict', 'sync-device-policy')
    .getByRole('button', { name: 'Run fix…' })
    .click();
  await page.getByRole('dialog').getByRole('button', { name: 'Run', exact: true }).click();
  await expect(fixOutcome(page)).toHaveAttribute('data-outcome', 'not-run');
  await expect(fixOutcome(page)).toContainText('Not run: Sync device policy');
  await expect(fixOutcome(page)).toContainText('open a device, scenario or capture first');
  expect(await rowStatuses(page)).toEqual(before);
  await expect(page.getByRole('button', { name: 'Re-run all' })).toBeEnabled();
});

test('when the call itself fails, the outcome shows the app’s own words', async ({ page }) => {
  await openScenario(page, 'certificate-trust-enabled');
  await page.route('**/api/runFix', (route) =>
    route.fulfill({
      status: 500,
      contentType: 'application/json',
      body: JSON.stringify({ ok: false, error: { code: 'internal', message: 'runFix: the disk is full' } }),
    }),
  );
  await rowToggle(page, 'cert-trust-conflict').click();
  await fixCard(page, 'cert-trust-conflict', 'sync-device-policy')
    .getByRole('button', { name: 'Run fix…' })
    .click();
  await page.getByRole('dialog').getByRole('button', { name: 'Run', exact: true }).click();
  await expect(fixOutcome(page)).toHaveAttribute('data-outcome', 'not-run');
  await expect(fixOutcome(page)).toContainText('runFix: the disk is full');
  await expect(fixOutcome(page)).not.toContainText('Error invoking remote method');
});

test('a failed attempt shows as failed, and its output can be opened and copied from the history', async ({
  page,
  context,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const output =
    'C:\\Windows\\System32\\dsregcmd.exe /refreshprt\nexit code 1\nThe operation failed: 0x80070005';
  // The preview only simulates; make the answer look like a real device's failed run.
  await page.route('**/api/runFix', async (route) => {
    const response = await route.fetch();
    const envelope = (await response.json()) as {
      value: {
        attempt: Record<string, unknown>;
        after: { report: { fixAttempts: Record<string, unknown>[] } };
      };
    };
    const failed = { outcome: 'failed', message: 'dsregcmd /refreshprt ended with exit code 1.', output };
    Object.assign(envelope.value.attempt, failed);
    const trail = envelope.value.after.report.fixAttempts;
    Object.assign(trail[trail.length - 1] ?? {}, failed);
    await route.fulfill({ response, json: envelope });
  });
  await openScenario(page, 'expired-prt');
  await rowToggle(page, 'prt').click();
  await fixCard(page, 'prt', 'refresh-prt').getByRole('button', { name: 'Run fix…' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Run', exact: true }).click();
  await expect(fixOutcome(page)).toHaveAttribute('data-outcome', 'failed');
  await expect(fixOutcome(page)).toContainText('Failed: Refresh the Primary Refresh Token');
  await expect(fixOutcome(page)).toContainText('exit code 1');

  const entry = page.getByTestId('fix-history').locator('li[data-fix-attempt]').first();
  await expect(entry).toHaveAttribute('data-outcome', 'failed');
  await expect(entry.getByTestId('outcome-badge')).toHaveText('Failed');
  await entry.getByRole('button', { name: 'Show output' }).click();
  await expect(entry.getByRole('region', { name: /^Output of/ })).toContainText('0x80070005');
  await entry.getByRole('button', { name: /^Copy the output/ }).click();
  expect(await page.evaluate(clipboardText)).toBe(output);
});
