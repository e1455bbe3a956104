// Electron Forge: runs the app in development (`npm start`) and packages it (`npm run package`).
// electron-builder then turns the packaged app into the portable exe and the NSIS installer
// (see electron-builder.config.ts and `npm run dist:win`).

import { FuseV1Options, FuseVersion } from '@electron/fuses';
import { MakerSquirrel } from '@electron-forge/maker-squirrel';
import { MakerZIP } from '@electron-forge/maker-zip';
import { FusesPlugin } from '@electron-forge/plugin-fuses';
import { VitePlugin } from '@electron-forge/plugin-vite';
import type { ForgeConfig } from '@electron-forge/shared-types';
import { APP_ID, PRODUCT_NAME } from './electron-builder.config';
import { NOTICES_FILE_NAME } from './scripts/third-party-notices';

/** Where the renderer build leaves the notices (renderer/vite.config.ts's outDir). */
export const NOTICES_IN_BUILD = `.vite/renderer/main_window/${NOTICES_FILE_NAME}`;

const config: ForgeConfig = {
  packagerConfig: {
    asar: true,
    name: PRODUCT_NAME,
    executableName: 'whfb-doctor',
    // Packager adds .ico on Windows (.icns on macOS).
    icon: 'build/icon',
    appBundleId: APP_ID,
    appCopyright: 'MIT License',
    // The bundled packages' licences, written into the renderer build by scripts/third-party-notices.ts:
    // inside app.asar for Help ▸ Third-party notices, and copied here to resources/ beside it, where
    // they can be read without starting the app (electron-builder keeps the folder as it is).
    extraResource: [NOTICES_IN_BUILD],
    win32metadata: {
      CompanyName: PRODUCT_NAME,
      FileDescription: 'Diagnoses Windows Hello for Business cloud Kerberos trust',
      ProductName: PRODUCT_NAME,
      InternalName: 'whfb-doctor',
      // The tool reads the signed-in user's state (dsregcmd, klist): never elevated.
      'requested-execution-level': 'asInvoker',
    },
  },
  rebuildConfig: {},
  makers: [new MakerZIP({}, ['win32']), new MakerSquirrel({ setupIcon: 'build/icon.ico' }, ['win32'])],
  plugins: [
    new VitePlugin({
      build: [
        { entry: 'electron/main.ts', config: 'electron/vite.config.ts', target: 'main' },
        { entry: 'electron/preload.ts', config: 'electron/vite.preload.config.ts', target: 'preload' },
      ],
      renderer: [{ name: 'main_window', config: 'renderer/vite.config.ts' }],
    }),
    // Flipped in the Electron binary at package time (Electron's security checklist).
    new FusesPlugin({
      version: FuseVersion.V1,
      strictlyRequireAllFuses: true,
      [FuseV1Options.RunAsNode]: false,
      [FuseV1Options.EnableCookieEncryption]: true,
      [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
      [FuseV1Options.EnableNodeCliInspectArguments]: false,
      [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
      [FuseV1Options.OnlyLoadAppFromAsar]: true,
      [FuseV1Options.GrantFileProtocolExtraPrivileges]: false,
      // Electron's defaults, listed so that a fuse added by a later Electron fails the type check here.
      [FuseV1Options.LoadBrowserProcessSpecificV8Snapshot]: false,
      [FuseV1Options.WasmTrapHandlers]: true,
    }),
  ],
};

export default config;
