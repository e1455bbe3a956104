// The HTML report as a technician opens it from a ticket: a file in a browser, no app, no
// network. It must load nothing, log no error, pass axe in light and dark, and print on white.
import AxeBuilder from '@axe-core/playwright';
import type { Report } from '@contract/report-types';
import { expect, type Page, test } from '@playwright/test';
import { tsImport } from 'tsx/esm/api';
import { expectedScenarioReport } from './engine-expectations';
import { backgroundColor } from './in-page';

type HtmlRenderer = typeof import('../../electron/engine/report/render-html');
const { renderHtml } = (await tsImport(
  '../../electron/engine/report/render-html.ts',
  import.meta.url,
)) as HtmlRenderer;

interface Watch {
  requests: string[];
  errors: string[];
}

/** Opens the page as a file would open, recording every request and every console error. */
async function openReport(page: Page, html: string): Promise<Watch> {
  const watch: Watch = { requests: [], errors: [] };
  page.on('request', (request) => watch.requests.push(request.url()));
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') watch.errors.push(message.text());
  });
  page.on('pageerror', (error) => watch.errors.push(error.message));
  await page.route('**/*', (route) => route.abort());
  await page.setContent(html, { waitUntil: 'load' });
  return watch;
}

async function seriousViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({ id: v.id, help: v.help, nodes: v.nodes.map((n) => n.target.join(' ')) }));
}

for (const colorScheme of ['light', 'dark'] as const) {
  test.describe(`${colorScheme} colour scheme`, () => {
    test.beforeEach(async ({ page }) => {
      await page.emulateMedia({ colorScheme });
    });

    for (const scenario of ['certificate-trust-enabled', 'clock-skew', 'healthy-hybrid']) {
      test(`the report of ${scenario} loads nothing, logs no error and passes axe`, async ({ page }) => {
        const watch = await openReport(page, renderHtml(expectedScenarioReport(scenario)));
        await expect(page.getByRole('heading', { level: 1, name: 'WHfB Doctor report' })).toBeVisible();
        expect(await seriousViolations(page)).toEqual([]);
        expect(watch.requests).toEqual([]);
        expect(watch.errors).toEqual([]);
      });
    }

    test('the background follows the reader’s colour scheme', async ({ page }) => {
      await openReport(page, renderHtml(expectedScenarioReport('clock-skew')));
      const expected = colorScheme === 'dark' ? 'rgb(28, 28, 28)' : 'rgb(255, 255, 255)';
      expect(await page.locator('body').evaluate(backgroundColor)).toBe(expected);
    });
  });
}

test('the chain picture lights the root cause and says the same in words', async ({ page }) => {
  await openReport(page, renderHtml(expectedScenarioReport('clock-skew')));
  const nodes = page.locator('[data-chain-node]');
  await expect(nodes).toHaveCount(8);
  await expect(page.locator('[data-chain-node="dc-line-of-sight"]')).toHaveAttribute('data-status', 'fail');
  await expect(page.locator('[data-chain-node="dc-line-of-sight"]')).toContainText('Root cause');
  await expect(page.locator('[data-chain-node="onprem-tgt"]')).toHaveAttribute('data-status', 'blocked');
  await expect(page.locator('.chain ol li')).toHaveText([
    'Device: Pass',
    'Policy: Pass',
    'Hello: Pass',
    'Entra ID (PRT): Pass',
    'Partial TGT: Pass',
    'Domain controller: Fail (root cause)',
    'Full TGT: Blocked',
    'File share: Skipped',
  ]);
  await expect(page.locator('tr[data-check-id="clock-skew"]')).toHaveAttribute('data-status', 'fail');
});

test('hostile text from command output is shown as text and runs nothing', async ({ page }) => {
  const report: Report = structuredClone(expectedScenarioReport('certificate-trust-enabled'));
  const hostile = '<img src="https://attacker.example/x.png" onerror="alert(1)"><script>alert(2)</script>';
  const [first] = report.checks;
  if (!first) throw new Error('the scenario has no checks');
  first.summary = `Windows says ${hostile}`;
  first.evidence = [
    { probeId: 'os-version', command: ['reg.exe', hostile], lines: [`\u001b[31m${hostile}`] },
  ];
  let dialogs = 0;
  page.on('dialog', async (dialog) => {
    dialogs += 1;
    await dialog.dismiss();
  });
  const watch = await openReport(page, renderHtml(report));
  await expect(page.locator('img, script, [onerror]')).toHaveCount(0);
  await expect(page.locator(`tr[data-check-id="${first.id}"]`)).toContainText(`Windows says ${hostile}`);
  await expect(page.locator(`#check-${first.id} pre`)).toHaveText(`␛[31m${hostile}`);
  expect(dialogs).toBe(0);
  expect(watch.requests).toEqual([]);
  expect(watch.errors).toEqual([]);
});

test('prints on white in the dark scheme', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'dark', media: 'print' });
  await openReport(page, renderHtml(expectedScenarioReport('certificate-trust-enabled')));
  expect(await page.locator('body').evaluate(backgroundColor)).toBe('rgb(255, 255, 255)');
  const pdf = await page.pdf({ format: 'A4' });
  expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
});
