// Every built-in scenario shows exactly the engine's verdict, row by row.
import { expect, test } from '@playwright/test';
import { openScenario, rowStatuses } from './app-page';
import { expectedScenarioReport, SCENARIOS } from './engine-expectations';

for (const scenario of SCENARIOS) {
  test(`scenario ${scenario.name}: rows and headline match the engine`, async ({ page }) => {
    const report = expectedScenarioReport(scenario.name);
    await openScenario(page, scenario.name);

    expect(await rowStatuses(page)).toEqual(report.checks.map((check) => [check.id, check.status]));
    // Who runs the app decides nothing about the device: that verdict says it cannot judge, not "Broken".
    const cannotJudge = report.headline.status === 'fail' && report.headline.checkId === 'user-context';
    const verdict = page.getByTestId('verdict');
    await expect(page.getByTestId('headline')).toHaveText(
      cannotJudge ? report.headline.text.replace(/^Broken link:\s*/, '') : report.headline.text,
    );
    if (cannotJudge) {
      await expect(verdict).toHaveAttribute('data-verdict', 'cannot-judge');
      await expect(verdict).toContainText('Cannot judge from here');
      await expect(verdict).not.toContainText('Broken');
    } else {
      await expect(verdict).toHaveAttribute('data-verdict', report.headline.status);
    }
    await expect(page.getByTestId('report-header').locator('[data-fact="source"]')).toHaveText(
      `Practice scenario: ${scenario.title}`,
    );
    // The description stays folded away (it would cost rows) until asked for.
    const description = page.getByTestId('scenario-description');
    await expect(description).toBeHidden();
    await page.getByRole('button', { name: 'About this scenario' }).click();
    await expect(description).toBeVisible();
    await expect(description).toHaveText(scenario.description);

    // The first broken link is marked as such, and only that row.
    const headlineRows = page.locator('li[data-headline="true"]');
    if (report.headline.status === 'fail' || report.headline.status === 'warn') {
      await expect(headlineRows).toHaveCount(1);
      await expect(headlineRows).toHaveAttribute('data-check-id', report.headline.checkId ?? '');
    } else {
      await expect(headlineRows).toHaveCount(0);
    }

    // Blocked rows name the step that blocks them and say where it is in the list.
    const position = new Map(report.checks.map((c, index) => [c.id, index]));
    for (const check of report.checks.filter((c) => c.status === 'blocked' && c.blockedBy)) {
      const blocker = report.checks.find((c) => c.id === check.blockedBy);
      const where =
        (position.get(check.blockedBy as typeof check.id) ?? 0) < (position.get(check.id) ?? 0)
          ? 'above'
          : 'below';
      await expect(page.locator(`li[data-check-id="${check.id}"]`)).toContainText(
        `Blocked by ${blocker?.title}, ${where}`,
      );
    }
  });
}

test('the scenario picker switches scenarios and announces the result', async ({ page }) => {
  await openScenario(page, 'healthy-hybrid');
  const other = SCENARIOS.find((s) => s.name !== 'healthy-hybrid');
  if (!other) throw new Error('needs two scenarios');
  const report = expectedScenarioReport(other.name);
  await page.getByLabel('Practice scenario').selectOption(other.name);
  // Two healthy devices share a headline: wait for the new source before reading the rows.
  await expect(page.getByTestId('report-header').locator('[data-fact="source"]')).toHaveText(
    `Practice scenario: ${other.title}`,
  );
  await expect(page.getByTestId('headline')).toHaveText(report.headline.text);
  expect(await rowStatuses(page)).toEqual(report.checks.map((check) => [check.id, check.status]));
  await expect(page.getByTestId('announcer')).toContainText('Checks complete:');
});

test('an unknown ?scenario= says so and still opens the first scenario', async ({ page }) => {
  await page.goto('/?scenario=no-such-device');
  await expect(page.getByRole('alert')).toContainText('no scenario "no-such-device"');
  const first = SCENARIOS[0];
  if (!first) throw new Error('no scenarios');
  await expect(page.getByTestId('headline')).toHaveText(expectedScenarioReport(first.name).headline.text);
});

test('without live support the app says why and offers no live button', async ({ page }) => {
  await openScenario(page, 'healthy-hybrid');
  await expect(page.getByTestId('live-notice')).toHaveText(
    'This is not a Windows device (or this is the browser preview): practise with the built-in scenarios or open a capture file.',
  );
  await expect(page.getByRole('button', { name: 'Check this device' })).toHaveCount(0);
});
