// The fleet's text worker thread: summarises the fleet view's batches and checks report files,
// one job at a time. Bundled for the desktop app as fleet-text-worker.cjs beside main.cjs
// (electron/vite.config.ts).

import { serveFleetTextJobs } from './serve-fleet-text-jobs';

serveFleetTextJobs();
