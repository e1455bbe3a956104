// The walker: .json and .json.gz in folders at any depth, files named directly whatever they are
// called, links to files read, links to folders not followed, and what cannot be read listed.

import { execFileSync } from 'node:child_process';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { isFleetFileName, MAX_WALK_DEPTH, walkFleetPaths } from '../../../electron/fleet/walk-fleet-paths';
import { removeTempFolders, tempFolder } from './fleet-fixtures';

afterAll(removeTempFolders);

function put(file: string, text = '{}'): string {
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, text);
  return file;
}

describe('walkFleetPaths', () => {
  it('finds .json and .json.gz at any depth, sorted, with size and time', async () => {
    const root = tempFolder();
    const files = [
      put(path.join(root, 'a.json')),
      put(path.join(root, 'site-1', 'PC-1-alice.JSON.GZ'), 'xx'),
      put(path.join(root, 'site-1', 'deep', 'er', 'PC-2-bob.json')),
    ];
    put(path.join(root, 'notes.txt'));
    put(path.join(root, 'site-1', 'capture.json.bak'));
    put(path.join(root, 'site-1', '.PC-1.json.gz.3f2a.tmp'));
    const walk = await walkFleetPaths([root]);
    expect(walk.files.map((f) => f.path)).toEqual([...files].sort());
    expect(walk.files.find((f) => f.path.endsWith('.GZ'))?.size).toBe(2);
    expect(walk.files.every((f) => f.mtimeMs > 0)).toBe(true);
    expect(walk.problems).toEqual([]);
    expect(walk.folders).toEqual([root]);
  });

  it('takes a file named directly whatever its name, and each file once', async () => {
    const root = tempFolder();
    const odd = put(path.join(root, 'capture.txt'));
    const json = put(path.join(root, 'x.json'));
    const relative = path.relative(process.cwd(), json);
    const walk = await walkFleetPaths([odd, root, relative, json]);
    expect(walk.files.map((f) => f.path)).toEqual([odd, json].sort());
  });

  it('reads links to files, does not follow links to folders, and says what is not a file', async () => {
    const root = tempFolder();
    const target = put(path.join(root, 'real', 'PC-1.json'));
    symlinkSync(target, path.join(root, 'link.json'));
    symlinkSync(root, path.join(root, 'real', 'loop'));
    symlinkSync(path.join(root, 'real'), path.join(root, 'folder-link.json'));
    symlinkSync(path.join(root, 'missing.json'), path.join(root, 'dangling.json'));
    execFileSync('mkfifo', [path.join(root, 'pipe.json')]);
    const walk = await walkFleetPaths([root]);
    expect(walk.files.map((f) => path.basename(f.path))).toEqual(['link.json', 'PC-1.json']);
    expect(walk.problems).toEqual(
      [
        { path: path.join(root, 'dangling.json'), reason: 'no such file' },
        { path: path.join(root, 'folder-link.json'), reason: 'not a file' },
        { path: path.join(root, 'pipe.json'), reason: 'not a file' },
      ].sort((a, b) => a.path.localeCompare(b.path)),
    );
  });

  it('lists paths that are missing or not files and folders, and goes on', async () => {
    const root = tempFolder();
    put(path.join(root, 'ok.json'));
    const pipe = path.join(root, 'pipe');
    execFileSync('mkfifo', [pipe]);
    const walk = await walkFleetPaths([path.join(root, 'nope'), pipe, root]);
    expect(walk.files).toHaveLength(1);
    expect(walk.problems).toEqual(
      [
        { path: path.join(root, 'nope'), reason: 'no such file' },
        { path: pipe, reason: 'not a file or folder' },
      ].sort((a, b) => (a.path < b.path ? -1 : 1)),
    );
  });

  it('stops at a depth no share layout reaches', async () => {
    const root = tempFolder();
    const deep = path.join(root, ...Array.from({ length: MAX_WALK_DEPTH + 2 }, (_, i) => `d${i}`));
    put(path.join(deep, 'x.json'));
    put(path.join(root, 'd0', 'y.json'));
    const walk = await walkFleetPaths([root]);
    expect(walk.files.map((f) => path.basename(f.path))).toEqual(['y.json']);
    expect(walk.problems).toHaveLength(1);
    expect(walk.problems[0]?.reason).toBe(`folders nested deeper than ${MAX_WALK_DEPTH} levels are not read`);
  });

  it('says a folder it cannot list', async () => {
    const root = tempFolder();
    put(path.join(root, 'locked', 'x.json'));
    // Root reads any folder: a file in the place of a folder is what every user cannot list.
    const walk = await walkFleetPaths([path.join(root, 'locked', 'x.json', 'below')]);
    expect(walk.problems).toEqual([
      { path: path.join(root, 'locked', 'x.json', 'below'), reason: 'ENOTDIR' },
    ]);
  });

  it('names fleet files by their end, in any case', () => {
    expect(['a.json', 'A.JSON', 'b.json.gz', 'c.Json.Gz'].every(isFleetFileName)).toBe(true);
    expect(['a.gz', 'a.jsonl', 'a.json.tmp', 'json'].some(isFleetFileName)).toBe(false);
  });
});
