// Vite config of the renderer. Forge's Vite plugin and `npm run build:renderer` both use it;
// the output folder is the one Forge expects, and the browser preview serves it too.
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { thirdPartyNotices } from '../scripts/third-party-notices';
import { devCsp } from './vite-plugins/dev-csp';

const rendererRoot = fileURLToPath(new URL('.', import.meta.url));
const repoRoot = fileURLToPath(new URL('..', import.meta.url));
const contract = fileURLToPath(new URL('../electron/contract', import.meta.url));

export default defineConfig({
  root: rendererRoot,
  // Relative asset URLs: the packaged app loads from a custom protocol or a file path, not a server root.
  base: './',
  // devCsp runs only for the dev server (`npm start`): it keeps script-src 'self' working there.
  // thirdPartyNotices writes third-party-notices.txt (every bundled package's licence) into the
  // build, which the app opens from Help ▸ Third-party notices; it fails a build that bundles an
  // npm package the notices do not list.
  plugins: [react(), devCsp(), thirdPartyNotices({ root: repoRoot, emit: true })],
  // The same mapping as tsconfig's `paths`: the renderer reaches the contract, and nothing else of electron/.
  resolve: { alias: [{ find: /^@contract\//, replacement: `${contract}/` }] },
  build: {
    outDir: `${repoRoot}.vite/renderer/main_window`,
    emptyOutDir: true,
    // The CSP forbids inline scripts; keep every module in its own file.
    modulePreload: { polyfill: false },
    assetsInlineLimit: 0,
    target: 'es2022',
  },
});
