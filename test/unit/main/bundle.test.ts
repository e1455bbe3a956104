// Builds the main and preload bundles for real (standalone and through Forge's Vite plugin config)
// and runs them: the main bundle in plain Node with a fake 'electron', the preload in a sandbox-like
// context that can require nothing but 'electron'.

import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import vm from 'node:vm';
import { API_METHODS, channelOf } from '@contract/api-channels';
import { build, type InlineConfig, type UserConfig } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const repo = fileURLToPath(new URL('../../../', import.meta.url));
const driver = fileURLToPath(new URL('./fixtures/run-main-bundle.cjs', import.meta.url));
const CSP = "default-src 'none'; script-src 'self'";
const builtins = new Set(builtinModules.flatMap((name) => [name, `node:${name}`]));

let out: string;
beforeAll(() => {
  out = mkdtempSync(path.join(tmpdir(), 'whfb-bundle-'));
});
afterAll(() => rmSync(out, { recursive: true, force: true }));

/** Lays out a build like the packaged app: build/main.cjs, build/preload.cjs, renderer/main_window/. */
function appFolder(name: string): string {
  const folder = path.join(out, name);
  const renderer = path.join(folder, 'renderer', 'main_window');
  mkdirSync(renderer, { recursive: true });
  writeFileSync(
    path.join(renderer, 'index.html'),
    `<html><head><meta http-equiv="Content-Security-Policy" content="${CSP}"></head></html>`,
  );
  writeFileSync(path.join(folder, 'secret.txt'), 'secret');
  return path.join(folder, 'build');
}

async function viteBuild(config: InlineConfig): Promise<void> {
  await build({ ...config, root: repo, logLevel: 'silent' });
}

function requiresOf(code: string): string[] {
  return [
    ...new Set([...code.matchAll(/require\(\s*["'`]([^"'`]+)["'`]\s*\)/g)].map((m) => m[1] ?? '')),
  ].sort();
}

interface DriverReport {
  required: string[];
  calls: string[];
  channels: string[];
  appListeners: string[];
  windows: { options: { webPreferences: Record<string, unknown> }; loaded: string[] }[];
  index: { status: number; type: string; csp: string };
  traversal: number;
  info: { mode: string; liveSupported: boolean };
  evil: { error?: string };
  invalid: { error?: string };
  run: { ok: boolean; checks: number } | string | null;
}

function runMainBundle(file: string): DriverReport {
  return JSON.parse(execFileSync(process.execPath, [driver, file], { encoding: 'utf8', timeout: 60_000 }));
}

/** Runs the preload like a sandboxed renderer would: only 'electron' can be required. */
function runPreloadBundle(file: string): Record<string, unknown> {
  const exposed: Record<string, unknown> = {};
  const electron = {
    contextBridge: {
      exposeInMainWorld: (key: string, api: unknown) => {
        exposed[key] = api;
      },
    },
    ipcRenderer: { invoke: async () => undefined, on: () => {}, removeListener: () => {} },
  };
  const require = (name: string) => {
    if (name === 'electron') return electron;
    throw new Error(`a sandboxed preload cannot require ${name}`);
  };
  const module = { exports: {} };
  vm.runInNewContext(readFileSync(file, 'utf8'), { require, module, exports: module.exports, console });
  return exposed;
}

function expectWorkingApp(report: DriverReport): void {
  // Only Node built-ins and electron: every npm dependency is inside the bundle.
  expect(report.required.filter((name) => !builtins.has(name))).toEqual(['electron']);
  expect(report.calls.indexOf('enableSandbox')).toBeLessThan(report.calls.indexOf('loaded'));
  expect(report.calls.some((c) => c.startsWith('registerSchemesAsPrivileged:'))).toBe(true);
  expect(report.calls).toEqual(
    expect.arrayContaining([
      'setPermissionRequestHandler',
      'setPermissionCheckHandler',
      'setApplicationMenu',
    ]),
  );
  expect(report.channels).toEqual(API_METHODS.map(channelOf).sort());
  expect(report.appListeners).toEqual(expect.arrayContaining(['web-contents-created', 'second-instance']));
  expect(report.windows).toHaveLength(1);
  expect(report.windows[0]?.loaded).toEqual(['app://main/index.html']);
  expect(report.windows[0]?.options.webPreferences).toMatchObject({
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    devTools: false,
  });
  expect(String(report.windows[0]?.options.webPreferences.preload)).toMatch(/build[\\/]preload\.cjs$/);
  expect(report.index).toEqual({ status: 200, type: 'text/html; charset=utf-8', csp: CSP });
  expect(report.traversal).toBe(404);
  expect(report.info).toEqual({ mode: 'electron', liveSupported: process.platform === 'win32' });
  expect(report.evil).toEqual({ ok: false, error: { code: 'refused', message: 'unauthorized sender' } });
  expect(report.invalid).toMatchObject({
    ok: false,
    error: { code: 'invalid-arguments', message: expect.stringMatching(/^runChecklist: /) },
  });
  expect(report.run).toMatchObject({ ok: true });
}

function expectExactPreloadApi(exposed: Record<string, unknown>): void {
  expect(Object.keys(exposed)).toEqual(['doctor']);
  expect(Object.keys(exposed.doctor as object).sort()).toEqual(
    [...API_METHODS, 'onMenuCommand', 'onProgress'].sort(),
  );
}

describe('npm run build:main (the standalone Vite configs)', () => {
  let buildDir: string;
  beforeAll(async () => {
    buildDir = appFolder('standalone');
    await viteBuild({ configFile: path.join(repo, 'electron/vite.config.ts'), build: { outDir: buildDir } });
    await viteBuild({
      configFile: path.join(repo, 'electron/vite.preload.config.ts'),
      build: { outDir: buildDir },
    });
  }, 120_000);

  it('emits CommonJS bundles named .cjs (package.json has "type": "module")', () => {
    const main = readFileSync(path.join(buildDir, 'main.cjs'), 'utf8');
    const preload = readFileSync(path.join(buildDir, 'preload.cjs'), 'utf8');
    expect(requiresOf(main).filter((name) => !builtins.has(name))).toEqual(['electron']);
    expect(main).not.toMatch(/require\(["'`](execa|zod|iconv-lite|fast-xml-parser)["'`]\)/);
    expect(main).not.toContain('import.meta');
    expect(requiresOf(preload)).toEqual(['electron']);
    // The preload carries channel names, not the contract's schemas.
    expect(preload.length).toBeLessThan(4000);
    expect(preload).not.toMatch(/zod|safeParse/);
  });

  it('the main bundle starts, serves app://, answers IPC and refuses strangers', () => {
    expectWorkingApp(runMainBundle(path.join(buildDir, 'main.cjs')));
  });

  it('the preload exposes exactly window.doctor with the API', () => {
    expectExactPreloadApi(runPreloadBundle(path.join(buildDir, 'preload.cjs')));
  });
});

describe("Forge's Vite plugin with forge.config.ts", () => {
  let buildDir: string;
  let configs: UserConfig[];
  beforeAll(async () => {
    buildDir = appFolder('forge');
    const forgeConfig = (await import('../../../forge.config')).default;
    const plugin = forgeConfig.plugins?.find(
      (p): p is typeof p & { config: unknown } => (p as { name?: string }).name === 'vite',
    );
    // Forge's own resolver (not exported by the package, so imported by path).
    const generatorUrl = pathToFileURL(
      path.join(repo, 'node_modules/@electron-forge/plugin-vite/dist/ViteConfig.js'),
    );
    const { default: ViteConfigGenerator } = await import(generatorUrl.href);
    configs = await new ViteConfigGenerator(plugin?.config, repo, true).getBuildConfigs();
    for (const config of configs) {
      await viteBuild({ ...config, configFile: false, build: { ...config.build, outDir: buildDir } });
    }
  }, 120_000);

  it('keeps the names Forge injects (our config defines nothing under Forge)', () => {
    expect(configs).toHaveLength(2);
    expect(configs[0]?.define).toMatchObject({ MAIN_WINDOW_VITE_NAME: JSON.stringify('main_window') });
  });

  it('builds main.cjs and preload.cjs that work like the standalone ones', () => {
    expectWorkingApp(runMainBundle(path.join(buildDir, 'main.cjs')));
    expectExactPreloadApi(runPreloadBundle(path.join(buildDir, 'preload.cjs')));
  });
});
