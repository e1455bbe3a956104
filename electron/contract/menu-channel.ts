// The one push channel besides progress: commands from the application menu (desktop app only).
// Channel names and payload types only, so the preload bundle stays tiny.

import type { ApiEnvelope, DoctorTransport, RunResult } from './api-contract';

export const MENU_CHANNEL = 'doctor:menu';

/**
 * File ▸ Open capture…: main showed the file dialog, read the file the person picked and opened
 * it in the session (runChecklist with kind 'capture', through the same validating dispatch);
 * only the answer crosses to the renderer, which shows it like any opened capture.
 */
export interface OpenCaptureCommand {
  command: 'open-capture';
  fileName: string;
  result: ApiEnvelope<RunResult>;
}

export type MenuCommand = OpenCaptureCommand;

/** What the preload exposes as `window.doctor` in the desktop app. */
export type DesktopDoctorApi = DoctorTransport & {
  /** Subscribes to application menu commands; returns the unsubscribe function. */
  onMenuCommand(listener: (command: MenuCommand) => void): () => void;
};
