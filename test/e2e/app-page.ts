// Small helpers that read the app the way a person sees it (roles, labels) plus the row attributes.
import { expect, type Page } from '@playwright/test';

export const SCREENSHOT_DIR = 'test-results/screenshots';

/** Opens the app on a practice scenario and waits until its checklist is on screen. */
export async function openScenario(page: Page, name: string): Promise<void> {
  await page.goto(`/?scenario=${encodeURIComponent(name)}`);
  await expect(page.getByTestId('report-header').locator('[data-fact="source"]')).toContainText(
    'Practice scenario',
  );
  await expect(page.getByTestId('scenario-select')).toHaveValue(name);
  await expect(page.locator('li[data-check-id]').first()).toBeVisible();
}

/** Each row's check id and status, in screen order. */
export async function rowStatuses(page: Page): Promise<[string, string][]> {
  return page
    .locator('li[data-check-id]')
    .evaluateAll((rows) =>
      rows.map((row) => [row.getAttribute('data-check-id') ?? '', row.getAttribute('data-status') ?? '']),
    );
}

export function row(page: Page, checkId: string) {
  return page.locator(`li[data-check-id="${checkId}"]`);
}

export function rowToggle(page: Page, checkId: string) {
  return row(page, checkId).locator('button[aria-expanded]').first();
}

/** A fix's card in a row's open detail panel. */
export function fixCard(page: Page, checkId: string, fixId: string) {
  return row(page, checkId).locator(`[data-fix-id="${fixId}"]`);
}

/** The fix confirmation dialog (modal). */
export function fixDialog(page: Page) {
  return page.getByTestId('fix-dialog');
}

/** The focusable outcome message near the verdict, shown after a fix. */
export function fixOutcome(page: Page) {
  return page.getByTestId('fix-outcome').locator('[data-outcome]');
}

/** Each row's "was" status after a fix, as check id → status, for the rows that have one. */
export async function previousStatuses(page: Page): Promise<Record<string, string>> {
  const pairs = await page
    .locator('li[data-check-id][data-previous-status]')
    .evaluateAll((rows) =>
      rows.map((r) => [r.getAttribute('data-check-id') ?? '', r.getAttribute('data-previous-status') ?? '']),
    );
  return Object.fromEntries(pairs);
}
