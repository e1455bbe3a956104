import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const contract = fileURLToPath(new URL('./electron/contract', import.meta.url));

export default defineConfig({
  // The same mapping as tsconfig's `paths`.
  resolve: { alias: [{ find: /^@contract\//, replacement: `${contract}/` }] },
  test: {
    include: ['test/unit/**/*.test.ts'],
    environment: 'node',
    testTimeout: 20_000,
    // The default reporter, then coverage per layer (engine, main, renderer logic) after it.
    reporters: ['default', './test/coverage-layers.ts'],
    coverage: {
      provider: 'v8',
      // Every layer the unit tests reach (npm run test:unit runs with --coverage): the engine, the
      // main and host side (the rest of electron/) and the renderer's logic (stores, actions, words).
      include: ['electron/**/*.ts', 'renderer/src/state/**/*.ts', 'renderer/src/lib/**/*.ts'],
      // The practice captures are data, not code; the Vite configs only build.
      exclude: ['electron/engine/scenarios/captures/**', 'electron/vite*.config.ts', '**/*.d.ts'],
      reporter: ['text-summary'],
      // Show the figures even when a test fails, so a red run still says where coverage stands.
      reportOnFailure: true,
      thresholds: {
        // The pure core: the engine and the contract it shares with the other layers.
        'electron/{engine,contract}/**': { branches: 90 },
        'renderer/src/{state,lib}/**': { lines: 80 },
      },
    },
  },
});
