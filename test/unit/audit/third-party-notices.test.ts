// The third-party notices the app ships (scripts/third-party-notices.ts): every runtime package
// with its licence text, a package without one named as such, and a build that bundles an npm
// package the notices do not list refused.

import { mkdirSync, mkdtempSync, readFileSync, realpathSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import { describe, expect, it } from 'vitest';
import {
  buildNotices,
  licenceFilesOf,
  NOTICES_FILE_NAME,
  type NoticeEntry,
  packageDirOfModule,
  productionPackages,
  readManifest,
  thirdPartyNotices,
} from '../../../scripts/third-party-notices';

const ROOT = realpathSync(fileURLToPath(new URL('../../../', import.meta.url)));

/** The block of the rendered text that belongs to one package. */
function blockOf(text: string, entry: Pick<NoticeEntry, 'name' | 'version'>): string {
  const head = `\n${entry.name} ${entry.version}\nLicence: `;
  const start = text.indexOf(head);
  if (start === -1) return '';
  const end = text.indexOf(`\n${'='.repeat(78)}\n`, start);
  return text.slice(start, end === -1 ? undefined : end);
}

/** A throwaway project: package.json and node_modules/<name>/ with the given files. */
function fixtureProject(
  dependencies: Record<string, string>,
  packages: Record<string, { manifest: Record<string, unknown>; files?: Record<string, string> }>,
): string {
  const root = realpathSync(mkdtempSync(path.join(tmpdir(), 'whfb-notices-')));
  writeFileSync(
    path.join(root, 'package.json'),
    JSON.stringify({ name: 'fixture-app', productName: 'Fixture', version: '1.2.3', dependencies }),
  );
  for (const [where, { manifest, files }] of Object.entries(packages)) {
    const dir = path.join(root, 'node_modules', ...where.split('/'));
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ main: 'index.js', ...manifest }));
    writeFileSync(path.join(dir, 'index.js'), `module.exports = ${JSON.stringify(String(manifest.name))};\n`);
    for (const [name, text] of Object.entries(files ?? {})) writeFileSync(path.join(dir, name), text);
  }
  // The fixture's Electron, shipped as the executable.
  const electron = path.join(root, 'node_modules', 'electron');
  mkdirSync(electron, { recursive: true });
  writeFileSync(
    path.join(electron, 'package.json'),
    JSON.stringify({ name: 'electron', version: '45.0.0', license: 'MIT' }),
  );
  writeFileSync(path.join(electron, 'LICENSE'), 'Copyright (c) Electron contributors');
  return root;
}

describe("the app's third-party notices", () => {
  const notices = buildNotices(ROOT);
  const manifest = readManifest(ROOT) as { dependencies: Record<string, string> };
  const runtime = productionPackages(ROOT, Object.keys(manifest.dependencies)).packages;

  it('lists every runtime dependency and what it needs in production, each with its licence', () => {
    expect(runtime.length).toBeGreaterThan(50);
    for (const name of Object.keys(manifest.dependencies)) {
      expect(notices.entries.map((entry) => entry.name)).toContain(name);
    }
    for (const installed of runtime) {
      const block = blockOf(notices.text, installed);
      expect(block, `${installed.name} ${installed.version} is not in the notices`).not.toBe('');
      expect(block).toContain(`Licence: ${installed.licence}`);
    }
    // Electron too: it is the executable.
    expect(
      blockOf(notices.text, notices.entries.find((e) => e.name === 'electron') as NoticeEntry),
    ).toContain('Shipped as the app’s executable.');
    expect(notices.entries).toHaveLength(runtime.length + 1);
  });

  it('carries the text of every licence and notice file a package ships', () => {
    let files = 0;
    for (const entry of notices.entries) {
      const block = blockOf(notices.text, entry);
      const onDisk = licenceFilesOf(entry.dir);
      expect(entry.texts.map((t) => t.file)).toEqual(onDisk);
      for (const file of onDisk) {
        const text = readFileSync(path.join(entry.dir, file), 'utf8').replace(/\r\n?/g, '\n').trim();
        expect(block).toContain(`--- ${file} ---\n\n${text}`);
        files++;
      }
    }
    console.log(
      `third-party notices: ${notices.entries.length} packages, ${files} licence/notice files, ` +
        `${notices.text.length} characters; without licence text: ${notices.withoutText.join(', ') || 'none'}`,
    );
  });

  it('names each package that ships no licence text, in the summary and in its own entry', () => {
    const without = notices.entries.filter((entry) => entry.texts.length === 0);
    expect(notices.withoutText).toEqual(without.map((e) => `${e.name}@${e.version}`));
    for (const entry of without) {
      expect(notices.text).toContain(`  - ${entry.name} ${entry.version} (${entry.licence})`);
      expect(blockOf(notices.text, entry)).toContain(
        `No licence text is included in this package; its package.json declares ${entry.licence}.`,
      );
    }
  });
});

describe('notices of a project built for the test', () => {
  const root = fixtureProject(
    { 'with-licence': '1.0.0', 'no-licence': '1.0.0' },
    {
      'with-licence': {
        manifest: {
          name: 'with-licence',
          version: '1.0.0',
          license: 'MIT',
          author: { name: 'Ada', email: 'a@x' },
        },
        files: { 'LICENSE.md': 'MIT License\r\n\r\nCopyright (c) Ada\r\n' },
      },
      'no-licence': {
        manifest: {
          name: 'no-licence',
          version: '2.0.0',
          license: 'ISC',
          repository: { type: 'git', url: 'git+https://example.org/no-licence.git' },
          dependencies: { 'nested-dep': '*' },
        },
      },
      'no-licence/node_modules/nested-dep': {
        manifest: { name: 'nested-dep', version: '0.1.0', license: 'Apache-2.0' },
        files: { LICENSE: 'Apache License 2.0', NOTICE: 'Nested Dep\nCopyright 2024 Someone' },
      },
      'dev-only': {
        manifest: { name: 'dev-only', version: '9.9.9', license: 'MIT' },
        files: { LICENSE: 'dev' },
      },
    },
  );

  it('walks nested dependencies, reads LICENSE and NOTICE, and names the package without text', () => {
    const notices = buildNotices(root);
    expect(notices.entries.map((e) => e.name)).toEqual([
      'electron',
      'nested-dep',
      'no-licence',
      'with-licence',
    ]);
    expect(notices.withoutText).toEqual(['no-licence@2.0.0']);
    expect(notices.text).toMatch(/^Fixture 1\.2\.3: third-party notices\n/);
    expect(notices.text).toContain('4 packages: MIT 2, Apache-2.0 1, ISC 1.');
    expect(notices.text).toContain('  - no-licence 2.0.0 (ISC)');
    const noLicence = blockOf(notices.text, { name: 'no-licence', version: '2.0.0' });
    expect(noLicence).toContain('Repository: https://example.org/no-licence.git');
    expect(noLicence).toContain(
      'No licence text is included in this package; its package.json declares ISC.',
    );
    const nested = blockOf(notices.text, { name: 'nested-dep', version: '0.1.0' });
    expect(nested.indexOf('--- LICENSE ---\n\nApache License 2.0')).toBeGreaterThan(-1);
    expect(nested.indexOf('--- NOTICE ---\n\nNested Dep\nCopyright 2024 Someone')).toBeGreaterThan(
      nested.indexOf('--- LICENSE ---'),
    );
    const withLicence = blockOf(notices.text, { name: 'with-licence', version: '1.0.0' });
    expect(withLicence).toContain('Author: Ada <a@x>');
    expect(withLicence).toContain('--- LICENSE.md ---\n\nMIT License\n\nCopyright (c) Ada');
    expect(notices.text).not.toContain('dev-only');
  });

  it('fails when a runtime dependency is not installed', () => {
    const broken = fixtureProject({ absent: '1.0.0' }, {});
    expect(() => buildNotices(broken)).toThrow('not installed: absent (needed by package.json)');
  });

  const buildEntry = async (source: string, emit: boolean) => {
    const src = path.join(root, 'src');
    mkdirSync(src, { recursive: true });
    writeFileSync(path.join(src, 'entry.js'), source);
    const outDir = path.join(root, `out-${Math.random().toString(36).slice(2)}`);
    await build({
      root,
      configFile: false,
      logLevel: 'silent',
      plugins: [thirdPartyNotices({ root, emit })],
      build: {
        outDir,
        lib: { entry: path.join(src, 'entry.js'), formats: ['es'], fileName: () => 'entry.js' },
      },
    });
    return outDir;
  };

  it('as a Vite plugin, writes the notices into the build', async () => {
    const outDir = await buildEntry(
      "import a from 'with-licence';\nimport b from 'no-licence';\nconsole.log(a, b);\n",
      true,
    );
    expect(readFileSync(path.join(outDir, NOTICES_FILE_NAME), 'utf8')).toBe(buildNotices(root).text);
  });

  it('fails a build that bundles an npm package the notices do not list', async () => {
    await expect(buildEntry("import d from 'dev-only';\nconsole.log(d);\n", false)).rejects.toThrow(
      /bundled npm packages missing from third-party-notices\.txt .*node_modules[\\/]dev-only/,
    );
  });

  it('finds the package of a module under node_modules, and none for the app’s own files', () => {
    const nested = path.join(root, 'node_modules/no-licence/node_modules/nested-dep/index.js');
    expect(packageDirOfModule(nested)).toBe(path.dirname(nested));
    expect(packageDirOfModule(path.join(root, 'src/entry.js'))).toBeNull();
    expect(packageDirOfModule('\0rolldown/runtime.js')).toBeNull();
  });
});
