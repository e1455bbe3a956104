// The chain picture: every node shows the engine's status for its part of the chain, the root
// cause is marked in words as well as drawn, and each node opens its step (by mouse and keyboard).

import { chainStates } from '@contract/chain-nodes';
import type { Report } from '@contract/report-types';
import { expect, type Page, test } from '@playwright/test';
import { STATUS_LABEL } from '../../renderer/src/lib/words';
import { openScenario, row, rowToggle } from './app-page';
import { expectedScenarioReport, SCENARIOS } from './engine-expectations';

const LIST_NAME = 'The chain, from this device to the file share';

function nodes(page: Page) {
  return page.locator('[data-chain-node]');
}

function node(page: Page, id: string) {
  return page.locator(`[data-chain-node="${id}"]`);
}

function expectedNodes(report: Report) {
  const root = report.headline.status === 'fail' ? report.headline.checkId : null;
  return { root, states: chainStates(report.checks, root) };
}

for (const scenario of SCENARIOS) {
  test(`scenario ${scenario.name}: the chain shows the engine's status for every node`, async ({ page }) => {
    const report = expectedScenarioReport(scenario.name);
    const { root, states } = expectedNodes(report);
    await openScenario(page, scenario.name);

    const shown = await nodes(page).evaluateAll((links) =>
      links.map((link) => [
        link.getAttribute('data-chain-node'),
        link.getAttribute('data-status'),
        link.getAttribute('data-root') === 'true',
      ]),
    );
    expect(shown).toEqual(states.map((n) => [n.id, n.status, n.root]));

    // Screen readers get a list of eight links, each naming its node and status.
    const list = page.getByRole('list', { name: LIST_NAME });
    await expect(list.getByRole('listitem')).toHaveCount(states.length);
    for (const state of states) {
      await expect(node(page, state.id)).toHaveAccessibleName(
        new RegExp(`^${state.label.replace(/[()]/g, '\\$&')}: ${STATUS_LABEL[state.status]}`),
      );
    }

    // The root cause: marked on exactly its node, in words (caption and name), not by colour alone.
    const marked = page.locator('[data-chain-node][data-root="true"]');
    const rootNode = states.find((n) => n.root);
    if (rootNode && root) {
      await expect(marked).toHaveCount(1);
      await expect(marked).toHaveAttribute('data-chain-node', rootNode.id);
      await expect(marked).toHaveAccessibleName(/, (root cause|cannot judge)$/);
      await expect(marked).toContainText(/Root cause|Cannot judge/);

      // Clicking it opens the root cause's row and gives it focus.
      await marked.click();
      await expect(rowToggle(page, root)).toHaveAttribute('aria-expanded', 'true');
      await expect(rowToggle(page, root)).toBeFocused();
      await expect(row(page, root).locator(`[data-detail-for="${root}"]`)).toBeVisible();
    } else {
      await expect(marked).toHaveCount(0);
    }
  });
}

test('every node opens a step of its own part of the chain, with that status', async ({ page }) => {
  const report = expectedScenarioReport('certificate-trust-enabled');
  const { states } = expectedNodes(report);
  const status = new Map(report.checks.map((c) => [c.id, c.status]));
  await openScenario(page, 'certificate-trust-enabled');
  for (const state of states) {
    const link = node(page, state.id);
    const opens = await link.getAttribute('data-opens');
    expect(state.checks).toContain(opens);
    expect(status.get(opens as Report['checks'][number]['id'])).toBe(state.status);
    await link.click();
    await expect(rowToggle(page, opens as string)).toBeFocused();
    await expect(rowToggle(page, opens as string)).toHaveAttribute('aria-expanded', 'true');
    await expect(row(page, opens as string)).toBeInViewport();
  }
});

test('the keyboard reaches the nodes after the verdict, arrows move along them, Enter opens a step', async ({
  page,
}) => {
  const report = expectedScenarioReport('no-dc-line-of-sight');
  const ids = expectedNodes(report).states.map((n) => n.id);
  await openScenario(page, 'no-dc-line-of-sight');

  // From the verdict's last control, the next Tab stop is the first node.
  await page.getByRole('button', { name: 'Why this trust model' }).focus();
  await page.keyboard.press('Tab');
  await expect(node(page, ids[0] as string)).toBeFocused();
  await page.keyboard.press('ArrowRight');
  await expect(node(page, ids[1] as string)).toBeFocused();
  await page.keyboard.press('End');
  await expect(node(page, ids.at(-1) as string)).toBeFocused();
  await page.keyboard.press('ArrowLeft');
  await expect(node(page, ids.at(-2) as string)).toBeFocused();
  await page.keyboard.press('Home');
  await expect(node(page, ids[0] as string)).toBeFocused();

  // To the domain controller (the broken link) and open it with Enter.
  const dc = node(page, 'dc-line-of-sight');
  for (let press = 0; press < ids.indexOf('dc-line-of-sight'); press += 1)
    await page.keyboard.press('ArrowRight');
  await expect(dc).toBeFocused();
  await page.keyboard.press('Enter');
  const opened = (await dc.getAttribute('data-opens')) as string;
  await expect(rowToggle(page, opened)).toBeFocused();
  await expect(rowToggle(page, opened)).toHaveAttribute('aria-expanded', 'true');
});

test('a passed node still opens its step while "Problems only" hides the passed rows', async ({ page }) => {
  await openScenario(page, 'certificate-trust-enabled');
  await page.getByRole('switch', { name: 'Problems only' }).check();
  await expect(row(page, 'prt')).toHaveCount(0);
  await node(page, 'prt').click();
  await expect(rowToggle(page, 'prt')).toBeFocused();
  await expect(rowToggle(page, 'prt')).toHaveAttribute('aria-expanded', 'true');
});
