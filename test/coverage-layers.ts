// Prints unit-test coverage per layer after `vitest run --coverage`: the engine (electron/engine
// and the contract it shares), the main and host side (the rest of electron/: host, API, main
// process, preload, preview server, CLI, fleet) and the renderer's logic (renderer/src/state and renderer/src/lib). One line each, so a
// run shows at a glance which layer its tests reach; the gates themselves are in vitest.config.ts.
import path from 'node:path';
import type { Reporter } from 'vitest/node';

export const LAYERS = [
  { name: 'engine', test: (file: string) => /^electron\/(engine|contract)\//.test(file) },
  {
    name: 'main',
    test: (file: string) => file.startsWith('electron/') && !/^electron\/(engine|contract)\//.test(file),
  },
  { name: 'renderer logic', test: (file: string) => /^renderer\/src\/(state|lib)\//.test(file) },
] as const;

const METRICS = ['lines', 'statements', 'branches', 'functions'] as const;
type Metric = (typeof METRICS)[number];

/** Covered and total counts of one file, as istanbul's file summary gives them. */
export type FileCounts = Record<Metric, { covered: number; total: number }>;

/** The layer a repository-relative path belongs to, or null when it is in none. */
export function layerOf(file: string): string | null {
  const posix = file.split(path.sep).join('/');
  return LAYERS.find((layer) => layer.test(posix))?.name ?? null;
}

function percent(covered: number, total: number): string {
  return total === 0 ? '100.00%' : `${((covered / total) * 100).toFixed(2)}%`;
}

/** One line per layer: files, then lines, statements, branches and functions covered. */
export function layerLines(files: ReadonlyMap<string, FileCounts>): string[] {
  return LAYERS.map(({ name }) => {
    const sums = Object.fromEntries(METRICS.map((m) => [m, { covered: 0, total: 0 }])) as FileCounts;
    let count = 0;
    for (const [file, counts] of files) {
      if (layerOf(file) !== name) continue;
      count += 1;
      for (const metric of METRICS) {
        sums[metric].covered += counts[metric].covered;
        sums[metric].total += counts[metric].total;
      }
    }
    const figures = METRICS.map((m) => `${m} ${percent(sums[m].covered, sums[m].total)}`).join(', ');
    return `${`${name}:`.padEnd(16)}${figures} (${count} files)`;
  });
}

interface IstanbulMap {
  files(): string[];
  fileCoverageFor(file: string): {
    toSummary(): { toJSON(): Record<Metric, { covered: number; total: number }> };
  };
}

function isIstanbulMap(value: unknown): value is IstanbulMap {
  const map = value as Partial<IstanbulMap> | null;
  return typeof map?.files === 'function' && typeof map.fileCoverageFor === 'function';
}

export default class CoverageLayersReporter implements Reporter {
  onCoverage(coverage: unknown): void {
    if (!isIstanbulMap(coverage)) return;
    const root = process.cwd();
    const files = new Map<string, FileCounts>();
    for (const file of coverage.files()) {
      files.set(path.relative(root, file), coverage.fileCoverageFor(file).toSummary().toJSON());
    }
    process.stdout.write(
      `\nCoverage by layer\n${layerLines(files)
        .map((line) => `  ${line}`)
        .join('\n')}\n`,
    );
  }
}
