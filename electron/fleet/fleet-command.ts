// `whfb-doctor fleet PATH... [--csv|--json|--ndjson] [--db FILE] [--workers N]`: one row per
// device out of folders of captures and reports. The rows go to stdout; each file that could not
// be read goes to stderr as one line (and into --json's `errors`). Exit codes: 0 every file was
// read, 1 some could not be (they are listed), 2 bad invocation or cache.

import { availableParallelism } from 'node:os';
import { parseArgs } from 'node:util';
import { fleetCsv } from '@contract/fleet-csv';
import { fileLabel, oneLine } from '@contract/one-line';
import { openFleetCache } from './fleet-cache';
import { fleetNdjson } from './fleet-ndjson';
import { createFleetPool } from './fleet-pool';
import { fleetJson } from './fleet-result';
import { fleetTable } from './fleet-table';
import { runFleet } from './run-fleet';

/** Fewer files than this are read in the command's own thread: starting workers would cost more. */
export const MIN_FILES_FOR_WORKERS = 100;
const MAX_WORKERS = 16;

export const FLEET_USAGE = `fleet PATH... [--csv | --json | --ndjson] [--db FILE] [--workers N]
        One row per device from folders of captures and reports (.json, .json.gz, read
        recursively): the trust model the session used, the policy's, the root cause.
        --db FILE: keep an incremental cache in SQLite; a second run re-reads only files
        that changed. --workers N: reader threads (default: one per core; none for
        fewer than ${MIN_FILES_FOR_WORKERS} files). Unreadable files are listed on stderr, never stop the run;
        exit code 1 when there were any.`;

export interface FleetIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

function workerCount(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const count = /^\s*\d{1,2}\s*$/.test(value) ? Number(value) : Number.NaN;
  if (!(count >= 0 && count <= MAX_WORKERS)) {
    throw new Error(
      `--workers: expected a whole number from 0 to ${MAX_WORKERS}, got "${oneLine(value, 20)}"`,
    );
  }
  return count;
}

const OPTION_NAMES = '--csv, --json, --ndjson, --db, --workers';

function parse(args: string[]) {
  try {
    return parseArgs({
      args,
      allowPositionals: true,
      strict: true,
      options: {
        csv: { type: 'boolean' },
        json: { type: 'boolean' },
        ndjson: { type: 'boolean' },
        db: { type: 'string' },
        workers: { type: 'string' },
      },
    });
  } catch (error) {
    // Node's parser speaks of "args" and "strict mode": say it as the other commands do.
    const text = error instanceof Error ? error.message : String(error);
    const unknown = /Unknown option '([^']*)'/.exec(text)?.[1];
    if (unknown !== undefined) {
      throw new Error(`unknown option "${unknown}" (options: ${OPTION_NAMES}; try --help)`);
    }
    const missing = /Option '(?:-\w, )?(--[\w-]+)[^']*' argument missing/.exec(text)?.[1];
    if (missing !== undefined) throw new Error(`${missing} needs a value (try --help)`);
    throw new Error(`${text.split('.')[0]} (try --help)`);
  }
}

export async function fleetCommand(args: string[], io: FleetIo): Promise<number> {
  const { values, positionals } = parse(args);
  if (positionals.length === 0) throw new Error('fleet needs at least one folder or file');
  const formats = (['csv', 'json', 'ndjson'] as const).filter((format) => values[format]);
  if (formats.length > 1) throw new Error('use one of --csv, --json and --ndjson');
  const workers = workerCount(values.workers);

  const opened = await openFleetCache(values.db ?? null);
  if (!opened.ok) throw new Error(`--db: ${opened.reason}`);
  const { cache } = opened;
  try {
    const result = await runFleet({
      paths: positionals,
      cache,
      pool: (files) =>
        createFleetPool({
          workers:
            workers ?? (files < MIN_FILES_FOR_WORKERS ? 0 : Math.min(availableParallelism(), MAX_WORKERS)),
        }),
    });
    const format = formats[0];
    if (format === 'csv') io.stdout(fleetCsv(result.devices));
    else if (format === 'ndjson') io.stdout(fleetNdjson(result.devices));
    else if (format === 'json') io.stdout(fleetJson(result));
    else io.stdout(fleetTable(result.devices));
    for (const error of result.errors)
      io.stderr(`whfb-doctor: ${fileLabel(error.path)}: ${oneLine(error.reason)}\n`);
    const { files, read, cached, unreadable, devices } = result.counts;
    io.stderr(
      `${files} file${files === 1 ? '' : 's'} (${read} read, ${cached} from the cache), ` +
        `${unreadable} unreadable, ${devices} device${devices === 1 ? '' : 's'}\n`,
    );
    return unreadable > 0 ? 1 : 0;
  } finally {
    cache.close();
  }
}
