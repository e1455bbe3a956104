// Opening capture files: by the file picker and by drag-and-drop; corrupt files keep the previous result.
import { readFile } from 'node:fs/promises';
import { expect, type Page, test } from '@playwright/test';
import { openScenario, rowStatuses } from './app-page';
import { expectedReport, expectedScenarioReport, scenarioCaptureText } from './engine-expectations';
import { dataTransferWithFile } from './in-page';

const FILE_NAME = 'PC-0142 ticket 4711.json';

async function chooseFile(page: Page, name: string, text: string) {
  await page.getByTestId('capture-file-input').setInputFiles({
    name,
    mimeType: 'application/json',
    buffer: Buffer.from(text, 'utf8'),
  });
}

test('a capture file opens, and the header names the file', async ({ page }) => {
  await openScenario(page, 'healthy-hybrid');
  const report = expectedReport('certificate-trust-enabled', { kind: 'capture', file: FILE_NAME });

  await chooseFile(page, FILE_NAME, scenarioCaptureText('certificate-trust-enabled'));

  await expect(page.getByTestId('report-header').locator('[data-fact="source"]')).toHaveText(
    `Capture file: ${FILE_NAME}`,
  );
  await expect(page.getByTestId('headline')).toHaveText(report.headline.text);
  expect(await rowStatuses(page)).toEqual(report.checks.map((check) => [check.id, check.status]));
  // A capture is not a scenario: the picker says so instead of naming one.
  await expect(page.getByTestId('scenario-select')).toHaveValue('');
});

test('a capture re-saved by Windows PowerShell 5.1 (UTF-16LE with a BOM) opens the same', async ({
  page,
}) => {
  await openScenario(page, 'healthy-hybrid');
  const report = expectedReport('clock-skew', { kind: 'capture', file: 'utf16.json' });
  const utf16 = Buffer.concat([
    Buffer.from([0xff, 0xfe]),
    Buffer.from(scenarioCaptureText('clock-skew'), 'utf16le'),
  ]);
  await page.getByTestId('capture-file-input').setInputFiles({
    name: 'utf16.json',
    mimeType: 'application/json',
    buffer: utf16,
  });
  await expect(page.getByTestId('headline')).toHaveText(report.headline.text);
  expect(await rowStatuses(page)).toEqual(report.checks.map((check) => [check.id, check.status]));
});

test('a capture file dropped anywhere on the window opens', async ({ page }) => {
  await openScenario(page, 'healthy-hybrid');
  const text = scenarioCaptureText('password-sign-in');
  const dataTransfer = await page.evaluateHandle(dataTransferWithFile, {
    name: 'dropped.json',
    content: text,
  });
  const target = page.getByTestId('checklist-scroll');
  await target.dispatchEvent('dragenter', { dataTransfer });
  await expect(page.getByTestId('drop-overlay')).toBeVisible();
  await target.dispatchEvent('drop', { dataTransfer });
  await expect(page.getByTestId('drop-overlay')).toHaveCount(0);
  await expect(page.getByTestId('report-header').locator('[data-fact="source"]')).toHaveText(
    'Capture file: dropped.json',
  );
  const report = expectedReport('password-sign-in', { kind: 'capture', file: 'dropped.json' });
  await expect(page.getByTestId('headline')).toHaveText(report.headline.text);
});

const CORRUPT: { what: string; name: string; text: string; reason: RegExp }[] = [
  {
    what: 'not JSON',
    name: 'notes.json',
    text: 'dsregcmd /status\nAzureAdJoined : YES\n',
    reason: /not valid JSON/,
  },
  {
    what: 'JSON of another format',
    name: 'report.json',
    text: JSON.stringify({ format: 'whfb-doctor/report', version: 1, checks: [] }),
    reason: /not a capture file: format is "whfb-doctor\/report"/,
  },
];

for (const corrupt of CORRUPT) {
  test(`a corrupt capture (${corrupt.what}) shows why and keeps the previous result`, async ({ page }) => {
    await openScenario(page, 'certificate-trust-enabled');
    const before = await rowStatuses(page);
    const headline = expectedScenarioReport('certificate-trust-enabled').headline.text;

    await chooseFile(page, corrupt.name, corrupt.text);

    const alert = page.getByRole('alert');
    await expect(alert).toContainText('Could not open the capture file');
    await expect(alert).toContainText(corrupt.name);
    await expect(page.getByTestId('error-reason')).toHaveText(corrupt.reason);
    // The previous result stays, unchanged.
    expect(await rowStatuses(page)).toEqual(before);
    await expect(page.getByTestId('headline')).toHaveText(headline);
    await expect(page.getByTestId('report-header').locator('[data-fact="source"]')).toHaveText(
      'Practice scenario: Certificate trust still enabled',
    );

    // Dismissing hides the message; a good file afterwards opens normally.
    await page.getByRole('button', { name: 'Dismiss' }).click();
    await expect(page.getByTestId('error-reason')).toHaveCount(0);
  });
}

test('"Save capture" downloads the capture behind the checklist', async ({ page }) => {
  await openScenario(page, 'no-dc-line-of-sight');
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Save capture' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^whfb-capture-no-dc-line-of-sight-.*\.json$/);
  const path = await download.path();
  const saved = JSON.parse(await readFile(path, 'utf8')) as {
    format: string;
    probes: Record<string, unknown>;
  };
  expect(saved.format).toBe('whfb-doctor/capture');
  expect(Object.keys(saved.probes)).toContain('nltest-dsgetdc');
});
