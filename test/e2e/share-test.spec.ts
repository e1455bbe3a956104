// The file share test field: checked as you type with the engine's own rules, remembered per
// device, and run only on the device itself (live); the preview can only explain that.

import { validateUncPath } from '@contract/validate-unc-path';
import { expect, type Page, test } from '@playwright/test';
import { openScenario, row, rowToggle } from './app-page';
import { installFakeDesktopApi, runRequests } from './in-page';

const HOSTILE = [
  '\\\\fs01\\share" & calc',
  '\\\\fs01\\share & calc',
  '\\\\fs01\\share|calc.exe',
  '\\\\fs01\\share\\..\\secret',
  '\\\\?\\C:\\Windows',
  '\\\\.\\pipe\\spool',
  'http://fs01/share',
  '//fs01/share',
  'C:\\Windows\\System32',
  '\\\\fs01\\%USERPROFILE%',
  '\\\\fs01\\share\\a\u0007b',
  '\\\\fs01',
];

function reasonFor(input: string): string {
  const checked = validateUncPath(input);
  if (checked.ok) throw new Error(`${input} is valid`);
  return `${checked.reason.charAt(0).toUpperCase()}${checked.reason.slice(1)}.`;
}

async function openShareField(page: Page) {
  await rowToggle(page, 'file-share').click();
  const panel = row(page, 'file-share').getByTestId('share-test');
  return {
    field: panel.getByLabel('Test a file share'),
    button: panel.getByRole('button', { name: 'Test share' }),
    panel,
  };
}

test('hostile share paths are refused as they are typed, with the reason next to the field', async ({
  page,
}) => {
  await openScenario(page, 'healthy-hybrid');
  const { field, button, panel } = await openShareField(page);
  await expect(field).toHaveAttribute('placeholder', '\\\\server\\share');
  for (const input of HOSTILE) {
    await field.fill(input);
    const reason = reasonFor(input);
    await expect(panel, input).toContainText(reason);
    await expect(field, input).toHaveAttribute('aria-invalid', 'true');
    // The reason is tied to the field for screen readers.
    const describedBy = (await field.getAttribute('aria-describedby')) ?? '';
    const described = await Promise.all(
      describedBy
        .split(/\s+/)
        .filter(Boolean)
        .map((id) => page.locator(`[id="${id}"]`).textContent()),
    );
    expect(described.join(' '), input).toContain(reason);
    await expect(button, input).toBeDisabled();
  }
});

test('in the preview a valid path is accepted and remembered, but the test needs the device itself', async ({
  page,
}) => {
  await openScenario(page, 'healthy-hybrid');
  const { field, button, panel } = await openShareField(page);
  await field.fill('\\\\fs01.corp.contoso.com\\projects');
  await expect(field).not.toHaveAttribute('aria-invalid', 'true');
  await expect(button).toBeDisabled();
  await expect(panel).toContainText('The share test runs on the device itself (live mode)');

  // The same device later: the path is still there.
  await openScenario(page, 'password-sign-in');
  const again = await openShareField(page);
  await expect(again.field).toHaveValue('\\\\fs01.corp.contoso.com\\projects');
});

test('on the device, "Test share" checks it again with the share and shows the file share step', async ({
  page,
}) => {
  await page.addInitScript(installFakeDesktopApi, { scenario: 'password-sign-in', stepMs: 5 });
  await page.goto('/');
  await expect(page.getByTestId('report-header').locator('[data-fact="source"]')).toHaveText(
    'This device (live)',
    { timeout: 20_000 },
  );
  const { field, button, panel } = await openShareField(page);
  await expect(panel).not.toContainText('live mode');
  await field.fill('\\\\fs01\\projects\\');
  await expect(button).toBeEnabled();
  await button.click();
  await expect(page.getByTestId('announcer')).toContainText('Checks complete:', { timeout: 20_000 });
  expect(await page.evaluate(runRequests)).toContainEqual({ kind: 'live', share: '\\\\fs01\\projects' });
  await expect(rowToggle(page, 'file-share')).toBeFocused();
  await expect(rowToggle(page, 'file-share')).toHaveAttribute('aria-expanded', 'true');
});
