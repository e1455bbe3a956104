// The files a fleet run reads: every .json and .json.gz under the folders given (recursively),
// and files named directly whatever they are called. Links to folders are not followed (a link
// back up would never end); a folder that cannot be listed is a problem, not the end of the run.

import type { Dirent, Stats } from 'node:fs';
import { opendir, stat } from 'node:fs/promises';
import path from 'node:path';
import { describeFileError } from '../engine/files/describe-file-error';

export interface FleetFileEntry {
  /** Absolute path: the cache key, so a folder given relatively or absolutely is one file set. */
  path: string;
  size: number;
  mtimeMs: number;
}

export interface FleetPathProblem {
  path: string;
  reason: string;
}

export interface FleetWalk {
  /** Sorted by path, each once. */
  files: FleetFileEntry[];
  /** Sorted by path. */
  problems: FleetPathProblem[];
  /** The folders walked (absolute), for forgetting cached files that are gone. */
  folders: string[];
}

/** Deeper than any share layout; a guard against pathological trees. */
export const MAX_WALK_DEPTH = 32;
/** Stats in flight at once: enough to hide a network share's latency, few enough for its server. */
const STAT_CONCURRENCY = 32;

export function isFleetFileName(name: string): boolean {
  const lower = name.toLowerCase();
  return lower.endsWith('.json') || lower.endsWith('.json.gz');
}

function entryOf(file: string, info: Stats): FleetFileEntry {
  return { path: file, size: info.size, mtimeMs: info.mtimeMs };
}

/** Runs `work` over `items`, at most `limit` at a time. */
async function eachLimited<T>(
  items: readonly T[],
  limit: number,
  work: (item: T) => Promise<void>,
): Promise<void> {
  let next = 0;
  const lane = async () => {
    while (next < items.length) {
      const item = items[next++] as T;
      await work(item);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, lane));
}

export async function walkFleetPaths(roots: readonly string[]): Promise<FleetWalk> {
  const files = new Map<string, FleetFileEntry>();
  const problems: FleetPathProblem[] = [];
  const folders: string[] = [];
  // The path is listed beside the reason: the reason is the words alone ("no such file").
  const problem = (where: string, error: unknown) =>
    problems.push({ path: where, reason: describeFileError('', error).replace(/^: /, '') });

  const walkFolder = async (folder: string, depth: number): Promise<void> => {
    if (depth > MAX_WALK_DEPTH) {
      problems.push({
        path: folder,
        reason: `folders nested deeper than ${MAX_WALK_DEPTH} levels are not read`,
      });
      return;
    }
    const entries: Dirent[] = [];
    try {
      for await (const entry of await opendir(folder)) entries.push(entry);
    } catch (error) {
      problem(folder, error);
      return;
    }
    const subfolders: string[] = [];
    const candidates: string[] = [];
    for (const entry of entries) {
      const full = path.join(folder, entry.name);
      if (entry.isDirectory()) subfolders.push(full);
      // Links are looked through by stat below: a link to a file is read like the file, a link
      // to a folder is not walked (a link back up would never end).
      else if (isFleetFileName(entry.name)) candidates.push(full);
    }
    await eachLimited(candidates, STAT_CONCURRENCY, async (file) => {
      try {
        const info = await stat(file);
        if (info.isFile()) files.set(file, entryOf(file, info));
        // Named like a capture but a pipe, a device or a link to a folder: said, never opened.
        else problems.push({ path: file, reason: 'not a file' });
      } catch (error) {
        problem(file, error);
      }
    });
    for (const sub of subfolders) await walkFolder(sub, depth + 1);
  };

  for (const root of roots) {
    const absolute = path.resolve(root);
    let info: Stats;
    try {
      info = await stat(absolute);
    } catch (error) {
      problem(absolute, error);
      continue;
    }
    if (info.isDirectory()) {
      folders.push(absolute);
      await walkFolder(absolute, 0);
    } else if (info.isFile()) {
      files.set(absolute, entryOf(absolute, info));
    } else {
      problems.push({ path: absolute, reason: 'not a file or folder' });
    }
  }
  const byPath = (a: { path: string }, b: { path: string }) =>
    a.path < b.path ? -1 : a.path > b.path ? 1 : 0;
  // Stats finish in any order: sorted, a run lists the same thing the same way.
  return { files: [...files.values()].sort(byPath), problems: problems.sort(byPath), folders };
}
