// What a fleet run found, for the writers: the devices, the files it could not read, the counts.

import type { FleetSummaryRow } from '@contract/fleet-summary';

export const FLEET_FORMAT = 'whfb-doctor/fleet';
export const FLEET_VERSION = 1;

export interface FleetError {
  path: string;
  reason: string;
}

export interface FleetCounts {
  /** Files found under the paths given. */
  files: number;
  /** Read and diagnosed in this run. */
  read: number;
  /** Taken from the cache unchanged. */
  cached: number;
  unreadable: number;
  devices: number;
}

export interface FleetResult {
  engine: string;
  devices: FleetSummaryRow[];
  errors: FleetError[];
  counts: FleetCounts;
}

/** `fleet --json`: the whole result, versioned, with the unreadable files as `errors`. */
export function fleetJson(result: FleetResult): string {
  return `${JSON.stringify({ format: FLEET_FORMAT, version: FLEET_VERSION, ...result }, null, 2)}\n`;
}
