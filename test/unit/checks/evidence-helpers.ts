// Builds fact sets for the check tests from real command outputs: a practice capture (or the
// samples and parser fixtures), changed one line at a time, then read by the real parsers.
import { readFileSync } from 'node:fs';
import type {
  CaptureInputs,
  CheckOutcome,
  FixId,
  ProbeError,
  ProbeId,
  ProbeOutputs,
  ProbeResult,
} from '@contract/types';
import { buildFactSet, type FactSet } from '../../../electron/engine/facts/fact-set';
import { loadScenario } from '../../../electron/engine/scenarios/scenario-catalog';

/** One change to a capture's probe outputs. Edits never change their input. */
export type Edit = (outputs: ProbeOutputs) => ProbeOutputs;

/** A scenario's capture after the edits, as the checks see it (capture time as "now"). */
export function factsFor(scenario: string, ...edits: Edit[]): FactSet {
  const capture = loadScenario(scenario);
  return buildFactSet(applyEdits(capture.probes, edits), capture.inputs ?? {}, new Date(capture.capturedAt));
}

/** The probe outputs after the edits, for tests that build the fact set themselves. */
export function applyEdits(outputs: ProbeOutputs, edits: Edit[]): ProbeOutputs {
  return edits.reduce((current, edit) => edit(current), outputs);
}

/** The same facts with other inputs (share path, key age). */
export function withInputs(set: FactSet, inputs: CaptureInputs): FactSet {
  return { ...set, inputs };
}

/** The same facts judged at another time. */
export function at(set: FactSet, iso: string): FactSet {
  return { ...set, now: new Date(iso) };
}

/** A file under test/fixtures, e.g. "parsers/nltest-dsgetdc-failure-01.txt" or "samples/dsregcmd-status-13.txt". */
export function fixture(path: string): string {
  return readFileSync(new URL(`../../fixtures/${path}`, import.meta.url), 'utf8');
}

function probeOf(outputs: ProbeOutputs, id: ProbeId): ProbeResult {
  const result = outputs[id];
  if (!result) throw new Error(`the capture has no ${id} probe to edit`);
  return result;
}

function withProbe(outputs: ProbeOutputs, id: ProbeId, result: ProbeResult): ProbeOutputs {
  return { ...outputs, [id]: result };
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Sets the value of every "Label : value" / "Label: value" line with exactly this label
 * (case-sensitive, so dsregcmd's SSO "OnPremTgt" and NGC "OnPremTGT" stay apart), keeping
 * the alignment. Throws when the label is not there, so a test never edits nothing.
 */
export function setLine(id: ProbeId, label: string, value: string): Edit {
  const pattern = new RegExp(`^([ \\t]*${escapeRegExp(label)}[ \\t]*:[ \\t]?).*$`, 'gm');
  return (outputs) => {
    const result = probeOf(outputs, id);
    if (!pattern.test(result.stdout)) throw new Error(`no "${label} :" line in ${id}`);
    pattern.lastIndex = 0;
    return withProbe(outputs, id, {
      ...result,
      stdout: result.stdout.replace(pattern, (_line, head: string) => `${head}${value}`),
    });
  };
}

/** Removes every "Label : value" line with exactly this label. */
export function removeLine(id: ProbeId, label: string): Edit {
  const pattern = new RegExp(`^[ \\t]*${escapeRegExp(label)}[ \\t]*:.*(?:\\r?\\n|$)`, 'gm');
  return (outputs) => {
    const result = probeOf(outputs, id);
    if (!pattern.test(result.stdout)) throw new Error(`no "${label} :" line in ${id}`);
    pattern.lastIndex = 0;
    return withProbe(outputs, id, { ...result, stdout: result.stdout.replace(pattern, '') });
  };
}

/** Inserts a line after the first line that contains `after`. */
export function insertLine(id: ProbeId, after: string, line: string): Edit {
  return (outputs) => {
    const result = probeOf(outputs, id);
    const lines = result.stdout.split('\n');
    const index = lines.findIndex((l) => l.includes(after));
    if (index < 0) throw new Error(`no line with "${after}" in ${id}`);
    lines.splice(index + 1, 0, line);
    return withProbe(outputs, id, { ...result, stdout: lines.join('\n') });
  };
}

/** Replaces every occurrence of a text in a probe's output; throws when it is not there. */
export function replaceText(id: ProbeId, from: string, to: string): Edit {
  return (outputs) => {
    const result = probeOf(outputs, id);
    if (!result.stdout.includes(from)) throw new Error(`"${from}" is not in ${id}`);
    return withProbe(outputs, id, { ...result, stdout: result.stdout.split(from).join(to) });
  };
}

/** Sets a `reg query` value line ("    Name    REG_DWORD    0x1") to other data. */
export function setRegistryValue(id: ProbeId, name: string, data: string): Edit {
  const pattern = new RegExp(`^([ \\t]+${escapeRegExp(name)}[ \\t]+REG_\\w+[ \\t]+).*$`, 'gm');
  return (outputs) => {
    const result = probeOf(outputs, id);
    if (!pattern.test(result.stdout)) throw new Error(`no ${name} value in ${id}`);
    pattern.lastIndex = 0;
    return withProbe(outputs, id, {
      ...result,
      stdout: result.stdout.replace(pattern, (_line, head: string) => `${head}${data}`),
    });
  };
}

const ENABLED_GROUP = 'Mandatory group, Enabled by default, Enabled group';

/** Adds a row to `whoami /groups /fo csv`, as Windows prints it. */
export function addGroup(name: string, sid: string, type = 'Group', attributes = ENABLED_GROUP): Edit {
  return (outputs) => {
    const result = probeOf(outputs, 'whoami-groups');
    const row = `"${name}","${type}","${sid}","${attributes}"`;
    const stdout = result.stdout.endsWith('\n') ? `${result.stdout}${row}\n` : `${result.stdout}\n${row}`;
    return withProbe(outputs, 'whoami-groups', { ...result, stdout });
  };
}

/** Removes the whoami /groups row of a SID. */
export function removeGroup(sid: string): Edit {
  return (outputs) => {
    const result = probeOf(outputs, 'whoami-groups');
    const kept = result.stdout.split('\n').filter((line) => !line.includes(`"${sid}"`));
    if (kept.length === result.stdout.split('\n').length) throw new Error(`no ${sid} row in whoami-groups`);
    return withProbe(outputs, 'whoami-groups', { ...result, stdout: kept.join('\n') });
  };
}

/** The probe was not captured at all. */
export function dropProbe(id: ProbeId): Edit {
  return (outputs) => {
    const { [id]: _dropped, ...rest } = outputs;
    return rest;
  };
}

/** The probe ran and failed: 'timeout', 'not-found', 'access-denied', or any other error text. */
export function failProbe(id: ProbeId, error: Exclude<ProbeError, null> = 'timeout'): Edit {
  return (outputs) => {
    const command = outputs[id]?.command ?? [id];
    return withProbe(outputs, id, {
      command,
      exitCode: null,
      stdout: '',
      stderr: '',
      durationMs: 10,
      error,
    });
  };
}

/** The probe was not run, for the reason the live host gives ("skipped: ..."). */
export function skipProbe(id: ProbeId, why = 'not needed'): Edit {
  return failProbe(id, `skipped: ${why}`);
}

/** The probe's whole output replaced (a sample, a parser fixture); added when it was not captured. */
export function setOutput(id: ProbeId, stdout: string, command?: string[]): Edit {
  return (outputs) => {
    const previous = outputs[id];
    return withProbe(outputs, id, {
      command: command ?? previous?.command ?? [id],
      exitCode: 0,
      stdout,
      stderr: '',
      durationMs: 10,
      error: null,
    });
  };
}

// --- what a technician reads ------------------------------------------------------------------

/** Every evidence line shown under the outcome. */
export function shownLines(outcome: Pick<CheckOutcome, 'evidence'>): string[] {
  return outcome.evidence.flatMap((item) => item.lines);
}

/** Every evidence note shown under the outcome. */
export function shownNotes(outcome: Pick<CheckOutcome, 'evidence'>): string[] {
  return outcome.evidence.flatMap((item) => (item.note ? [item.note] : []));
}

/** The fixes offered (an empty list when none). */
export function fixesOf(outcome: { fixes?: FixId[] }): FixId[] {
  return outcome.fixes ?? [];
}

/** True when one shown line contains the text. */
export function showsLine(outcome: Pick<CheckOutcome, 'evidence'>, text: string): boolean {
  return shownLines(outcome).some((line) => line.includes(text));
}
