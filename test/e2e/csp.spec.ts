// The page's Content-Security-Policy: the built index.html keeps the strict policy (scripts from
// 'self' only), and the dev server (`npm start`) runs the app under that same script policy —
// the React Fast Refresh preamble included — without a single violation.
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test } from '@playwright/test';
import { createServer, type ViteDevServer } from 'vite';
import { extractMetaCsp } from '../../electron/main/content-security-policy';

const repoFile = (path: string) => fileURLToPath(new URL(`../../${path}`, import.meta.url));
const SOURCE_HTML = readFileSync(repoFile('renderer/index.html'), 'utf8');
const DEV_PORT = 5198;

function directives(policy: string): Map<string, string> {
  return new Map(
    policy
      .split(';')
      .map((part) => part.trim())
      .filter(Boolean)
      .map((part) => {
        const [name = '', ...values] = part.split(/\s+/);
        return [name, values.join(' ')] as [string, string];
      }),
  );
}

/** Every <script> in the page, and whether it has a src (an inline script would need 'unsafe-inline'). */
function scripts(html: string): { src: string | null; inline: string }[] {
  return [...html.replace(/<!--[\s\S]*?-->/g, '').matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)].map(
    (m) => ({
      src: /\ssrc="([^"]*)"/.exec(m[1] ?? '')?.[1] ?? null,
      inline: (m[2] ?? '').trim(),
    }),
  );
}

test('the built index.html keeps the strict policy and has no inline script', () => {
  const built = readFileSync(repoFile('.vite/renderer/main_window/index.html'), 'utf8');
  const policy = extractMetaCsp(built);
  expect(policy).toBe(extractMetaCsp(SOURCE_HTML));
  const parsed = directives(policy ?? '');
  expect(parsed.get('script-src')).toBe("'self'");
  expect(parsed.get('default-src')).toBe("'none'");
  expect(parsed.has('worker-src')).toBe(false);
  expect(policy).not.toContain('unsafe-eval');
  expect(parsed.get('script-src')).not.toContain('unsafe-inline');
  const found = scripts(built);
  expect(found.length).toBeGreaterThan(0);
  for (const script of found) {
    expect(script.src).not.toBeNull();
    expect(script.inline).toBe('');
  }
});

test.describe('the dev server', () => {
  test.describe.configure({ timeout: 180_000 });
  let server: ViteDevServer | null = null;

  test.beforeAll(async () => {
    server = await createServer({
      configFile: repoFile('renderer/vite.config.ts'),
      cacheDir: join(tmpdir(), 'whfb-doctor-vite-dev-e2e'),
      server: { host: '127.0.0.1', port: DEV_PORT, strictPort: true },
      logLevel: 'error',
    });
    await server.listen();
  });

  test.afterAll(async () => {
    await server?.close();
  });

  test("serves the app under script-src 'self' with no violation", async ({ page }) => {
    const origin = `http://127.0.0.1:${DEV_PORT}`;
    const html = await (await fetch(`${origin}/`)).text();
    const policy = extractMetaCsp(html);
    expect(directives(policy ?? '').get('script-src')).toBe("'self'");
    for (const script of scripts(html)) expect(script.inline, 'inline script in the dev page').toBe('');

    // Send the page's own policy as a header too, as the packaged app does: a header also covers
    // the scripts Vite puts before the <meta> tag.
    await page.route(`${origin}/`, async (route) => {
      const response = await route.fetch();
      const body = await response.text();
      await route.fulfill({
        response,
        body,
        headers: { ...response.headers(), 'content-security-policy': extractMetaCsp(body) ?? '' },
      });
    });
    const violations: string[] = [];
    page.on('console', (message) => {
      if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
    });
    await page.goto(`${origin}/`);
    // React rendered the shell: the module scripts ran (the Fast Refresh preamble first, or React
    // would have refused to start in development).
    await expect(page.getByRole('heading', { name: 'WHfB Doctor', level: 1 })).toBeVisible({
      timeout: 120_000,
    });
    expect(violations).toEqual([]);
  });
});
