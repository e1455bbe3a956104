// Export…: a report or the ticket summary of the checklist on screen, redacted by default.
import { readFile } from 'node:fs/promises';
import AxeBuilder from '@axe-core/playwright';
import { expect, type Page, test } from '@playwright/test';
import { openScenario, rowStatuses } from './app-page';
import { clipboardText } from './in-page';

const exportButton = (page: Page) => page.getByRole('button', { name: 'Export…' });
const exportDialog = (page: Page) => page.getByRole('dialog', { name: 'Export' });

async function openExport(page: Page) {
  await openScenario(page, 'healthy-hybrid');
  await exportButton(page).click();
  await expect(exportDialog(page)).toBeVisible();
  return exportDialog(page);
}

/** Saves with the dialog's current choices; the downloaded file's name and text. */
async function save(page: Page) {
  const downloading = page.waitForEvent('download');
  await exportDialog(page).getByRole('button', { name: 'Save', exact: true }).click();
  const download = await downloading;
  return { name: download.suggestedFilename(), text: await readFile(await download.path(), 'utf8') };
}

test('HTML, redacted by default: no user, device or domain name in the file', async ({ page }) => {
  const dialog = await openExport(page);
  await expect(dialog.getByRole('radio', { name: /^HTML report/ })).toBeChecked();
  await expect(dialog.getByRole('checkbox', { name: 'Redact names and ids' })).toBeChecked();
  await expect(dialog).toContainText('The screen itself is not redacted');

  const file = await save(page);
  expect(file.name).toMatch(/^whfb-report-healthy-hybrid-[0-9TZ-]+\.html$/);
  expect(file.text).toMatch(/^<!doctype html>/i);
  expect(file.text).not.toMatch(/contoso|alice|PC-0142/i);
  // Saving closes the dialog; the checklist on screen keeps its names.
  await expect(exportDialog(page)).toBeHidden();
  await expect(exportButton(page)).toBeFocused();
  await expect(page.getByTestId('report-header')).toContainText(/contoso/i);
});

test('Markdown without redaction keeps the names', async ({ page }) => {
  const dialog = await openExport(page);
  await dialog.getByRole('radio', { name: /^Markdown report/ }).check();
  await dialog.getByRole('checkbox', { name: 'Redact names and ids' }).uncheck();
  const file = await save(page);
  expect(file.name).toMatch(/^whfb-report-healthy-hybrid-[0-9TZ-]+\.md$/);
  expect(file.text).toMatch(/^# /);
  expect(file.text).toMatch(/contoso/i);
});

test('the capture, redacted, opens again with the same statuses and no user name', async ({ page }) => {
  const dialog = await openExport(page);
  const before = await rowStatuses(page);
  await dialog.getByRole('radio', { name: /^Capture \(raw outputs\)/ }).check();
  const file = await save(page);
  expect(file.name).toMatch(/^whfb-capture-healthy-hybrid-[0-9TZ-]+\.json$/);
  expect(file.text).not.toMatch(/alice|PC-0142/i);

  await page.getByTestId('capture-file-input').setInputFiles({
    name: file.name,
    mimeType: 'application/json',
    buffer: Buffer.from(file.text, 'utf8'),
  });
  await expect(page.getByTestId('report-header').locator('[data-fact="source"]')).toContainText(file.name);
  expect(await rowStatuses(page)).toEqual(before);
  await expect(page.getByTestId('report-header')).not.toContainText(/alice/i);
});

test('Copy summary puts a Markdown block on the clipboard and says so', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const dialog = await openExport(page);
  await dialog.getByRole('button', { name: 'Copy summary' }).click();
  await expect(dialog.getByRole('status')).toHaveText(/^Copied: the redacted summary/);
  const copied = await page.evaluate(clipboardText);
  expect(copied).toMatch(/^\*\*WHfB Doctor\*\*/);
  expect(copied).toContain('**What to do next**');
  expect(copied).not.toMatch(/contoso|alice|PC-0142/i);

  await dialog.getByRole('checkbox', { name: 'Redact names and ids' }).uncheck();
  await dialog.getByRole('button', { name: 'Copy summary' }).click();
  await expect(dialog.getByRole('status')).toHaveText(/^Copied: the unredacted summary/);
  expect(await page.evaluate(clipboardText)).toMatch(/alice/i);
  // Copying keeps the dialog open, and the focus where it was, to save a file as well.
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('button', { name: 'Copy summary' })).toBeFocused();
});

test('keyboard: Escape and Cancel close the dialog and focus returns to Export…', async ({ page }) => {
  await openScenario(page, 'healthy-hybrid');
  await exportButton(page).focus();
  await page.keyboard.press('Enter');
  const dialog = exportDialog(page);
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('radio', { name: /^HTML report/ })).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(dialog.getByRole('radio', { name: /^Markdown report/ })).toBeChecked();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(exportButton(page)).toBeFocused();

  // Opened again, it starts from the defaults; Cancel closes it the same way.
  await page.keyboard.press('Enter');
  await expect(dialog.getByRole('radio', { name: /^HTML report/ })).toBeChecked();
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();
  await expect(exportButton(page)).toBeFocused();
});

async function seriousViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({ id: v.id, help: v.help, nodes: v.nodes.map((n) => n.target.join(' ')) }));
}

for (const colorScheme of ['light', 'dark'] as const) {
  test(`axe finds no serious violations with the dialog open, or after it closed (${colorScheme})`, async ({
    page,
    context,
  }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await page.emulateMedia({ colorScheme });
    const dialog = await openExport(page);
    await dialog.getByRole('button', { name: 'Copy summary' }).click();
    await expect(dialog.getByRole('status')).toHaveText(/^Copied/);
    expect(await seriousViolations(page)).toEqual([]);
    await page.keyboard.press('Escape');
    await expect(exportButton(page)).toBeFocused();
    // The dimmed backdrop fades out after the dialog: scan the page as it is left, with the
    // pointer off the rows (a hovered row is another state, not the one scanned here).
    await expect(page.locator('.fui-DialogSurface__backdrop')).toHaveCount(0);
    await page.mouse.move(0, 0);
    expect(await seriousViolations(page)).toEqual([]);
  });
}
