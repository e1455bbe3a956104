// The constants Forge's Vite plugin defines at build time (see forge-vite-env.d.ts). `typeof`
// keeps this module loadable where they are not defined (unit tests, a bundle built without them).

/** Vite's dev server URL under `electron-forge start`; undefined in a packaged build. */
export const DEV_SERVER_URL: string | undefined =
  typeof MAIN_WINDOW_VITE_DEV_SERVER_URL === 'string' && MAIN_WINDOW_VITE_DEV_SERVER_URL !== ''
    ? MAIN_WINDOW_VITE_DEV_SERVER_URL
    : undefined;

/** The renderer's folder name under .vite/renderer/. */
export const RENDERER_NAME: string =
  typeof MAIN_WINDOW_VITE_NAME === 'string' && MAIN_WINDOW_VITE_NAME !== ''
    ? MAIN_WINDOW_VITE_NAME
    : 'main_window';
