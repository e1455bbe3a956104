// What a screenshot must show, asserted before it is taken: the theme's colours (read from the
// computed style, so a dark picture really is dark), the verdict and headline the engine decides,
// and every row's status badge. A picture that shows the wrong thing then fails the run instead of
// being looked at later.
import { expect, type Page } from '@playwright/test';
import { tsImport } from 'tsx/esm/api';
import { expectedScenarioReport } from './engine-expectations';

type Words = typeof import('../../renderer/src/lib/words');
const words = (await tsImport('../../renderer/src/lib/words.ts', import.meta.url)) as Words;

/** Relative luminance (WCAG) of a computed CSS colour such as "rgb(36, 36, 36)". */
function luminance(color: string): number {
  const [r = 0, g = 0, b = 0] = (color.match(/[\d.]+/g) ?? []).slice(0, 3).map(Number);
  const linear = (c: number) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b);
}

/** The app paints in the scheme asked for: dark background and light text, or the other way round. */
export async function expectColorScheme(page: Page, colorScheme: 'light' | 'dark'): Promise<void> {
  const painted = await page.evaluate(() => {
    const root = document.querySelector('.fui-FluentProvider') ?? document.body;
    const style = getComputedStyle(root);
    return {
      background: style.backgroundColor,
      text: style.color,
      scheme: document.documentElement.style.colorScheme,
    };
  });
  expect(painted.scheme).toBe(colorScheme);
  const background = luminance(painted.background);
  const text = luminance(painted.text);
  if (colorScheme === 'dark') {
    expect(background, `dark background (${painted.background})`).toBeLessThan(0.1);
    expect(text, `light text (${painted.text})`).toBeGreaterThan(0.6);
  } else {
    expect(background, `light background (${painted.background})`).toBeGreaterThan(0.9);
    expect(text, `dark text (${painted.text})`).toBeLessThan(0.1);
  }
}

/** The verdict reads as the engine decides for the scenario: its label, headline and root-cause row. */
export async function expectVerdict(page: Page, scenario: string): Promise<void> {
  const { headline } = expectedScenarioReport(scenario);
  const kind = words.verdictKind(headline);
  const verdict = page.getByTestId('verdict');
  await expect(verdict).toHaveAttribute('data-verdict', kind);
  await expect(verdict).toContainText(words.VERDICT_LABEL[kind]);
  await expect(page.getByTestId('headline')).toHaveText(words.verdictText(headline));
  const rows = page.locator('li[data-check-id][data-headline="true"]');
  if (headline.checkId && (headline.status === 'fail' || headline.status === 'warn')) {
    await expect(rows).toHaveCount(1);
    await expect(rows).toHaveAttribute('data-check-id', headline.checkId);
    await expect(rows).toContainText(words.headlineRowTag(headline));
  } else {
    await expect(rows).toHaveCount(0);
  }
}

/** Each shown row carries the engine's status and its badge says it in words. */
export async function expectRowBadges(page: Page, scenario: string): Promise<void> {
  const { checks } = expectedScenarioReport(scenario);
  const shown = page.locator('li[data-check-id]');
  const ids = await shown.evaluateAll((rows) => rows.map((r) => r.getAttribute('data-check-id') ?? ''));
  expect(ids.length).toBeGreaterThan(0);
  for (const id of ids) {
    const check = checks.find((c) => c.id === id);
    expect(check, `row ${id} is a check of the report`).toBeDefined();
    const row = page.locator(`li[data-check-id="${id}"]`);
    await expect(row).toHaveAttribute('data-status', check?.status ?? '');
    await expect(row.locator('[data-row-toggle]')).toContainText(words.STATUS_LABEL[check?.status ?? 'pass']);
  }
}

/** The whole first screen of a scenario: theme, verdict, and the badge on every row. */
export async function expectScenarioScreen(
  page: Page,
  scenario: string,
  colorScheme: 'light' | 'dark',
): Promise<void> {
  await expectColorScheme(page, colorScheme);
  await expectVerdict(page, scenario);
  await expectRowBadges(page, scenario);
}
