// The fleet view over 500 files: 450 devices varied from the built-in scenarios, some devices
// seen twice (the newer file wins, for five of them a report file), and unreadable files listed
// with their reason. What the view must show comes from the fleet back end itself, run here on
// the same files. The table renders only the rows in view, so counts come from aria-rowcount.
import { readFile } from 'node:fs/promises';
import AxeBuilder from '@axe-core/playwright';
import { expect, type Page, test } from '@playwright/test';
import { tsImport } from 'tsx/esm/api';
import { SCREENSHOT_DIR } from './app-page';
import { SCENARIOS, scenarioCaptureText } from './engine-expectations';
import { expectColorScheme } from './screenshot-checks';

type SummarizeText = typeof import('../../electron/fleet/summarize-fleet-text');
type Devices = typeof import('@contract/fleet-devices');
type Diagnose = typeof import('../../electron/engine/diagnose');
type RenderJson = typeof import('../../electron/engine/report/render-json');
const { summarizeFleetText } = (await tsImport(
  '../../electron/fleet/summarize-fleet-text.ts',
  import.meta.url,
)) as SummarizeText;
const { groupDevices } = (await tsImport(
  '../../electron/contract/fleet-devices.ts',
  import.meta.url,
)) as Devices;
const { diagnose } = (await tsImport('../../electron/engine/diagnose.ts', import.meta.url)) as Diagnose;
const { renderJson } = (await tsImport(
  '../../electron/engine/report/render-json.ts',
  import.meta.url,
)) as RenderJson;

const DEVICES = 450;
const TWICE = 20;
const UNREADABLE = 30;
/** Devices whose newer file is a report (of the ones seen twice). */
const REPORTS = [15, 16, 17, 18, 19];
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
  for (let n = 0; n < TWICE; n++) {
    const capture = captureOf(n + 1, n, 1000 + n);
    const name = `${deviceName(n)}-again.json`;
    // A report keeps the verdict (and the device id) without the outputs.
    add(
      name,
      REPORTS.includes(n)
        ? renderJson(diagnose(JSON.parse(capture), { kind: 'capture', file: name }))
        : capture,
    );
  }
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

/** The rows rendered (the table renders those in view, and a few either side). */
const tableRows = (page: Page) => page.getByTestId('fleet-table').locator('tbody tr[data-row-index]');

/** How many devices the table holds, rendered or not (its header row is one of aria-rowcount). */
async function expectRowCount(page: Page, count: number): Promise<void> {
  await expect(page.getByTestId('fleet-table')).toHaveAttribute('aria-rowcount', String(count + 1));
}

/** Buttons of the single-device view that must not show over the fleet or a report file. */
const DEVICE_BUTTONS = ['Re-run all', 'Save capture', 'Export…', 'Open capture…'];

/** The relative luminance of an element's background (0 black, 1 white). */
async function backgroundLuminance(page: Page, testId: string): Promise<number> {
  return page.getByTestId(testId).evaluate((element) => {
    let node: Element | null = element;
    let color = 'rgba(0, 0, 0, 0)';
    while (node && /rgba\(0, 0, 0, 0\)|transparent/.test(color)) {
      color = getComputedStyle(node).backgroundColor;
      node = node.parentElement;
    }
    const [r, g, b] = (color.match(/[\d.]+/g) ?? ['0', '0', '0']).slice(0, 3).map((c) => Number(c) / 255);
    const linear = (c: number) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
    return 0.2126 * linear(r ?? 0) + 0.7152 * linear(g ?? 0) + 0.0722 * linear(b ?? 0);
  });
}

test.describe('fleet view', () => {
  test.setTimeout(120_000);

  test('reads 500 files, sorts, filters, opens a device and exports CSV', async ({ page }) => {
    expect(expected).toHaveLength(DEVICES);
    await openFleet(page);
    await expectRowCount(page, DEVICES);
    // Virtualised: far fewer rows rendered than devices, each with its place in the table.
    expect(await tableRows(page).count()).toBeLessThan(100);
    await expect(tableRows(page).first()).toHaveAttribute('aria-rowindex', '2');
    // Over the fleet the header keeps only what applies to it.
    for (const name of DEVICE_BUTTONS) await expect(page.getByRole('button', { name })).toHaveCount(0);
    for (const name of ['Open fleet…', 'Open folder…', 'Export CSV', 'Back to the device'])
      await expect(page.getByRole('button', { name })).toBeVisible();
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
    await expectRowCount(page, byTrust['key-trust'] ?? 0);
    await expect(page.getByTestId('fleet-counts')).toHaveText(
      `${byTrust['key-trust']} of ${DEVICES} devices from ${DEVICES + TWICE} files`,
    );
    await page.getByTestId('fleet-filter-trust').selectOption('');
    await page.getByTestId('fleet-filter-text').fill('pc-0042');
    await expectRowCount(page, 1);
    await expect(tableRows(page)).toHaveCount(1);
    await page.getByTestId('fleet-filter-text').fill('');
    await expectRowCount(page, DEVICES);

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
    await expectRowCount(page, DEVICES);
  });

  test('scrolls and moves by keyboard through every row; a report file opens read-only', async ({ page }) => {
    await openFleet(page);
    const device = page.locator('th[data-column="deviceName"]');
    await expect(device).toHaveAttribute('aria-sort', 'ascending');

    // Scrolled to the end, the last device is rendered and the first ones are not.
    await page.getByTestId('fleet-view').evaluate((box) => {
      box.scrollTop = box.scrollHeight;
    });
    await expect(tableRows(page).last()).toHaveAttribute('aria-rowindex', String(DEVICES + 1));
    await expect(tableRows(page).last()).toHaveAttribute('data-device', /^PC-0449/);
    await expect(tableRows(page).first()).not.toHaveAttribute('aria-rowindex', '2');

    // One tab stop in the rows; End, Home and the arrows move the focus, rendering as they go.
    await page.getByTestId('fleet-view').evaluate((box) => {
      box.scrollTop = 0;
    });
    await expect(tableRows(page).first()).toHaveAttribute('aria-rowindex', '2');
    const focusedRow = page.locator('tr[data-row-index]:has(button:focus)');
    await tableRows(page).first().getByRole('button').focus();
    await page.keyboard.press('End');
    await expect(focusedRow).toHaveAttribute('aria-rowindex', String(DEVICES + 1));
    await expect(focusedRow.getByRole('button')).toBeInViewport();
    await page.keyboard.press('ArrowUp');
    await expect(focusedRow).toHaveAttribute('data-device', /^PC-0448/);
    await page.keyboard.press('Home');
    await expect(focusedRow).toHaveAttribute('aria-rowindex', '2');
    await page.keyboard.press('PageDown');
    await expect(focusedRow).toHaveAttribute('aria-rowindex', '12');
    await expect(page.locator('tbody button[tabindex="0"]')).toHaveCount(1);

    // A device whose newest file is a report: its checklist, read-only.
    const reported = expected.find((row) => row.deviceName?.startsWith('PC-0017'));
    expect(reported?.source).toBe('report');
    await page.getByTestId('fleet-filter-text').fill('pc-0017');
    await expect(tableRows(page).first().locator('[data-column="files"]')).toHaveText('2');
    await tableRows(page).first().getByRole('button').click();
    await expect(page.getByTestId('fleet-view')).toBeHidden();
    await expect(page.getByTestId('read-only-notice')).toHaveText(/^From a report file: read-only\./);
    await expect(page.getByTestId('report-header')).toContainText('Report file: PC-0017-again.json');
    await expect(page.getByTestId('report-header')).toContainText('PC-0017');
    // Nothing was checked now: the tally without a time (the header says when it was captured).
    await expect(page.getByTestId('run-status')).toContainText('passed');
    await expect(page.getByTestId('run-status')).not.toContainText('checked in');
    await expect(page.getByTestId('report-header')).toContainText('Captured');
    const checks = page.locator('li[data-check-id]');
    await expect(checks.first()).toBeVisible();
    for (const name of DEVICE_BUTTONS.slice(0, 3))
      await expect(page.getByRole('button', { name })).toHaveCount(0);
    // A step opens to its meaning and evidence, without re-run, fixes, tools or full output.
    await checks.first().getByRole('button').first().click();
    await expect(page.locator('[data-detail-section="evidence"]').first()).toBeVisible();
    await expect(page.getByRole('button', { name: 'Re-run this check' })).toHaveCount(0);
    await expect(page.getByRole('button', { name: /full output/ })).toHaveCount(0);
    await expect(page.locator('[data-detail-section="fixes"]')).toHaveCount(0);
    await expect(page.getByTestId('main-fix')).toHaveCount(0);

    // Back to the fleet, then a capture: the read-only label goes with the report.
    await page.getByRole('button', { name: 'Back to the fleet' }).click();
    await page.getByTestId('fleet-filter-text').fill('pc-0003');
    await tableRows(page).first().getByRole('button').click();
    await expect(page.getByTestId('report-header')).toContainText('PC-0003-again.json');
    await expect(page.getByTestId('read-only-notice')).toHaveCount(0);
    await expect(page.getByRole('button', { name: 'Re-run all' })).toBeVisible();
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
      // What the screenshot must show: the fleet's title and counts, both charts, the sorted table
      // from its first device, only the fleet's buttons, in the colour scheme asked for.
      await expect(page.locator('#fleet-heading')).toBeInViewport();
      await expect(page.getByTestId('fleet-counts')).toBeInViewport();
      await expect(page.getByRole('region', { name: 'Trust model used' })).toBeInViewport();
      await expect(page.getByRole('region', { name: 'First failing check' })).toBeInViewport();
      await expect(page.locator('th[data-column="deviceName"]')).toBeInViewport();
      await expect(tableRows(page).first()).toHaveAttribute('data-device', /^PC-0000/);
      for (const name of DEVICE_BUTTONS) await expect(page.getByRole('button', { name })).toHaveCount(0);
      const luminance = await backgroundLuminance(page, 'fleet-view');
      if (colorScheme === 'dark') expect(luminance).toBeLessThan(0.1);
      else expect(luminance).toBeGreaterThan(0.8);
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

      // A report file's checklist: the read-only label at the top, no device buttons.
      await page.getByTestId('fleet-filter-text').fill('pc-0017');
      await tableRows(page).first().getByRole('button').click();
      await expect(page.getByTestId('read-only-notice')).toBeInViewport();
      await expect(page.getByTestId('report-header')).toContainText('Report file: PC-0017-again.json');
      for (const name of DEVICE_BUTTONS.slice(0, 3))
        await expect(page.getByRole('button', { name })).toHaveCount(0);
      const after = await new AxeBuilder({ page }).analyze();
      expect(after.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual([]);
      await page.screenshot({ path: `${SCREENSHOT_DIR}/fleet-report-read-only-${colorScheme}.png` });
    });
  }
});
