// Benchmark (not a test) of the renderer: bundle size, and the time from navigation to the first
// complete checklist in the browser preview (Chromium, median of 5 cold page loads).
// Expects the renderer built (`npm run build:renderer`); run with `npm run bench:app`.

import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from '@playwright/test';
import { RENDERER_DIR, startPreviewServer } from '../electron/preview/preview-server';

// The page-side predicate runs in Chromium; the Node project has no DOM types, so declare what it uses.
declare const document: {
  querySelectorAll(selector: string): Iterable<{ hasAttribute(name: string): boolean }>;
};

const RUNS = 5;
const SCENARIO = 'healthy-hybrid';

function kb(bytes: number): string {
  return `${(bytes / 1024).toFixed(1)} KB`.padStart(10);
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

async function bundleSizes(): Promise<void> {
  const assets = path.join(RENDERER_DIR, 'assets');
  let files: string[];
  try {
    files = (await readdir(assets)).sort();
  } catch {
    throw new Error(`no built renderer in ${RENDERER_DIR}: run \`npm run build:renderer\` first`);
  }
  const totals: Record<string, { raw: number; gzip: number }> = {};
  console.log('Renderer bundle (.vite/renderer/main_window/assets):');
  console.log(`${'file'.padEnd(36)}${'raw'.padStart(10)}${'gzip'.padStart(10)}`);
  for (const file of files) {
    const kind = path.extname(file).slice(1);
    if (kind !== 'js' && kind !== 'css') continue;
    const content = await readFile(path.join(assets, file));
    const gzip = gzipSync(content, { level: 9 }).length;
    const total = totals[kind] ?? { raw: 0, gzip: 0 };
    totals[kind] = { raw: total.raw + content.length, gzip: total.gzip + gzip };
    console.log(`${file.padEnd(36)}${kb(content.length)}${kb(gzip)}`);
  }
  for (const [kind, total] of Object.entries(totals)) {
    console.log(`${`total ${kind}`.padEnd(36)}${kb(total.raw)}${kb(total.gzip)}`);
  }
}

async function timeToChecklist(): Promise<void> {
  const preview = await startPreviewServer({ port: 0 });
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'],
  });
  try {
    const times: number[] = [];
    // One unmeasured load first, so the first measured run does not pay for Chromium's own start-up.
    for (let run = 0; run <= RUNS; run += 1) {
      const context = await browser.newContext({ viewport: { width: 1024, height: 700 } });
      const page = await context.newPage();
      await page.goto(`${preview.url}?scenario=${SCENARIO}`, { waitUntil: 'commit' });
      // Polled every animation frame inside the page: the value is ms since navigation started.
      const done = await page.waitForFunction(
        () => {
          const rows = [...document.querySelectorAll('li[data-check-id]')];
          return rows.length > 0 && rows.every((row) => row.hasAttribute('data-status'))
            ? performance.now()
            : false;
        },
        undefined,
        { polling: 'raf', timeout: 30_000 },
      );
      const ms = (await done.jsonValue()) as number;
      if (run > 0) times.push(ms);
      await context.close();
    }
    console.log('');
    console.log(`Navigation → complete checklist (${SCENARIO}, ${RUNS} cold loads, Chromium):`);
    console.log(`  runs:   ${times.map((t) => `${t.toFixed(0)} ms`).join(', ')}`);
    console.log(`  median: ${median(times).toFixed(0)} ms`);
  } finally {
    await browser.close();
    await preview.close();
  }
}

async function main(): Promise<void> {
  await bundleSizes();
  await timeToChecklist();
}

main().catch((error: unknown) => {
  console.error(`bench: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
