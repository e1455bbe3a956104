// Captures built from real outputs: a practice capture's probes, with single probe outputs
// replaced by a real sample (test/fixtures/samples) or a parser fixture (test/fixtures/parsers),
// or changed by one small, named mutation. Every mutation throws when the text it changes is not
// there, so a test never passes on an edit that silently did nothing.
import { readFileSync } from 'node:fs';
import type { Capture, ProbeId, ProbeResult } from '@contract/types';

const read = (path: string): string => readFileSync(new URL(`../../../${path}`, import.meta.url), 'utf8');

/** A practice capture: a complete, consistent device (electron/engine/scenarios/captures). */
export function scenario(name: 'healthy-hybrid' | 'healthy-entra-joined'): Capture {
  return JSON.parse(read(`electron/engine/scenarios/captures/${name}.json`)) as Capture;
}

/** A real command output (test/fixtures/samples). */
export const sample = (name: string): string => read(`test/fixtures/samples/${name}`);

/** A hand-written parser fixture (test/fixtures/parsers). */
export const fixture = (name: string): string => read(`test/fixtures/parsers/${name}`);

type Mutation = (text: string) => string;

/**
 * What to do with one probe: new stdout, a mutation of its stdout, other fields of the result
 * (exit code, stderr), or `null` to leave the probe out of the capture (not captured).
 */
export type ProbeEdit = string | Mutation | Partial<ProbeResult> | null;

/** `captureFrom(base, { probeId: text | mutate(text) })`: the base with those probes changed. */
export function captureFrom(base: Capture, edits: Partial<Record<ProbeId, ProbeEdit>>): Capture {
  const probes = structuredClone(base.probes);
  for (const [id, edit] of Object.entries(edits) as [ProbeId, ProbeEdit][]) {
    const current = probes[id];
    if (edit === null) {
      delete probes[id];
      continue;
    }
    if (!current && typeof edit === 'function') throw new Error(`${id} is not in the base capture`);
    const result: ProbeResult = current ?? {
      command: [],
      exitCode: 0,
      stdout: '',
      stderr: '',
      durationMs: 0,
      error: null,
    };
    if (typeof edit === 'string') probes[id] = { ...result, stdout: edit };
    else if (typeof edit === 'function') probes[id] = { ...result, stdout: edit(result.stdout) };
    else probes[id] = { ...result, ...edit };
  }
  return { ...structuredClone(base), probes };
}

/** Several mutations, in order. */
export const pipe =
  (...mutations: Mutation[]): Mutation =>
  (text) =>
    mutations.reduce((changed, mutate) => mutate(changed), text);

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Every occurrence of `from` becomes `to`. */
export const replace =
  (from: string, to: string): Mutation =>
  (text) => {
    if (!text.includes(from)) throw new Error(`"${from}" is not in the text`);
    return text.split(from).join(to);
  };

/**
 * The value of a `Label : value` / `Label: value` line (dsregcmd, klist cloud_debug, w32tm),
 * alignment kept. The label is matched exactly (case too: dsregcmd's SSO `OnPremTgt` is not the
 * NGC prerequisite `OnPremTGT`).
 */
export const setValue =
  (label: string, value: string): Mutation =>
  (text) => {
    const line = new RegExp(`^([ \\t]*${escapeRegExp(label)}[ \\t]*:)[^\\r\\n]*$`, 'gm');
    if (!line.test(text)) throw new Error(`no "${label} :" line`);
    return text.replace(line, (_all, head: string) => `${head} ${value}`);
  };

/** Removes the `Label : value` line (Windows leaves some out, e.g. NgcKeyId when NgcSet is NO). */
export const dropLine =
  (label: string): Mutation =>
  (text) => {
    const line = new RegExp(`^[ \\t]*${escapeRegExp(label)}[ \\t]*:[^\\r\\n]*\\r?\\n`, 'gm');
    if (!line.test(text)) throw new Error(`no "${label} :" line`);
    return text.replace(line, '');
  };

/** A `whoami /groups /fo csv` row. */
export const csvGroup = (name: string, type: string, sid: string, attributes: string): string =>
  [name, type, sid, attributes].map((field) => `"${field}"`).join(',');

/**
 * The rows holding these SIDs in a `whoami /all` table sample, as `whoami /groups /fo csv` prints
 * the same groups (the table's columns are name, type, SID, attributes).
 */
export function groupsFromTable(whoamiAll: string, ...sids: string[]): string[] {
  return sids.map((sid) => {
    const row = whoamiAll
      .split('\n')
      .map((line) => new RegExp(`^(.*?)\\s{2,}(.+?)\\s+(${escapeRegExp(sid)})(?:\\s+(.*?))?\\s*$`).exec(line))
      .find((match) => match !== null);
    if (!row) throw new Error(`no ${sid} row in the sample`);
    return csvGroup(row[1] ?? '', row[2] ?? '', sid, row[4] ?? '');
  });
}

/** Token group rows added before the mandatory label row (whoami prints the label last). */
export const addGroups =
  (...rows: string[]): Mutation =>
  (text) => {
    const label = /^"[^"]*","[^"]*","S-1-16-\d+".*$/m.exec(text);
    if (!label) throw new Error('no mandatory label row');
    return text.replace(label[0], [...rows, label[0]].join('\n'));
  };

/** The token group row with this SID replaced by another row. */
export const replaceGroup =
  (sid: string, row: string): Mutation =>
  (text) => {
    const line = new RegExp(`^.*"${escapeRegExp(sid)}".*$`, 'm');
    if (!line.test(text)) throw new Error(`no ${sid} row`);
    return text.replace(line, row);
  };

/**
 * A dsregcmd section (`| SSO State |` ...) replaced by the same section taken from another
 * output, e.g. a sample that holds only that section.
 */
export const withSection =
  (source: string): Mutation =>
  (text) => {
    const title = /^\|\s*(.+?)\s*\|\s*$/m.exec(source)?.[1];
    if (!title) throw new Error('no dsregcmd section title in the source');
    const body = (from: string) =>
      new RegExp(
        `(\\|\\s*${escapeRegExp(title)}\\s*\\|\\s*\\n\\+-+\\+\\s*\\n)([\\s\\S]*?)(?=\\n\\+-+\\+|$)`,
      ).exec(from);
    const replacement = body(source);
    const target = body(text);
    if (!replacement || !target) throw new Error(`no "${title}" section`);
    return text.replace(target[0], `${target[1]}${replacement[2]?.replace(/\s+$/, '\n')}`);
  };

/** klist without the tickets whose `Server:` starts with `server`, the count adjusted. */
export const withoutTickets =
  (server: string): Mutation =>
  (text) => {
    const blocks = text.split(/\n(?=#\d+>)/);
    const [head = '', ...tickets] = blocks;
    const kept = tickets.filter(
      (block) => !new RegExp(`Server:\\s*${escapeRegExp(server)}`, 'i').test(block),
    );
    if (kept.length === tickets.length) throw new Error(`no ${server} ticket`);
    const renumbered = kept.map((block, index) => block.replace(/^#\d+>/, `#${index}>`));
    const count = head.replace(/Cached Tickets: \(\d+\)/, `Cached Tickets: (${kept.length})`);
    return [count, ...renumbered].join('\n');
  };
