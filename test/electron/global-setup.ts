// Says once, before any test, why the desktop app's tests will be skipped on this machine.
import { findElectronBinary } from './electron-binary';

export default function printWhyElectronTestsSkip(): void {
  const electron = findElectronBinary();
  if (electron.available) {
    console.log(`Electron end-to-end tests: ${electron.executablePath}`);
    return;
  }
  console.log(`Electron end-to-end tests are skipped: ${electron.reason}.`);
}
