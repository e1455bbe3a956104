// Page helpers that work in any window showing the renderer: the browser preview and the desktop
// app alike (no page.goto: the desktop app has one entry page and no query string to pass).
import { expect, type Page } from '@playwright/test';

/** "This device (live)", "Capture file: …" or "Practice scenario: …" in the report header. */
export function sourceFact(page: Page) {
  return page.getByTestId('report-header').locator('[data-fact="source"]');
}

/** Picks a practice scenario in the bar and waits until its checklist is on screen. */
export async function chooseScenario(page: Page, name: string): Promise<void> {
  const select = page.getByTestId('scenario-select');
  // The picker is disabled while a run (a live one at start, on Windows) is going on.
  await expect(select).toBeEnabled({ timeout: 120_000 });
  await select.selectOption(name);
  await expect(sourceFact(page)).toContainText('Practice scenario');
  await expect(select).toHaveValue(name);
  await expect(page.locator('li[data-check-id]').first()).toBeVisible();
}

/** Waits until the first checklist of the session is complete: rows shown, none still waiting. */
export async function waitForChecklist(page: Page, timeout: number): Promise<void> {
  await expect(page.locator('li[data-check-id]').first()).toBeVisible({ timeout });
  await expect(page.locator('li[data-check-id][aria-busy="true"]')).toHaveCount(0, { timeout });
  await expect(page.getByTestId('headline')).not.toBeEmpty();
}

/**
 * Runs in the page: the names the page's window has beyond those of a fresh same-origin frame,
 * i.e. what the app, its preload or an injected script added to the main world.
 */
export function globalsBeyondBlankFrame(): string[] {
  const frame = document.createElement('iframe');
  document.body.append(frame);
  const blank = frame.contentWindow;
  const baseline = new Set(blank ? Object.getOwnPropertyNames(blank) : []);
  frame.remove();
  return Object.getOwnPropertyNames(window).filter((name) => !baseline.has(name));
}

/** Runs in the page: which Node and Electron names the main world can reach (none, when isolated). */
export function nodeNamesInPage(): string[] {
  const names = ['require', 'process', 'module', 'exports', 'Buffer', 'global', 'ipcRenderer', 'electron'];
  return names.filter((name) => name in window);
}

/** Runs in the page: the own keys of `window.doctor`, sorted, and whether the object is frozen. */
export function doctorApiShape(): { keys: string[]; frozen: boolean; functions: boolean } | null {
  const api: unknown = Reflect.get(window, 'doctor');
  if (typeof api !== 'object' || api === null) return null;
  const keys = Object.keys(api).sort();
  return {
    keys,
    frozen: Object.isFrozen(api),
    functions: keys.every((key) => typeof Reflect.get(api, key) === 'function'),
  };
}

/**
 * Runs in the page: adds an inline <script> and reports whether it ran and which directive, if
 * any, the Content-Security-Policy said it violated.
 */
export async function tryInlineScript(): Promise<{ ran: boolean; violated: string | null }> {
  const marker = '__inlineScriptRan';
  let violated: string | null = null;
  const onViolation = (event: SecurityPolicyViolationEvent) => {
    violated = event.effectiveDirective;
  };
  document.addEventListener('securitypolicyviolation', onViolation);
  const script = document.createElement('script');
  script.textContent = `window.${marker} = true;`;
  document.head.append(script);
  // The violation event is queued as a task: give it one turn.
  await new Promise((resolve) => setTimeout(resolve, 100));
  document.removeEventListener('securitypolicyviolation', onViolation);
  script.remove();
  return { ran: Reflect.get(window, marker) === true, violated };
}
