// The layer rules of docs/architecture.md hold for the real tree, and `npm run lint` fails on a
// wrong import: a temporary copy of electron/ and renderer/src/ gets one and the check says which rule.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { checkLayers, formatViolation } from '../../../scripts/check-layers';
import { layerOf } from '../../../scripts/layer-rules';

const REPO_ROOT = path.resolve(import.meta.dirname, '../../..');
const TSX_CLI = createRequire(import.meta.url).resolve('tsx/cli');
const temps: string[] = [];

/** A copy of the layered folders to break on purpose, with one plain file in each layer to import. */
function copyOfTree(): string {
  const root = mkdtempSync(path.join(tmpdir(), 'layers-'));
  temps.push(root);
  cpSync(path.join(REPO_ROOT, 'electron'), path.join(root, 'electron'), { recursive: true });
  cpSync(path.join(REPO_ROOT, 'renderer/src'), path.join(root, 'renderer/src'), { recursive: true });
  cpSync(path.join(REPO_ROOT, 'package.json'), path.join(root, 'package.json'));
  for (const folder of [
    'electron/contract',
    'electron/engine',
    'electron/host',
    'electron/api',
    'renderer/src',
  ]) {
    mkdirSync(path.join(root, folder), { recursive: true });
    writeFileSync(path.join(root, folder, 'fixture-target.ts'), 'export const target = 1;\n');
  }
  return root;
}

function runCheck(root: string) {
  return spawnSync(process.execPath, [TSX_CLI, 'scripts/check-layers.ts', root], {
    cwd: REPO_ROOT,
    encoding: 'utf8',
  });
}

afterEach(() => {
  for (const dir of temps.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('layers', () => {
  it('the real tree imports only what each layer allows', () => {
    const report = checkLayers(REPO_ROOT);
    expect(report.violations.map(formatViolation)).toEqual([]);
    expect(report.files).toBeGreaterThan(200);
  });

  it('is part of npm run lint', () => {
    const pkg = JSON.parse(readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8'));
    expect(pkg.scripts.lint).toContain('tsx scripts/check-layers.ts');
  });

  it('puts the folders in their layers', () => {
    expect(layerOf('electron/contract/types.ts')?.name).toBe('contract');
    expect(layerOf('electron/engine/checks/check-prt.ts')?.name).toBe('engine');
    expect(layerOf('electron/host/command-funnel.ts')?.name).toBe('host');
    expect(layerOf('electron/api/dispatch.ts')?.name).toBe('api');
    expect(layerOf('electron/preview/static-files.ts')?.name).toBe('preview');
    expect(layerOf('electron/cli/cli.ts')?.name).toBe('cli');
    expect(layerOf('renderer/src/main.tsx')?.name).toBe('renderer');
    expect(layerOf('electron/vite.config.ts')).toBeUndefined();
  });

  it('fails on an engine file that imports Node, the host or the renderer', () => {
    const root = copyOfTree();
    writeFileSync(
      path.join(root, 'electron/engine/wrong.ts'),
      [
        "import { readFileSync } from 'node:fs';",
        "import { target as host } from '../host/fixture-target';",
        "import { target as renderer } from '../../renderer/src/fixture-target';",
        "import { ipcMain } from 'electron';",
        'export const wrong = [readFileSync, host, renderer, ipcMain];',
        '',
      ].join('\n'),
    );
    const result = runCheck(root);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain("electron/engine/wrong.ts:1 layers/node-builtin: 'node:fs'");
    expect(result.stderr).toContain('electron/engine/wrong.ts:2 layers/import-not-allowed');
    expect(result.stderr).toContain('not host (electron/host/fixture-target.ts)');
    expect(result.stderr).toContain('electron/engine/wrong.ts:3 layers/import-not-allowed');
    expect(result.stderr).toContain("electron/engine/wrong.ts:4 layers/package-not-allowed: 'electron'");
  });

  it('fails on a renderer file that imports the engine, even for a type', () => {
    const root = copyOfTree();
    writeFileSync(
      path.join(root, 'renderer/src/wrong.ts'),
      "export type Engine = typeof import('../../electron/engine/fixture-target');\n",
    );
    const { violations } = checkLayers(root);
    expect(violations.map(formatViolation)).toEqual([
      "renderer/src/wrong.ts:1 layers/import-not-allowed: '../../electron/engine/fixture-target': renderer may import renderer, contract only, not engine (electron/engine/fixture-target.ts)",
    ]);
  });

  it('fails on a lower layer importing a higher one, a relative path into the contract and a file in no layer', () => {
    const root = copyOfTree();
    writeFileSync(
      path.join(root, 'electron/host/wrong.ts'),
      "export { target } from '../api/fixture-target';\n",
    );
    writeFileSync(
      path.join(root, 'electron/fleet/wrong.ts'),
      "export { target } from '../contract/fixture-target';\n",
    );
    writeFileSync(path.join(root, 'electron/somewhere.ts'), 'export const x = 1;\n');
    const rules = checkLayers(root).violations.map((v) => `${v.file} ${v.rule}`);
    expect(rules.sort()).toEqual([
      'electron/fleet/wrong.ts layers/contract-by-alias',
      'electron/host/wrong.ts layers/import-not-allowed',
      'electron/somewhere.ts layers/no-layer',
    ]);
  });
});
