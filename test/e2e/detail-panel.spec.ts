// The detail panel: full output on demand, copy buttons, fixes (not runnable yet), links, re-run.
import { expect, test } from '@playwright/test';
import { openScenario, row, rowStatuses, rowToggle } from './app-page';
import { expectedScenarioReport, scenarioCaptureText } from './engine-expectations';
import { clipboardText } from './in-page';

test('full output shows the whole probe output with the deciding lines marked', async ({ page }) => {
  const report = expectedScenarioReport('certificate-trust-enabled');
  const check = report.checks.find((c) => c.id === 'cert-trust-conflict');
  const item = check?.evidence.find((e) => e.lines.length > 0);
  if (!check || !item) throw new Error('cert-trust-conflict has no evidence lines');
  const capture = JSON.parse(scenarioCaptureText('certificate-trust-enabled')) as {
    probes: Record<string, { stdout: string }>;
  };
  const stdout = capture.probes[item.probeId]?.stdout ?? '';
  const otherLine = stdout
    .split(/\r?\n/)
    .map((l) => l.trim())
    .find((l) => l.length > 8 && !item.lines.some((d) => d.trim() === l));
  if (!otherLine) throw new Error('no non-deciding line in the output');

  await openScenario(page, 'certificate-trust-enabled');
  await rowToggle(page, check.id).click();
  const evidence = row(page, check.id).locator(`[data-probe-id="${item.probeId}"]`).first();
  await evidence.getByRole('button', { name: 'Show full output' }).click();
  const full = evidence.getByLabel(/^Full output of/);
  await expect(full).toContainText(otherLine);
  await expect(full.locator('mark').first()).toBeVisible();
  await evidence.getByRole('button', { name: 'Hide full output' }).click();
  await expect(full).toBeHidden();
});

test('copy buttons copy the command and say "Copied"', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await openScenario(page, 'healthy-hybrid');
  await rowToggle(page, 'join-state').click();
  const copy = row(page, 'join-state').getByRole('button', {
    name: /^Copy the command dsregcmd\.exe \/status/,
  });
  await copy.click();
  await expect(row(page, 'join-state').getByRole('button', { name: 'Copied' })).toBeVisible();
  expect(await page.evaluate(clipboardText)).toBe('dsregcmd.exe /status');
});

test('fixes explain what they do, cost and need; device fixes offer "Run fix…"', async ({ page }) => {
  // The leftover certificate-trust container: the one state where deleting it is offered.
  await openScenario(page, 'cert-trust-policy-removed');
  const report = expectedScenarioReport('cert-trust-policy-removed');
  const failing = report.checks.find((c) => c.id === 'cert-trust-conflict');
  if (!failing) throw new Error('no cert-trust-conflict check');
  await rowToggle(page, failing.id).click();
  const panel = row(page, failing.id);
  for (const fixId of failing.fixes) {
    const card = panel.locator(`[data-fix-id="${fixId}"]`);
    await expect(card).toBeVisible();
    await expect(card).toContainText('What it does:');
    await expect(card).toContainText('What it costs:');
    await expect(card).toContainText('Where it runs:');
    await expect(card.getByRole('button', { name: 'Run fix…' })).toBeEnabled();
  }
  const userFix = panel.locator('[data-fix-id="delete-hello-container"]');
  await expect(userFix).toContainText('Deletes data');
  await expect(userFix).toContainText('passkeys');
  await expect(userFix).toContainText('certutil.exe -deletehellocontainer');
  await expect(userFix).not.toContainText('later version');
});

test('documentation links open outside the app', async ({ page }) => {
  await openScenario(page, 'healthy-hybrid');
  await rowToggle(page, 'os-build').click();
  const link = row(page, 'os-build').getByRole('link').first();
  await expect(link).toHaveAttribute('target', '_blank');
  await expect(link).toHaveAttribute('rel', 'noreferrer');
  await expect(link).toHaveAttribute('href', /^https:\/\//);
});

test('re-run all and re-run one check keep the result and announce it', async ({ page }) => {
  await openScenario(page, 'password-sign-in');
  const before = await rowStatuses(page);
  await page.getByRole('button', { name: 'Re-run all' }).click();
  await expect(page.getByTestId('announcer')).toContainText('Checks complete:');
  expect(await rowStatuses(page)).toEqual(before);

  await rowToggle(page, 'hello-signin').click();
  await row(page, 'hello-signin').getByRole('button', { name: 'Re-run this check' }).click();
  await expect(page.getByTestId('announcer')).toContainText('Check re-run: Signed in with Hello');
  expect(await rowStatuses(page)).toEqual(before);
});
