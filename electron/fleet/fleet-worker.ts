// A fleet worker thread: reads and diagnoses the batches of paths the pool sends, one at a time.

import { parentPort } from 'node:worker_threads';
import { type FleetBatch, summarizeBatch } from './fleet-worker-protocol';
import { summarizeFleetFile } from './read-fleet-file';

const port = parentPort;
if (port) {
  port.on('message', (batch: FleetBatch) => {
    // summarizeFleetFile does not throw: a rejection here is the worker's own failure, left
    // unhandled so that it ends the thread and the pool hears of it.
    void summarizeBatch(batch, summarizeFleetFile).then((done) => port.postMessage(done));
  });
  port.postMessage('ready');
}
