// The per-layer coverage lines `npm run test:unit` prints: which layer a file belongs to, and the
// sums per layer, so the engine, main and renderer figures are each their own files' figures.
import { describe, expect, it } from 'vitest';
import config from '../../../vitest.config';
import CoverageLayersReporter, { type FileCounts, layerLines, layerOf } from '../../coverage-layers';

function counts(covered: number, total: number): FileCounts {
  const pair = { covered, total };
  return { lines: pair, statements: pair, branches: pair, functions: pair };
}

describe('coverage by layer', () => {
  it('puts each file in its layer', () => {
    expect(layerOf('electron/engine/checks/check-prt.ts')).toBe('engine');
    expect(layerOf('electron/main/ipc.ts')).toBe('main');
    expect(layerOf('electron/cli/cli.ts')).toBe('main');
    expect(layerOf('renderer/src/state/run-store.ts')).toBe('renderer logic');
    expect(layerOf('renderer/src/lib/words.ts')).toBe('renderer logic');
    expect(layerOf('renderer/src/components/verdict.tsx')).toBeNull();
  });

  it('sums each layer over its own files', () => {
    const lines = layerLines(
      new Map([
        ['electron/engine/a.ts', counts(9, 10)],
        ['electron/engine/b.ts', counts(1, 10)],
        ['electron/api/dispatch.ts', counts(0, 0)],
        ['renderer/src/lib/x.ts', counts(3, 4)],
      ]),
    );
    expect(lines).toEqual([
      'engine:         lines 50.00%, statements 50.00%, branches 50.00%, functions 50.00% (2 files)',
      'main:           lines 100.00%, statements 100.00%, branches 100.00%, functions 100.00% (1 files)',
      'renderer logic: lines 75.00%, statements 75.00%, branches 75.00%, functions 75.00% (1 files)',
    ]);
  });

  it('prints the three lines from the coverage map vitest hands over', () => {
    const written: string[] = [];
    const write = process.stdout.write;
    process.stdout.write = ((text: string) => {
      written.push(text);
      return true;
    }) as typeof process.stdout.write;
    try {
      const summary = { toJSON: () => counts(1, 2) };
      new CoverageLayersReporter().onCoverage({
        files: () => [`${process.cwd()}/electron/engine/a.ts`],
        fileCoverageFor: () => ({ toSummary: () => summary }),
      });
      new CoverageLayersReporter().onCoverage(null);
    } finally {
      process.stdout.write = write;
    }
    expect(written.join('')).toMatch(/Coverage by layer\n {2}engine: +lines 50\.00%.*\(1 files\)\n {2}main:/);
  });

  it('keeps the gates: 90% of branches in the engine and its contract, 80% of lines in the renderer logic', () => {
    const thresholds =
      config.test?.coverage && 'thresholds' in config.test.coverage ? config.test.coverage.thresholds : {};
    expect(thresholds).toMatchObject({
      'electron/{engine,contract}/**': { branches: 90 },
      'renderer/src/{state,lib}/**': { lines: 80 },
    });
  });
});
