import { oneLine } from '@contract/one-line';
import type { CaptureInputs, EvidenceItem, ProbeId, ProbeOutputs, ProbeResult } from '@contract/types';
import { PROBE_IDS } from '@contract/types';
import { cutNoteOf } from '../parsers/parse-budget';
import { PROBE_PARSERS, type ProbeFactsMap } from './probe-parsers';

/** A probe's parsed facts, or why there are none. Checks turn the last two into `unknown`. */
export type ProbeFacts<T> =
  | { state: 'ok'; facts: T; problems: string[]; result: ProbeResult }
  | { state: 'absent'; reason: string }
  | { state: 'failed'; reason: string; result: ProbeResult };

export interface FactSet {
  probes: { [K in ProbeId]: ProbeFacts<ProbeFactsMap[K]> };
  inputs: CaptureInputs;
  /** "Now" for age calculations: the capture time, so a replay judges as the live run did. */
  now: Date;
}

/** Parses every probe once. Never throws: a parser bug becomes a `failed` probe. */
export function buildFactSet(outputs: ProbeOutputs, inputs: CaptureInputs = {}, now = new Date()): FactSet {
  const probes = {} as Record<ProbeId, ProbeFacts<unknown>>;
  for (const id of PROBE_IDS) probes[id] = parseProbe(id, outputs[id]);
  return { probes: probes as FactSet['probes'], inputs, now };
}

/** Puts one probe's facts into a fact set being filled in as probes finish (the live host's). */
export function setProbeFacts(set: FactSet, id: ProbeId, result: ProbeResult): void {
  (set.probes as Record<ProbeId, ProbeFacts<unknown>>)[id] = parseProbe(id, result);
}

/** One probe's output parsed. Never throws: a parser bug becomes a `failed` probe. */
export function parseProbe(id: ProbeId, result: ProbeResult | undefined): ProbeFacts<unknown> {
  if (!result) return { state: 'absent', reason: `${id} was not captured` };
  if (result.error) return { state: 'failed', reason: describeProbeError(result), result };
  try {
    const parsed = PROBE_PARSERS[id](result.stdout);
    if (!parsed.recognized) {
      const why = withoutTrailingDots(parsed.problems[0] ?? 'its output was not recognised');
      const cut = cutNoteOf(parsed.problems.slice(1));
      return {
        state: 'failed',
        reason: `the output of ${commandName(result, id)} could not be read (${why})${cut ? `; ${cut}` : ''}`,
        result,
      };
    }
    return { state: 'ok', facts: parsed.facts, problems: parsed.problems, result };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { state: 'failed', reason: `reading ${id} failed: ${oneLine(message)}`, result };
  }
}

/** "could not read x..." → "could not read x", with string methods (no backtracking). */
function withoutTrailingDots(text: string): string {
  let end = text.length;
  while (end > 0 && text[end - 1] === '.') end -= 1;
  return text.slice(0, end);
}

export function describeProbeError(result: ProbeResult): string {
  const name = commandName(result);
  switch (result.error) {
    case 'timeout':
      return `${name} did not finish in time and was stopped`;
    case 'not-found':
      return `${name} is not on this device`;
    case 'access-denied':
      return `Windows refused to run ${name} (access denied)`;
    default:
      if (result.error?.startsWith('skipped: '))
        return `it was not run (${result.error.slice('skipped: '.length)})`;
      return `${name} failed: ${result.error}`;
  }
}

function commandName(result: ProbeResult, fallback = 'the command'): string {
  return result.command.length > 0 ? result.command.join(' ') : fallback;
}

/** The facts of a probe when it was read, else undefined. */
export function factsOf<K extends ProbeId>(set: FactSet, id: K): ProbeFactsMap[K] | undefined {
  const probe = set.probes[id];
  return probe.state === 'ok' ? probe.facts : undefined;
}

/** Evidence naming the command and the lines that decided; undefined lines are dropped. */
export function evidence(
  set: FactSet,
  id: ProbeId,
  lines: (string | undefined)[],
  note?: string,
): EvidenceItem {
  const probe = set.probes[id];
  const command = probe.state === 'absent' ? [] : probe.result.command;
  const kept = lines.filter((line): line is string => typeof line === 'string' && line !== '');
  // Output over its parser's budget was read only in part: every item from it says so.
  const cut = probe.state === 'ok' ? cutNoteOf(probe.problems) : undefined;
  const said = probe.state === 'ok' ? note : (note ?? probe.reason);
  const why = cut ? [said, cut].filter(Boolean).join('; ') : said;
  return { probeId: id, command, lines: kept, ...(why ? { note: why } : {}) };
}
