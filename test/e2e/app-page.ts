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
