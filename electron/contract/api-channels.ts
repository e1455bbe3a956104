// Channel names only (no schemas), so the preload bundle stays tiny.
export const API_METHODS = [
  'getAppInfo',
  'runChecklist',
  'rerun',
  'exportCapture',
  'exportDocument',
  'runFix',
  'attachAdminOutput',
  'summarizeFiles',
  'openReportFile',
  'probeOutput',
] as const;
export type ApiMethod = (typeof API_METHODS)[number];

export const channelOf = (method: ApiMethod) => `doctor:${method}`;
export const PROGRESS_CHANNEL = 'doctor:progress';
