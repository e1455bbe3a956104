// The checklist at start: live on Windows (this device, as the signed-in user), a practice
// scenario elsewhere, exactly as the engine decides it.
import { CHECK_IDS } from '@contract/types';
import { row, rowStatuses } from '../e2e/app-page';
import { expectedScenarioReport, SCENARIOS } from '../e2e/engine-expectations';
import { sourceFact, waitForChecklist } from '../e2e/shared-page';
import { expect, test } from './desktop-app';

// Every probe may take its whole timeout on a device without line of sight to a DC.
const LIVE_RUN_MS = 150_000;
const STATUSES = ['pass', 'warn', 'fail', 'blocked', 'unknown', 'skip'];

test('the checklist runs at start: live on Windows, a practice scenario elsewhere', async ({ appWindow }) => {
  if (process.platform === 'win32') {
    await expect(sourceFact(appWindow)).toHaveText('This device (live)', { timeout: LIVE_RUN_MS });
    await waitForChecklist(appWindow, LIVE_RUN_MS);
    await expect(appWindow.getByTestId('live-notice')).toHaveCount(0);
    const rows = await rowStatuses(appWindow);
    expect(rows.map(([id]) => id)).toEqual([...CHECK_IDS]);
    for (const [id, status] of rows) expect(STATUSES, `status of ${id}`).toContain(status);
    // Where the device's state is known (a CI runner is a workgroup machine), say which step breaks.
    const rootCause = process.env.WHFB_EXPECTED_ROOT_CAUSE;
    if (rootCause) {
      await expect(row(appWindow, rootCause)).toHaveAttribute('data-status', 'fail');
      await expect(appWindow.getByTestId('headline')).toContainText('Broken link');
    }
    return;
  }
  const first = SCENARIOS[0];
  if (!first) throw new Error('no built-in scenario');
  await waitForChecklist(appWindow, 30_000);
  await expect(appWindow.getByTestId('live-notice')).toBeVisible();
  await expect(appWindow.getByTestId('scenario-select')).toHaveValue(first.name);
  const report = expectedScenarioReport(first.name);
  await expect(appWindow.getByTestId('headline')).toHaveText(report.headline.text);
  expect(await rowStatuses(appWindow)).toEqual(report.checks.map((check) => [check.id, check.status]));
});
