// Only the newest request may change the screen: a slow answer to an older one is dropped.
// Runs, fixes and pasted output share one counter, so none of them overwrites a newer one.
let latest = 0;

/** Starts a request; keep the number and ask `isLatestRun` when its answer arrives. */
export function claimRun(): number {
  latest += 1;
  return latest;
}

export function isLatestRun(run: number): boolean {
  return run === latest;
}
