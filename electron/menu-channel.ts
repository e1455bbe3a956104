// The one push channel besides progress: commands from the application menu (desktop app only).
// Channel names and payload types only, so the preload bundle stays tiny.

import type { DoctorApi } from './api-contract';

export const MENU_CHANNEL = 'doctor:menu';

/** File ▸ Open capture…: main showed the file dialog and read the file the user picked; the renderer
 * opens it like any capture (runChecklist with kind 'capture'), so it is validated there. */
export interface OpenCaptureCommand {
  command: 'open-capture';
  fileName: string;
  text: string;
}

export type MenuCommand = OpenCaptureCommand;

/** What the preload exposes as `window.doctor` in the desktop app. */
export type DesktopDoctorApi = DoctorApi & {
  /** Subscribes to application menu commands; returns the unsubscribe function. */
  onMenuCommand(listener: (command: MenuCommand) => void): () => void;
};
