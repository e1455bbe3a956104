// Times one parse under a deadline. The call runs through node:vm only for its timeout, which
// also interrupts a regular expression that backtracks: a super-linear parser is reported as
// over the deadline instead of hanging the caller.

import { performance } from 'node:perf_hooks';
import vm from 'node:vm';

export interface ParseTime {
  /** Milliseconds, or the deadline when it ran out. */
  ms: number;
  timedOut: boolean;
  /** The exception the parser threw, if it threw. */
  error?: unknown;
}

const context = vm.createContext({ call: (): void => undefined });
const script = new vm.Script('call()');

/**
 * Runs `parse(text)` once and measures it from inside the call (the deadline's watchdog is
 * not counted); stops it at `deadlineMs`. The time is the lesser of wall-clock and process
 * CPU time: wall time also counts waiting for a busy CPU, CPU time also counts the garbage
 * collector's helper threads, and the parse's own work is no more than either.
 */
export function timeParse(parse: (text: string) => unknown, text: string, deadlineMs: number): ParseTime {
  let ms = Number.NaN;
  let error: unknown;
  let threw = false;
  context.call = () => {
    const cpu = process.cpuUsage();
    const started = performance.now();
    try {
      parse(text);
    } catch (caught) {
      threw = true;
      error = caught;
    }
    const wall = performance.now() - started;
    const used = process.cpuUsage(cpu);
    ms = Math.min(wall, (used.user + used.system) / 1000);
  };
  try {
    script.runInContext(context, { timeout: deadlineMs });
  } catch {
    return { ms: deadlineMs, timedOut: true };
  }
  return threw ? { ms, timedOut: false, error } : { ms, timedOut: false };
}

/** The better of two runs (the second is skipped when the first ran out of time or threw). */
export function bestOfTwo(parse: (text: string) => unknown, text: string, deadlineMs: number): ParseTime {
  const first = timeParse(parse, text, deadlineMs);
  if (first.timedOut || first.error !== undefined) return first;
  const second = timeParse(parse, text, deadlineMs);
  return second.ms < first.ms ? second : first;
}

/**
 * The least of `runs` timed parses after one untimed warm-up (the least is the parse's own cost;
 * the others add a busy machine's waits and garbage collection). Stops at the first run that
 * ran out of time or threw, and returns that run.
 */
export function leastOf(
  parse: (text: string) => unknown,
  text: string,
  runs: number,
  deadlineMs: number,
): ParseTime {
  const warm = timeParse(parse, text, deadlineMs);
  if (warm.timedOut || warm.error !== undefined) return warm;
  let least: ParseTime = { ms: Number.POSITIVE_INFINITY, timedOut: false };
  for (let run = 0; run < runs; run += 1) {
    const time = timeParse(parse, text, deadlineMs);
    if (time.timedOut || time.error !== undefined) return time;
    if (time.ms < least.ms) least = time;
  }
  return least;
}
