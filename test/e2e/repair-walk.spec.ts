// The whole repair of `certificate-trust-enabled` in the browser preview, the way a technician
// practises it: policy first, then the Hello container, then the user's sign-out; every step is
// simulated, every row ends as the healthy device's, and the fix history keeps each step.
import { expect, type Page, test } from '@playwright/test';
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
import { changedStatuses, expectedScenarioReport, SCENARIOS } from './engine-expectations';

/** What the scenario says happens after the action, without the "Simulated:" the outcome shows as its label. */
function note(scenario: string, action: string): RegExp {
  const transition = SCENARIOS.find((s) => s.name === scenario)?.transitions?.find(
    (t) => t.action === action,
  );
  if (!transition) throw new Error(`${scenario} has no transition for ${action}`);
  const text = transition.note.replace(/^Simulated:\s*/, '');
  return new RegExp(text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'i');
}

async function expectRowsOf(page: Page, scenario: string): Promise<void> {
  const report = expectedScenarioReport(scenario);
  await expect(page.getByTestId('scenario-select')).toHaveValue(scenario);
  await expect(page.getByTestId('headline')).toHaveText(report.headline.text);
  expect(await rowStatuses(page)).toEqual(report.checks.map((c) => [c.id, c.status]));
}

test('certificate-trust-enabled is repaired step by step to healthy', async ({ page }) => {
  await openScenario(page, 'certificate-trust-enabled');
  await rowToggle(page, 'cert-trust-conflict').click();

  // 1. The policy: "Use certificate for on-premises authentication" off, device synced (simulated).
  await fixCard(page, 'cert-trust-conflict', 'sync-device-policy')
    .getByRole('button', { name: 'Run fix…' })
    .click();
  const syncDialog = page.getByRole('dialog', { name: 'Sync device policy' });
  await expect(syncDialog).toBeVisible();
  await expect(syncDialog).toContainText(
    'Practice: nothing runs on any device; the scenario changes as if it had.',
  );
  await expect(syncDialog).toContainText('What it costs you');
  await syncDialog.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(fixDialog(page)).toHaveCount(0);
  await expect(fixOutcome(page)).toContainText('Simulated: Sync device policy');
  await expect(fixOutcome(page)).toContainText(note('certificate-trust-enabled', 'sync-device-policy'));
  await expect(fixOutcome(page)).toBeFocused();
  await expectRowsOf(page, 'cert-trust-policy-removed');
  await expect(page.getByTestId('report-header').locator('[data-fact="source"]')).toHaveText(
    'Practice scenario: Certificate trust policy removed, old container left',
  );
  expect(await previousStatuses(page)).toEqual(
    changedStatuses(
      expectedScenarioReport('certificate-trust-enabled'),
      expectedScenarioReport('cert-trust-policy-removed'),
    ),
  );
  // The row it was started from says what came of it.
  await expect(row(page, 'cert-trust-conflict').getByTestId('row-fix-outcome')).toContainText('Simulated');

  // 2. The old container: destructive, so the dialog wants the user's name typed first.
  await fixCard(page, 'cert-trust-conflict', 'delete-hello-container')
    .getByRole('button', { name: 'Run fix…' })
    .click();
  const deleteDialog = page.getByRole('dialog', { name: 'Delete the Hello container' });
  await expect(deleteDialog).toContainText('contoso\\alice');
  await expect(deleteDialog).toContainText('passkeys');
  const runDelete = deleteDialog.getByRole('button', { name: 'Run', exact: true });
  const typedName = deleteDialog.getByLabel(/^To confirm, type the user name/);
  await expect(runDelete).toBeDisabled();
  await typedName.fill('contoso\\alic');
  await expect(runDelete).toBeDisabled();
  await typedName.fill('alice');
  await expect(runDelete).toBeDisabled();
  await typedName.fill('contoso\\alice');
  await expect(runDelete).toBeEnabled();
  await runDelete.click();
  await expect(fixDialog(page)).toHaveCount(0);
  await expect(fixOutcome(page)).toContainText('Simulated: Delete the Hello container');
  await expect(fixOutcome(page)).toBeFocused();
  await expectRowsOf(page, 'hello-container-deleted');
  await expect(row(page, 'hello-provisioned')).toHaveAttribute('data-status', 'fail');
  const afterDelete = changedStatuses(
    expectedScenarioReport('cert-trust-policy-removed'),
    expectedScenarioReport('hello-container-deleted'),
  );
  expect(Object.keys(afterDelete).length).toBeGreaterThan(0);
  expect(await previousStatuses(page)).toEqual(afterDelete);
  // Before → after is visible, not only an attribute.
  await expect(row(page, 'cert-trust-conflict').getByTestId('previous-status')).toHaveText('was: Fail');

  // 3. The user's part: sign out, sign in, new PIN (the practice box near the verdict).
  const practice = page.getByTestId('practice-box');
  await expect(practice).toContainText(note('hello-container-deleted', 'sign-out-and-in'));
  await practice
    .getByRole('button', { name: 'Simulate: user signs out, signs in and sets up the PIN' })
    .click();
  await expect(fixOutcome(page)).toContainText(note('hello-container-deleted', 'sign-out-and-in'));
  await expectRowsOf(page, 'healthy-hybrid');
  await expect(practice).toHaveCount(0);
  expect(await previousStatuses(page)).toEqual(
    changedStatuses(
      expectedScenarioReport('hello-container-deleted'),
      expectedScenarioReport('healthy-hybrid'),
    ),
  );

  // The audit trail: every step, newest first, each simulated.
  const history = page.getByTestId('fix-history');
  await expect(history.getByRole('button', { name: /^Fix history \(3\)/ })).toHaveAttribute(
    'aria-expanded',
    'true',
  );
  const entries = history.locator('li[data-fix-attempt]');
  await expect(entries).toHaveCount(3);
  expect(
    await entries.evaluateAll((items) =>
      items.map((i) => [i.getAttribute('data-fix-id'), i.getAttribute('data-outcome')]),
    ),
  ).toEqual([
    ['sign-out-and-in', 'simulated'],
    ['delete-hello-container', 'simulated'],
    ['sync-device-policy', 'simulated'],
  ]);
  await expect(entries.nth(0)).toContainText(note('hello-container-deleted', 'sign-out-and-in'));
  await expect(entries.nth(1)).toContainText(note('cert-trust-policy-removed', 'delete-hello-container'));
  await expect(entries.nth(2)).toContainText(note('certificate-trust-enabled', 'sync-device-policy'));
  await expect(entries.getByTestId('outcome-badge')).toHaveText(['Simulated', 'Simulated', 'Simulated']);

  // "Show fix history" brings it into view and focus.
  await fixOutcome(page).getByRole('button', { name: 'Show fix history' }).click();
  await expect(history.getByRole('button', { name: /^Fix history/ })).toBeFocused();
  await expect(history).toBeInViewport();
});
