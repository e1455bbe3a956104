// Vite config of the preload script. A sandboxed preload can `require` only 'electron' (and a few
// polyfilled modules), so everything else is bundled into one CommonJS file.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const input = fileURLToPath(new URL('./preload.ts', import.meta.url));
const contract = fileURLToPath(new URL('./contract', import.meta.url));

export default defineConfig((env) => ({
  // The same mapping as tsconfig's `paths`.
  resolve: { alias: [{ find: /^@contract\//, replacement: `${contract}/` }] },
  build: {
    outDir: '.vite/build',
    emptyOutDir: false,
    target: 'es2023',
    copyPublicDir: false,
    sourcemap: env.command === 'serve' ? 'inline' : false,
    rolldownOptions: {
      input,
      external: ['electron'],
      output: {
        format: 'cjs',
        // One file, no chunks: a sandboxed preload cannot load siblings.
        codeSplitting: false,
        entryFileNames: 'preload.cjs',
      },
    },
  },
}));
