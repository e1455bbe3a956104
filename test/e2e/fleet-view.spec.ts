// The fleet view over 500 files: 450 devices varied from the built-in scenarios, some devices
// seen twice (the newer file wins), and unreadable files listed with their reason. What the view
// must show comes from the fleet back end itself, run here on the same files.
import { readFile } from 'node:fs/promises';
import AxeBuilder from '@axe-core/playwright';
import { expect, type Page, test } from '@playwright/test';
import { tsImport } from 'tsx/esm/api';
import { SCREENSHOT_DIR } from './app-page';
import { SCENARIOS, scenarioCaptureText } from './engine-expectations';
import { expectColorScheme } from './screenshot-checks';

type SummarizeText = typeof import('../../electron/fleet/summarize-fleet-text');
type Devices = typeof import('../../electron/fleet/fleet-devices');
const { summarizeFleetText } = (await tsImport(
  '../../electron/fleet/summarize-fleet-text.ts',
  import.meta.url,
)) as SummarizeText;
const { groupDevices } = (await tsImport(
  '../../electron/fleet/fleet-devices.ts',
  import.meta.url,
)) as Devices;

const DEVICES = 450;
const TWICE = 20;
const UNREADABLE = 30;
const SCENARIO_NAMES = ['PC-0142', 'PC-0177'];
const SCENARIO_IDS = /8d2f6c41-3b7e-4a90-b1c5-6e0d9a27f318|b3e8a07d-91c4-4f2e-a6d5-7c10e49b2f86/gi;

const deviceName = (n: number) => `PC-${String(n).padStart(4, '0')}`;
const deviceId = (n: number) => `00000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;

interface FleetFile {
  name: string;
  mimeType: string;
  buffer: Buffer;
}

/** A scenario's capture as another device, captured at the given minute. */
function captureOf(scenarioIndex: number, device: number, minute: number): string {
  const scenario = SCENARIOS[scenarioIndex % SCENARIOS.length];
  if (!scenario) throw new Error('no scenarios');
  let text = scenarioCaptureText(scenario.name).replace(SCENARIO_IDS, deviceId(device));
  for (const name of SCENARIO_NAMES) text = text.replaceAll(name, deviceName(device));
  const capture = JSON.parse(text) as { capturedAt: string };
  capture.capturedAt = new Date(Date.UTC(2025, 0, 1) + minute * 60_000).toISOString();
  return JSON.stringify(capture);
}

function fleetFiles(): FleetFile[] {
  const files: FleetFile[] = [];
  const add = (name: string, text: string) =>
    files.push({ name, mimeType: 'application/json', buffer: Buffer.from(text) });
  for (let n = 0; n < DEVICES; n++) add(`${deviceName(n)}-first.json`, captureOf(n, n, n));
  // Seen again later with another scenario: this file is the device's row.
  for (let n = 0; n < TWICE; n++) add(`${deviceName(n)}-again.json`, captureOf(n + 1, n, 1000 + n));
  for (let n = 0; n < UNREADABLE; n++) add(`broken-${n}.json`, n % 2 === 0 ? '{"format": oops' : '');
  return files;
}

const files = fleetFiles();
const expected = groupDevices(
  files.flatMap((file) => {
    const result = summarizeFleetText(file.name, file.buffer.toString('utf8'));
    return result.ok ? [{ row: result.row, mtimeMs: 0 }] : [];
  }),
).map((device) => device.row);

function countsOf(key: (row: (typeof expected)[number]) => string): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const row of expected) counts[key(row)] = (counts[key(row)] ?? 0) + 1;
  return counts;
}

async function barCounts(page: Page, title: string): Promise<Record<string, number>> {
  const pairs = await page
    .getByRole('region', { name: title })
    .locator('[data-bar]')
    .evaluateAll((items) =>
      items.map((item) => [item.getAttribute('data-bar'), item.getAttribute('data-count')]),
    );
  return Object.fromEntries(pairs.map(([name, count]) => [name ?? '', Number(count)]));
}

async function openFleet(page: Page): Promise<void> {
  await page.goto('/?scenario=healthy-hybrid');
  await expect(page.locator('li[data-check-id]').first()).toBeVisible();
  await page.getByTestId('fleet-file-input').setInputFiles(files);
  await expect(page.getByTestId('fleet-view')).toBeVisible();
  await expect(page.getByTestId('fleet-progress')).not.toContainText('Reading files', { timeout: 60_000 });
  await expect(page.getByTestId('fleet-counts')).toHaveText(
    `${DEVICES} devices from ${DEVICES + TWICE} files`,
  );
}

const tableRows = (page: Page) => page.getByTestId('fleet-table').locator('tbody tr');

test.describe('fleet view', () => {
  test.setTimeout(120_000);

  test('reads 500 files, sorts, filters, opens a device and exports CSV', async ({ page }) => {
    expect(expected).toHaveLength(DEVICES);
    await openFleet(page);
    await expect(tableRows(page)).toHaveCount(DEVICES);
    await expect(page.getByTestId('fleet-failures')).toContainText(`${UNREADABLE} unreadable files`);
    await page.getByTestId('fleet-failures').locator('summary').click();
    await expect(page.getByTestId('fleet-failures')).toContainText('broken-1.json: ');

    // The bars count devices, the newest file of each.
    expect(await barCounts(page, 'Trust model used')).toEqual(countsOf((row) => row.trustModel));
    expect(await barCounts(page, 'First failing check')).toEqual(
      countsOf((row) => row.rootCause ?? (row.status === 'fail' ? 'unknown' : 'none')),
    );

    // A device seen twice shows its newer file, with the count.
    const twice = tableRows(page).filter({ has: page.getByRole('button', { name: /^PC-0003\b/ }) });
    const newest = expected.find((row) => row.deviceName?.startsWith('PC-0003'));
    await expect(twice.locator('[data-column="files"]')).toHaveText('2');
    await expect(twice.locator('[data-column="trustModel"]')).toHaveText(newest?.trustModel ?? '');

    // Sorting: by device, then descending by a click, then by files with Enter on the header.
    const device = page.locator('th[data-column="deviceName"]');
    await expect(device).toHaveAttribute('aria-sort', 'ascending');
    await expect(tableRows(page).first()).toHaveAttribute('data-device', /^PC-0000/);
    await device.getByRole('button').click();
    await expect(device).toHaveAttribute('aria-sort', 'descending');
    await expect(tableRows(page).first()).toHaveAttribute('data-device', /^PC-0449/);
    const filesHeader = page.locator('th[data-column="files"]');
    await filesHeader.getByRole('button').focus();
    await page.keyboard.press('Enter');
    await page.keyboard.press('Enter');
    await expect(filesHeader).toHaveAttribute('aria-sort', 'descending');
    await expect(device).toHaveAttribute('aria-sort', 'none');
    await expect(tableRows(page).first().locator('[data-column="files"]')).toHaveText('2');

    // Filters: a trust model, then a first failing check with it, then text.
    const byTrust = countsOf((row) => row.trustModel);
    await page.getByTestId('fleet-filter-trust').selectOption('key-trust');
    await expect(tableRows(page)).toHaveCount(byTrust['key-trust'] ?? 0);
    await expect(page.getByTestId('fleet-counts')).toHaveText(
      `${byTrust['key-trust']} of ${DEVICES} devices from ${DEVICES + TWICE} files`,
    );
    await page.getByTestId('fleet-filter-trust').selectOption('');
    await page.getByTestId('fleet-filter-text').fill('pc-0042');
    await expect(tableRows(page)).toHaveCount(1);
    await page.getByTestId('fleet-filter-text').fill('');
    await expect(tableRows(page)).toHaveCount(DEVICES);

    // CSV: a header and one line per device shown.
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export CSV' }).click();
    const csv = await readFile(await (await download).path(), 'utf8');
    const lines = csv.trimEnd().split('\r\n');
    expect(lines[0]).toMatch(/^deviceId,deviceName,user,/);
    expect(lines).toHaveLength(DEVICES + 1);
    expect(lines.filter((line) => line.includes(',PC-0003'))).toHaveLength(1);

    // A row opens its device's checklist (the newer capture), and the fleet is one click away.
    await tableRows(page)
      .filter({ has: page.getByRole('button', { name: /^PC-0003\b/ }) })
      .click();
    await expect(page.getByTestId('fleet-view')).toBeHidden();
    await expect(page.getByTestId('report-header')).toContainText('PC-0003-again.json');
    await expect(page.locator('li[data-check-id]').first()).toBeVisible();
    await page.getByRole('button', { name: 'Back to the fleet' }).click();
    await expect(tableRows(page)).toHaveCount(DEVICES);
  });

  for (const colorScheme of ['light', 'dark'] as const) {
    test(`no serious accessibility violations, and a screenshot (${colorScheme})`, async ({ page }) => {
      await page.emulateMedia({ colorScheme, reducedMotion: 'reduce' });
      await openFleet(page);
      const results = await new AxeBuilder({ page }).analyze();
      const serious = results.violations
        .filter((v) => v.impact === 'serious' || v.impact === 'critical')
        .map((v) => ({ id: v.id, nodes: v.nodes.map((n) => n.target.join(' ')) }));
      expect(serious).toEqual([]);
      await expectColorScheme(page, colorScheme);
      await expect(page.getByTestId('fleet-counts')).toHaveText(
        `${DEVICES} devices from ${DEVICES + TWICE} files`,
      );
      await expect(tableRows(page).first()).toBeVisible();
      await expect(page.getByTestId('fleet-chart').locator('[data-bar]').first()).toBeVisible();
      // The bars count every device once per chart.
      const bars = await page
        .getByTestId('fleet-chart')
        .locator('ul')
        .first()
        .locator('[data-count]')
        .evaluateAll((items) =>
          items.reduce((sum, item) => sum + Number(item.getAttribute('data-count')), 0),
        );
      expect(bars).toBe(DEVICES);
      await page.screenshot({ path: `${SCREENSHOT_DIR}/fleet-view-${colorScheme}.png` });
    });
  }
});
