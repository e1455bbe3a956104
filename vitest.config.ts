import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/unit/**/*.test.ts'],
    environment: 'node',
    testTimeout: 20_000,
    coverage: {
      provider: 'v8',
      // The diagnosis engine is what the branch gate measures (npm run test:unit runs with --coverage).
      include: ['electron/engine/**/*.ts'],
      // The practice captures are data, not code.
      exclude: ['electron/engine/scenarios/captures/**'],
      reporter: ['text-summary'],
      // Show the figures even when a test fails, so a red run still says where coverage stands.
      reportOnFailure: true,
      thresholds: { branches: 90 },
    },
  },
});
