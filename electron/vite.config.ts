// Vite config of the main process bundle. Used by Forge's Vite plugin (which merges its own
// config under this one) and standalone by `npm run build:main`.
import { builtinModules } from 'node:module';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const entry = fileURLToPath(new URL('./main.ts', import.meta.url));

/** Electron and Node's built-ins stay `require`s; every npm dependency (execa, zod, ...) is bundled,
 * because the packaged app ships only the `.vite` folder, no node_modules. */
export const mainExternals = [
  'electron',
  /^electron\//,
  ...builtinModules.flatMap((name) => [name, `node:${name}`]),
];

export default defineConfig((env) => ({
  build: {
    outDir: '.vite/build',
    // The preload build writes into the same folder.
    emptyOutDir: false,
    target: 'node22',
    copyPublicDir: false,
    sourcemap: env.command === 'serve' ? 'inline' : false,
    // `package.json` has "type": "module", so a CommonJS bundle must end in .cjs
    // (Forge's Vite plugin names it the same way).
    lib: { entry, formats: ['cjs'], fileName: () => 'main.cjs' },
    rolldownOptions: { external: mainExternals },
  },
  resolve: {
    // Node entries of dependencies, never their browser builds.
    conditions: ['node'],
    mainFields: ['module', 'jsnext:main', 'jsnext'],
  },
  // Forge injects MAIN_WINDOW_VITE_DEV_SERVER_URL / MAIN_WINDOW_VITE_NAME itself; a `define` here
  // would override its values, so set defaults only for the standalone build.
  ...('forgeConfig' in env
    ? {}
    : {
        define: {
          MAIN_WINDOW_VITE_DEV_SERVER_URL: 'undefined',
          MAIN_WINDOW_VITE_NAME: JSON.stringify('main_window'),
        },
      }),
}));
