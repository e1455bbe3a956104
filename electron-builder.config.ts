// electron-builder: turns the app Forge packaged (out/WHfB Doctor-win32-x64, with its fuses
// flipped and asar integrity embedded) into what a technician downloads: a one-file portable exe
// and a per-user NSIS installer. Run through `npm run dist:win` (see package.json).

import type { Configuration } from 'electron-builder';

export const PRODUCT_NAME = 'WHfB Doctor';
export const APP_ID = 'com.whfbdoctor.app';
/** Where `electron-forge package --platform win32 --arch x64` leaves the packaged app. */
export const FORGE_PACKAGED_APP = `out/${PRODUCT_NAME}-win32-x64`;

const config: Configuration = {
  appId: APP_ID,
  productName: PRODUCT_NAME,
  executableName: 'whfb-doctor',
  copyright: 'MIT License',
  directories: { output: 'dist', buildResources: 'build' },
  // The app is prepackaged by Forge: nothing to rebuild or collect here.
  npmRebuild: false,
  win: {
    target: [
      { target: 'portable', arch: ['x64'] },
      { target: 'nsis', arch: ['x64'] },
    ],
    icon: 'build/icon.ico',
    // The tool reads the signed-in user's state (dsregcmd, klist) and must not run elevated.
    requestedExecutionLevel: 'asInvoker',
    // Forge already stamped the icon, version info and manifest into the exe and embedded the asar
    // integrity hash; leave the binary as it is. (Turn back on, with a certificate, to sign.)
    signAndEditExecutable: false,
  },
  portable: {
    // biome-ignore lint/suspicious/noTemplateCurlyInString: electron-builder's own ${} macros
    artifactName: 'WHfB-Doctor-${version}-portable.${ext}',
    requestExecutionLevel: 'user',
  },
  nsis: {
    // biome-ignore lint/suspicious/noTemplateCurlyInString: electron-builder's own ${} macros
    artifactName: 'WHfB-Doctor-${version}-setup.${ext}',
    // One-click and not per-machine: installs for the current user, without elevation.
    oneClick: true,
    perMachine: false,
    installerIcon: 'build/icon.ico',
    uninstallerIcon: 'build/icon.ico',
    shortcutName: PRODUCT_NAME,
    createDesktopShortcut: true,
    createStartMenuShortcut: true,
    runAfterFinish: true,
    deleteAppDataOnUninstall: false,
  },
};

export default config;
