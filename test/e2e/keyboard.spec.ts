// Keyboard only: every row is reachable with Tab, Enter/Space open and close it, arrows move between rows.
import { expect, type Page, test } from '@playwright/test';
import { openScenario, row, rowToggle } from './app-page';
import { expectedScenarioReport } from './engine-expectations';
import { focusedRowId } from './in-page';

/** Which row's expand button has focus, if any. */
function focusedRow(page: Page): Promise<string | null> {
  return page.evaluate(focusedRowId);
}

test('Tab from the top reaches every row, Enter opens it and shows the evidence', async ({ page }) => {
  const report = expectedScenarioReport('healthy-hybrid');
  await openScenario(page, 'healthy-hybrid');
  await page.locator('body').focus();

  const reached: string[] = [];
  for (let press = 0; press < 120 && reached.length < report.checks.length; press += 1) {
    await page.keyboard.press('Tab');
    const id = await focusedRow(page);
    if (id && !reached.includes(id)) reached.push(id);
  }
  expect(reached).toEqual(report.checks.map((check) => check.id));

  // Back to a row with evidence lines, and open it with Enter.
  const check = report.checks.find((c) => c.evidence.some((e) => e.lines.length > 0));
  if (!check) throw new Error('healthy-hybrid has no evidence lines');
  await rowToggle(page, check.id).focus();
  await page.keyboard.press('Enter');
  await expect(rowToggle(page, check.id)).toHaveAttribute('aria-expanded', 'true');
  const panel = row(page, check.id).locator(`[data-detail-for="${check.id}"]`);
  await expect(panel).toBeVisible();
  await expect(panel.getByRole('heading', { name: 'What it means' })).toBeVisible();
  await expect(panel).toContainText(check.explanation);
  for (const line of check.evidence.flatMap((e) => e.lines)) {
    await expect(panel.locator('mark', { hasText: line }).first()).toBeVisible();
  }

  // Space closes it again.
  await page.keyboard.press('Space');
  await expect(rowToggle(page, check.id)).toHaveAttribute('aria-expanded', 'false');
  await expect(panel).toHaveCount(0);
});

test('the skip link is the first stop and lands on the checklist', async ({ page }) => {
  await openScenario(page, 'healthy-hybrid');
  await page.locator('body').focus();
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Skip to the checklist' });
  await expect(skip).toBeFocused();
  await expect(skip).toBeInViewport();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: /^Checklist/ })).toBeFocused();
  // The checklist's own filter comes first, then the rows.
  await page.keyboard.press('Tab');
  await expect(page.getByRole('switch', { name: 'Problems only' })).toBeFocused();
  await page.keyboard.press('Tab');
  expect(await focusedRow(page)).toBe(expectedScenarioReport('healthy-hybrid').checks[0]?.id);
});

test('arrow keys, Home and End move between rows', async ({ page }) => {
  const report = expectedScenarioReport('healthy-hybrid');
  await openScenario(page, 'healthy-hybrid');
  const ids = report.checks.map((c) => c.id);
  await rowToggle(page, ids[0] as string).focus();
  await page.keyboard.press('ArrowDown');
  expect(await focusedRow(page)).toBe(ids[1]);
  await page.keyboard.press('End');
  expect(await focusedRow(page)).toBe(ids.at(-1));
  await page.keyboard.press('ArrowUp');
  expect(await focusedRow(page)).toBe(ids.at(-2));
  await page.keyboard.press('Home');
  expect(await focusedRow(page)).toBe(ids[0]);
});

test('"Show this step" in the verdict opens the broken step and focuses it', async ({ page }) => {
  const report = expectedScenarioReport('certificate-trust-enabled');
  await openScenario(page, 'certificate-trust-enabled');
  await page.getByRole('button', { name: 'Show this step' }).click();
  const id = report.headline.checkId as string;
  await expect(rowToggle(page, id)).toBeFocused();
  await expect(rowToggle(page, id)).toHaveAttribute('aria-expanded', 'true');
  await expect(row(page, id).locator(`[data-detail-for="${id}"]`)).toBeVisible();
});

test('"Problems only" hides the passed rows, by keyboard too, and stays on for the next scenario', async ({
  page,
}) => {
  const report = expectedScenarioReport('no-dc-line-of-sight');
  await openScenario(page, 'no-dc-line-of-sight');
  const filter = page.getByRole('switch', { name: 'Problems only' });
  await filter.focus();
  await page.keyboard.press('Space');
  await expect(filter).toBeChecked();
  const problems = report.checks.filter((c) => c.status !== 'pass').map((c) => c.id);
  await expect(page.locator('li[data-check-id]')).toHaveCount(problems.length);
  expect(
    await page.locator('li[data-check-id]').evaluateAll((rows) => rows.map((r) => r.dataset.checkId)),
  ).toEqual(problems);

  // Arrows still move between the rows that show.
  await rowToggle(page, problems[0] as string).focus();
  await page.keyboard.press('ArrowDown');
  expect(await focusedRow(page)).toBe(problems[1]);

  // Kept while another scenario opens; a healthy device then says there is nothing to show.
  await page.getByLabel('Practice scenario').selectOption('healthy-hybrid');
  await expect(page.getByTestId('scenario-select')).toHaveValue('healthy-hybrid');
  await expect(filter).toBeChecked();
  const healthy = expectedScenarioReport('healthy-hybrid');
  await expect(page.locator('li[data-check-id]')).toHaveCount(
    healthy.checks.filter((c) => c.status !== 'pass').length,
  );

  await filter.focus();
  await page.keyboard.press('Space');
  await expect(filter).not.toBeChecked();
  await expect(page.locator('li[data-check-id]')).toHaveCount(healthy.checks.length);
});
