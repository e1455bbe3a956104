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

  const title = expectedScenarioReport('password-sign-in').checks.find((c) => c.id === 'hello-signin')?.title;
  await rowToggle(page, 'hello-signin').click();
  await row(page, 'hello-signin').getByRole('button', { name: 'Re-run this check' }).click();
  await expect(page.getByTestId('announcer')).toContainText(`Check re-run: ${title}`);
  expect(await rowStatuses(page)).toEqual(before);
});

test('a step reads action first: what it means, what to do, fixes, then the evidence', async ({ page }) => {
  await openScenario(page, 'certificate-trust-enabled');
  await page.getByRole('button', { name: 'Show this step' }).click();
  const panel = row(page, 'cert-trust-conflict').locator('[data-detail-for="cert-trust-conflict"]');
  await expect(panel.getByRole('heading', { level: 4 })).toHaveText([
    'What it means',
    'What to do',
    'Fixes',
    'Evidence',
    'Learn more',
  ]);
});

test('a blocked step says which step to fix first and where it is', async ({ page }) => {
  const report = expectedScenarioReport('entra-kerberos-server-missing');
  const blocked = report.checks.find((c) => c.id === 'cloud-tgt');
  const blocker = report.checks.find((c) => c.id === blocked?.blockedBy);
  if (blocked?.status !== 'blocked' || !blocker) throw new Error('cloud-tgt is not blocked here');
  await openScenario(page, 'entra-kerberos-server-missing');
  // The Kerberos server object comes after the partial TGT in the list, though the protocol needs it first.
  await expect(row(page, 'cloud-tgt')).toContainText(`Blocked by ${blocker.title}, below`);
  await rowToggle(page, 'cloud-tgt').click();
  await expect(row(page, 'cloud-tgt').locator('[data-detail-section="to-do"]')).toContainText(
    `Fix “${blocker.title}” (below) first`,
  );
});

test('JSON output reads as key/value lines, with copy buttons and find in the full output', async ({
  page,
  context,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const capture = JSON.parse(scenarioCaptureText('healthy-hybrid')) as {
    probes: Record<string, { stdout: string }>;
  };
  const stdout = capture.probes['entra-kerberos-object']?.stdout ?? '{}';
  const object = JSON.parse(stdout) as {
    domain: string;
    krbtgt: { keyVersion: number; distinguishedName: string };
  };
  await openScenario(page, 'healthy-hybrid');
  await rowToggle(page, 'entra-kerberos-server').click();
  const evidence = row(page, 'entra-kerberos-server').locator('[data-probe-id="entra-kerberos-object"]');

  // No braces: one readable line per value, nested values indented under their key.
  const lines = evidence.locator('pre').first();
  await expect(lines).toContainText(`domain: ${object.domain}`);
  await expect(lines).toContainText(`keyVersion: ${object.krbtgt.keyVersion}`);
  await expect(lines).not.toContainText('{"');

  await evidence.getByRole('button', { name: /^Copy the deciding lines of powershell\.exe/ }).click();
  expect(await page.evaluate(clipboardText)).toContain(`domain: ${object.domain}`);

  await evidence.getByRole('button', { name: 'Show full output' }).click();
  const full = evidence.getByRole('region', { name: /^Full output of/ });
  await expect(full).toContainText(`distinguishedName: ${object.krbtgt.distinguishedName}`);

  // Find: every match boxed and counted, Enter moves to the next, Shift+Enter back.
  const find = evidence.getByRole('searchbox', { name: /^Find in the full output of/ });
  const count = evidence.getByTestId('find-count');
  await find.fill('dc=');
  const expected = (stdout.match(/dc=/gi) ?? []).length;
  await expect(count).toHaveText(`1 of ${expected} matches`);
  await expect(full.locator('mark[data-find-match]')).toHaveCount(expected);
  await expect(full.locator('mark[data-current-match]')).toHaveAttribute('data-find-match', '0');
  await find.press('Enter');
  await expect(count).toHaveText(`2 of ${expected} matches`);
  await expect(full.locator('mark[data-current-match]')).toHaveAttribute('data-find-match', '1');
  await find.press('Shift+Enter');
  await find.press('Shift+Enter');
  await expect(count).toHaveText(`${expected} of ${expected} matches`);
  await find.fill('no such text');
  await expect(count).toHaveText('No matches');

  await evidence.getByRole('button', { name: /^Copy the full output of/ }).click();
  expect(await page.evaluate(clipboardText)).toContain(`keyVersion: ${object.krbtgt.keyVersion}`);
});
