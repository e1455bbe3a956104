// The third-party notices that ship with the app. Every package in package.json "dependencies",
// and every package those need in production, is bundled into main.cjs, parse-worker.cjs or the
// renderer: their licences ask that the copyright and licence notice go with the code. This module
//
// - walks the production tree from node_modules the way Node resolves it (productionPackages),
// - reads each package's declared licence and its LICENSE / LICENCE / COPYING / NOTICE files,
// - renders one plain-text file, third-party-notices.txt, naming a package that carries no
//   licence text as such (with its declared licence, author and repository) rather than leaving
//   it out,
// - and, as a Vite plugin (thirdPartyNotices), writes that file into the renderer build (served
//   as app://main/third-party-notices.txt and opened from Help ▸ Third-party notices) and fails a
//   build that bundles a package the notices do not list.
//
//   tsx scripts/third-party-notices.ts [OUT]     writes the file (stdout without OUT)

import { existsSync, readdirSync, readFileSync, realpathSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';

/** The file name in the renderer build; electron/main/notices-window.ts opens the same name. */
export const NOTICES_FILE_NAME = 'third-party-notices.txt';

/**
 * devDependencies whose code ships all the same: Electron's runtime is the app's executable.
 * (Chromium's and Node's own licences come with Electron's binary, next to the executable.)
 */
export const SHIPPED_DEV_PACKAGES: readonly string[] = ['electron'];

export interface Manifest {
  name?: string;
  version?: string;
  license?: unknown;
  licenses?: unknown;
  author?: unknown;
  repository?: unknown;
  dependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
}

export interface InstalledPackage {
  name: string;
  version: string;
  /** The licence as the package declares it (an SPDX expression when modern); '' for none. */
  licence: string;
  /** The package's folder, real path. */
  dir: string;
}

export function readManifest(dir: string): Manifest {
  return JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as Manifest;
}

/** What a package.json says of its licence: the SPDX `license`, or the old object and array forms. */
export function declaredLicence(manifest: Pick<Manifest, 'license' | 'licenses'>): string {
  const typeOf = (value: unknown): string | undefined =>
    typeof value === 'string'
      ? value
      : typeof value === 'object' && value !== null && typeof (value as { type?: unknown }).type === 'string'
        ? (value as { type: string }).type
        : undefined;
  const single = typeOf(manifest.license);
  if (single !== undefined) return single.trim();
  if (Array.isArray(manifest.licenses)) {
    // The old array listed the licences to choose from.
    const types = manifest.licenses.map(typeOf).filter((type): type is string => type !== undefined);
    if (types.length > 0) return types.length === 1 ? (types[0] as string) : `(${types.join(' OR ')})`;
  }
  return '';
}

/** Where Node finds `name` when `fromDir` requires it: its own node_modules, then each parent's up to `root`. */
export function resolvePackageDir(name: string, fromDir: string, root: string): string | null {
  for (let dir = fromDir; ; dir = path.dirname(dir)) {
    if (path.basename(dir) !== 'node_modules') {
      const candidate = path.join(dir, 'node_modules', ...name.split('/'));
      if (existsSync(path.join(candidate, 'package.json'))) return realpathSync(candidate);
    }
    if (dir === root || path.dirname(dir) === dir) return null;
  }
}

/**
 * Every installed package the app needs at run time, starting from `roots` (names required from
 * `root`): each package's dependencies (which must be installed), and its optional and peer
 * dependencies when installed (npm installs peers; an optional one may be absent).
 */
export function productionPackages(
  rootDir: string,
  roots: readonly string[],
): { packages: InstalledPackage[]; missing: string[] } {
  const root = realpathSync(rootDir);
  const found = new Map<string, InstalledPackage>();
  const missing: string[] = [];
  const visit = (name: string, fromDir: string, required: boolean, by: string): void => {
    const dir = resolvePackageDir(name, fromDir, root);
    if (dir === null) {
      if (required) missing.push(`${name} (needed by ${by})`);
      return;
    }
    if (found.has(dir)) return;
    const manifest = readManifest(dir);
    const installed: InstalledPackage = {
      name: manifest.name ?? name,
      version: manifest.version ?? '?',
      licence: declaredLicence(manifest),
      dir,
    };
    found.set(dir, installed);
    const of = `${installed.name}@${installed.version}`;
    for (const dependency of Object.keys(manifest.dependencies ?? {})) visit(dependency, dir, true, of);
    for (const dependency of Object.keys(manifest.optionalDependencies ?? {}))
      visit(dependency, dir, false, of);
    for (const dependency of Object.keys(manifest.peerDependencies ?? {})) visit(dependency, dir, false, of);
  };
  for (const name of roots) visit(name, root, true, 'package.json');
  const packages = [...found.values()].sort(
    (a, b) => a.name.localeCompare(b.name) || a.version.localeCompare(b.version),
  );
  return { packages, missing };
}

/** LICENSE, LICENCE, COPYING and NOTICE files, with any suffix (.md, .txt, -MIT, ...), any case. */
const LICENCE_FILE = /^(?:licen[cs]e|copying|notice)(?:[.\-_][\w.-]*)?$/i;

/** The package's licence and notice files (regular files at its top level), licences first. */
export function licenceFilesOf(dir: string): string[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  const rank = (name: string) => (/^notice/i.test(name) ? 1 : 0);
  return names
    .filter((name) => LICENCE_FILE.test(name))
    .filter((name) => {
      try {
        return statSync(path.join(dir, name)).isFile();
      } catch {
        return false;
      }
    })
    .sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
}

export interface NoticeEntry extends InstalledPackage {
  /** File name and text of each licence or notice file; empty when the package ships none. */
  texts: { file: string; text: string }[];
  author?: string;
  repository?: string;
}

function personOf(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'object' && value !== null && typeof (value as { name?: unknown }).name === 'string') {
    const person = value as { name: string; email?: unknown; url?: unknown };
    return [person.name, typeof person.email === 'string' ? `<${person.email}>` : '']
      .filter(Boolean)
      .join(' ');
  }
  return undefined;
}

function repositoryOf(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'object' && value !== null && typeof (value as { url?: unknown }).url === 'string') {
    return (value as { url: string }).url.replace(/^git\+/, '');
  }
  return undefined;
}

/** Reads a package's notices from its folder. */
export function noticeEntryOf(installed: InstalledPackage): NoticeEntry {
  const manifest = readManifest(installed.dir);
  const texts = licenceFilesOf(installed.dir).map((file) => ({
    file,
    text: readFileSync(path.join(installed.dir, file), 'utf8').replace(/\r\n?/g, '\n').trim(),
  }));
  const author = personOf(manifest.author);
  const repository = repositoryOf(manifest.repository);
  return {
    ...installed,
    texts,
    ...(author === undefined ? {} : { author }),
    ...(repository === undefined ? {} : { repository }),
  };
}

export interface NoticesInput {
  product: string;
  version: string;
  entries: readonly NoticeEntry[];
  /** Names of the packages bundled for being the executable rather than code (electron). */
  shippedAsExecutable?: readonly string[];
}

const RULE = '='.repeat(78);

/** The notices as one plain-text document. */
export function renderNotices(input: NoticesInput): string {
  const counts = new Map<string, number>();
  for (const entry of input.entries) {
    const licence = entry.licence || '(none declared)';
    counts.set(licence, (counts.get(licence) ?? 0) + 1);
  }
  const withoutText = input.entries.filter((entry) => entry.texts.length === 0);
  const lines: string[] = [
    `${input.product} ${input.version}: third-party notices`,
    '',
    `${input.product} is MIT-licensed. It bundles the npm packages below into its main process, its`,
    'parse worker and its window; the app itself is run by Electron, whose licence is listed too.',
    'Chromium’s and Node.js’s licences come with Electron: LICENSE and LICENSES.chromium.html',
    'beside the executable.',
    '',
    `${input.entries.length} packages: ${[...counts.entries()]
      .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
      .map(([licence, count]) => `${licence} ${count}`)
      .join(', ')}.`,
    ...(withoutText.length === 0
      ? ['Every package ships its licence text, reproduced below.']
      : [
          'These packages ship no licence text of their own; their declared licence, author and',
          'repository are given below instead:',
          ...withoutText.map(
            (entry) => `  - ${entry.name} ${entry.version} (${entry.licence || 'no licence declared'})`,
          ),
        ]),
  ];
  for (const entry of input.entries) {
    lines.push('', RULE, `${entry.name} ${entry.version}`, `Licence: ${entry.licence || '(none declared)'}`);
    if (input.shippedAsExecutable?.includes(entry.name)) lines.push('Shipped as the app’s executable.');
    if (entry.author !== undefined) lines.push(`Author: ${entry.author}`);
    if (entry.repository !== undefined) lines.push(`Repository: ${entry.repository}`);
    if (entry.texts.length === 0) {
      lines.push(
        '',
        `No licence text is included in this package; its package.json declares ${entry.licence || 'no licence'}.`,
      );
    }
    for (const { file, text } of entry.texts) lines.push('', `--- ${file} ---`, '', text);
  }
  lines.push('');
  return lines.join('\n');
}

export interface Notices {
  text: string;
  entries: NoticeEntry[];
  /** Names and versions of the packages without a licence text. */
  withoutText: string[];
}

/** Builds the notices of the app in `rootDir` from its package.json and node_modules. */
export function buildNotices(rootDir: string): Notices {
  const manifest = readManifest(rootDir) as Manifest & { productName?: string };
  const roots = Object.keys(manifest.dependencies ?? {});
  const { packages, missing } = productionPackages(rootDir, roots);
  if (missing.length > 0) throw new Error(`not installed: ${missing.join(', ')}`);
  const root = realpathSync(rootDir);
  const shipped = SHIPPED_DEV_PACKAGES.map((name) => {
    const dir = resolvePackageDir(name, root, root);
    if (dir === null) throw new Error(`${name} is not installed`);
    const own = readManifest(dir);
    return { name: own.name ?? name, version: own.version ?? '?', licence: declaredLicence(own), dir };
  });
  const entries = [...packages, ...shipped.filter((s) => !packages.some((p) => p.dir === s.dir))]
    .sort((a, b) => a.name.localeCompare(b.name) || a.version.localeCompare(b.version))
    .map(noticeEntryOf);
  const text = renderNotices({
    product: manifest.productName ?? manifest.name ?? 'app',
    version: manifest.version ?? '?',
    entries,
    shippedAsExecutable: SHIPPED_DEV_PACKAGES,
  });
  return {
    text,
    entries,
    withoutText: entries.filter((e) => e.texts.length === 0).map((e) => `${e.name}@${e.version}`),
  };
}

/** The folder of the package a bundled module belongs to (the nearest package.json with a name). */
export function packageDirOfModule(
  moduleId: string,
  cache = new Map<string, string | null>(),
): string | null {
  if (moduleId.startsWith('\0') || !/[\\/]node_modules[\\/]/.test(moduleId)) return null;
  const start = path.dirname(moduleId.split('?')[0] ?? moduleId);
  const seen: string[] = [];
  let found: string | null = null;
  for (
    let dir = start;
    path.basename(dir) !== 'node_modules' && path.dirname(dir) !== dir;
    dir = path.dirname(dir)
  ) {
    const cached = cache.get(dir);
    if (cached !== undefined) {
      found = cached;
      break;
    }
    seen.push(dir);
    const file = path.join(dir, 'package.json');
    if (existsSync(file)) {
      const manifest = JSON.parse(readFileSync(file, 'utf8')) as { name?: unknown };
      if (typeof manifest.name === 'string') {
        found = realpathSync(dir);
        break;
      }
    }
  }
  for (const dir of seen) cache.set(dir, found);
  return found;
}

/**
 * The packages a bundle holds that the notices do not list, as `name (folder)`; each module id
 * under node_modules counts.
 */
export function unlistedPackages(
  moduleIds: Iterable<string>,
  entries: readonly InstalledPackage[],
): string[] {
  const listed = new Set(entries.map((entry) => entry.dir));
  const cache = new Map<string, string | null>();
  const unlisted = new Set<string>();
  for (const id of moduleIds) {
    const dir = packageDirOfModule(id, cache);
    if (dir !== null && !listed.has(dir)) unlisted.add(dir);
  }
  return [...unlisted].sort();
}

export interface NoticesPluginOptions {
  /** The repository root (package.json and node_modules). */
  root: string;
  /** Write third-party-notices.txt into this build's output (the renderer), or only check. */
  emit: boolean;
}

/**
 * Vite plugin: checks that every npm package the bundle holds is listed in the notices (a build
 * that bundles an unlisted package, a devDependency say, fails), and with `emit` writes the
 * notices file into the build and serves it from the dev server.
 */
export function thirdPartyNotices(options: NoticesPluginOptions): Plugin {
  let notices: Notices | null = null;
  const get = () => {
    notices ??= buildNotices(options.root);
    return notices;
  };
  return {
    name: 'whfb-doctor-third-party-notices',
    configureServer(server) {
      if (!options.emit) return;
      server.middlewares.use((request, response, next) => {
        if (request.url?.split('?')[0] !== `/${NOTICES_FILE_NAME}`) return next();
        response.setHeader('content-type', 'text/plain; charset=utf-8');
        response.end(get().text);
      });
    },
    generateBundle(_output, bundle) {
      const moduleIds: string[] = [];
      for (const file of Object.values(bundle)) if (file.type === 'chunk') moduleIds.push(...file.moduleIds);
      const unlisted = unlistedPackages(moduleIds, get().entries);
      if (unlisted.length > 0) {
        this.error(
          `bundled npm packages missing from ${NOTICES_FILE_NAME} (not in the production tree of package.json "dependencies"): ` +
            unlisted.map((dir) => path.relative(options.root, dir)).join(', '),
        );
      }
      if (options.emit) this.emitFile({ type: 'asset', fileName: NOTICES_FILE_NAME, source: get().text });
    },
  };
}

const invokedAs = process.argv[1];
if (
  invokedAs !== undefined &&
  existsSync(invokedAs) &&
  realpathSync(invokedAs) === fileURLToPath(import.meta.url)
) {
  const root = fileURLToPath(new URL('..', import.meta.url));
  const notices = buildNotices(root);
  const out = process.argv[2];
  if (out === undefined) process.stdout.write(notices.text);
  else writeFileSync(out, notices.text);
  console.error(
    `${notices.entries.length} packages; without licence text: ${notices.withoutText.join(', ') || 'none'}`,
  );
}
