// A fix's dialog in the desktop app: it opens, says what the fix does and costs, and closes on
// Cancel without running anything. (Nothing is ever run here: on Windows a fix would act.)
import { fixCard, fixDialog, rowStatuses, rowToggle } from '../e2e/app-page';
import { expectedScenarioReport } from '../e2e/engine-expectations';
import { chooseScenario } from '../e2e/shared-page';
import { expect, test } from './desktop-app';

const SCENARIO = 'password-sign-in';
const FIX = 'lock-and-sign-in-with-pin';

test('a fix dialog opens, says what it costs, and Cancel runs nothing', async ({ appWindow }) => {
  await chooseScenario(appWindow, SCENARIO);
  const check = expectedScenarioReport(SCENARIO).checks.find(
    (candidate) => candidate.fixes.includes(FIX) && candidate.status === 'fail',
  );
  if (!check) throw new Error(`${SCENARIO} has no failing check offering ${FIX}`);
  const before = await rowStatuses(appWindow);

  await rowToggle(appWindow, check.id).click();
  await fixCard(appWindow, check.id, FIX).getByRole('button', { name: 'Run fix…' }).click();
  const dialog = appWindow.getByRole('dialog', { name: 'Lock and sign in with the PIN' });
  await expect(dialog).toBeVisible();
  await expect(dialog).toHaveAttribute('aria-modal', 'true');
  await expect(dialog).toContainText('What it costs you');
  await dialog.getByRole('button', { name: 'Cancel' }).click();

  await expect(fixDialog(appWindow)).toHaveCount(0);
  expect(await rowStatuses(appWindow)).toEqual(before);
  await expect(appWindow.getByTestId('fix-history')).toHaveCount(0);
});
