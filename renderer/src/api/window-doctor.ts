import type { DesktopDoctorApi } from '@contract/menu-channel';

// The desktop app's preload exposes the API as `window.doctor`; in the browser preview it is absent.
declare global {
  interface Window {
    doctor?: DesktopDoctorApi;
  }
}
