// The messages between the fleet pool and its workers: a batch of paths out, their results back.

import type { FleetFileResult } from './read-fleet-file';

export interface FleetBatch {
  id: number;
  paths: string[];
  /** The expansion limit per file (the default unless a test lowers it). */
  maxBytes: number;
}

export interface FleetBatchDone {
  id: number;
  results: FleetFileResult[];
}

/** Files of one batch read at once, so one file's disk or network wait overlaps another's checks. */
export const FILES_IN_FLIGHT_PER_WORKER = 4;

/** Summarizes a batch in order, a few files at a time. */
export async function summarizeBatch(
  batch: FleetBatch,
  summarize: (path: string, maxBytes: number) => Promise<FleetFileResult>,
): Promise<FleetBatchDone> {
  const results: FleetFileResult[] = new Array(batch.paths.length);
  let next = 0;
  const lane = async () => {
    while (next < batch.paths.length) {
      const index = next++;
      results[index] = await summarize(batch.paths[index] as string, batch.maxBytes);
    }
  };
  await Promise.all(Array.from({ length: Math.min(FILES_IN_FLIGHT_PER_WORKER, batch.paths.length) }, lane));
  return { id: batch.id, results };
}
