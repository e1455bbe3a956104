// Vite config of the main process bundle. Used by Forge's Vite plugin (which merges its own
// config under this one) and standalone by `npm run build:main`.
import { builtinModules } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, defineConfig, type Plugin } from 'vite';
import { thirdPartyNotices } from '../scripts/third-party-notices';

const entry = fileURLToPath(new URL('./main.ts', import.meta.url));
/**
 * The worker threads main.cjs starts, each built beside it as a bundle of its own: the one that
 * reads captures and pasted outputs (electron/host/parse-worker), and the one that summarises
 * the fleet view's files and checks its report files (electron/fleet/fleet-text-workers.ts).
 */
const workerEntries = [
  {
    entry: fileURLToPath(new URL('./host/parse-worker/parse-worker.ts', import.meta.url)),
    file: 'parse-worker.cjs',
  },
  {
    entry: fileURLToPath(new URL('./fleet/fleet-text-worker.ts', import.meta.url)),
    file: 'fleet-text-worker.cjs',
  },
];
const contract = fileURLToPath(new URL('./contract', import.meta.url));
const repoRoot = fileURLToPath(new URL('..', import.meta.url));
/** Fails the build if it bundles an npm package third-party-notices.txt does not list (the renderer build writes that file). */
const noticesCheck = () => thirdPartyNotices({ root: repoRoot, emit: false });

/** Electron and Node's built-ins stay `require`s; every npm dependency (execa, zod, ...) is bundled,
 * because the packaged app ships only the `.vite` folder, no node_modules. */
export const mainExternals = [
  'electron',
  /^electron\//,
  ...builtinModules.flatMap((name) => [name, `node:${name}`]),
];

const nodeResolve = {
  // The same mapping as tsconfig's `paths`.
  alias: [{ find: /^@contract\//, replacement: `${contract}/` }],
  // Node entries of dependencies, never their browser builds.
  conditions: ['node'],
  mainFields: ['module', 'jsnext:main', 'jsnext'],
};

/**
 * Builds the workers (parse-worker.cjs, fleet-text-worker.cjs) into the main bundle's folder
 * after each main build: bundles of their own, so that a worker thread loads what its job needs
 * and none of the main process's code.
 */
function workerBundles(): Plugin {
  let outDir = '';
  return {
    name: 'whfb-doctor-parse-worker',
    apply: 'build',
    configResolved(config) {
      outDir = path.resolve(config.root, config.build.outDir);
    },
    async writeBundle() {
      for (const { entry: workerEntry, file } of workerEntries) {
        await build({
          configFile: false,
          logLevel: 'warn',
          plugins: [noticesCheck()],
          build: {
            outDir,
            emptyOutDir: false,
            target: 'node22',
            copyPublicDir: false,
            lib: { entry: workerEntry, formats: ['cjs'], fileName: () => file },
            rolldownOptions: { external: mainExternals },
          },
          resolve: nodeResolve,
        });
      }
    },
  };
}

export default defineConfig((env) => ({
  plugins: [noticesCheck(), workerBundles()],
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
  resolve: nodeResolve,
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
