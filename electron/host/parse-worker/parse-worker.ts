// The parse worker thread: reads the captures and pasted outputs the host sends, one at a time.
// Bundled for the desktop app as parse-worker.cjs beside main.cjs (electron/vite.config.ts).

import { serveParseJobs } from './serve-parse-jobs';

serveParseJobs();
