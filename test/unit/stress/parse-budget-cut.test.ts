// Output over a parser's budget is cut, and the person reading the check or the report sees
// it: the evidence from that probe says where it was cut. Real outputs are never cut.

import { readdirSync, readFileSync } from 'node:fs';
import type { Capture, ProbeId } from '@contract/types';
import { describe, expect, it } from 'vitest';
import { diagnose } from '../../../electron/engine/diagnose';
import { buildFactSet } from '../../../electron/engine/facts/fact-set';
import { PROBE_PARSERS } from '../../../electron/engine/facts/probe-parsers';
import { cutNote, cutNoteOf, KB, PROBE_PARSE_BUDGETS } from '../../../electron/engine/parsers/parse-budget';
import { renderHtml } from '../../../electron/engine/report/render-html';
import { renderMarkdown } from '../../../electron/engine/report/render-markdown';
import { renderText } from '../../../electron/engine/report/render-text';
import { loadScenario, SCENARIOS } from '../../../electron/engine/scenarios/scenario-catalog';

const FIXTURES = new URL('../../fixtures/', import.meta.url);

/** A scenario whose dsregcmd output has lines of padding after the real output, over the budget. */
function paddedCapture(): { capture: Capture; length: number } {
  const capture = loadScenario('expired-prt');
  const dsregcmd = capture.probes['dsregcmd-status'];
  if (!dsregcmd) throw new Error('expired-prt has no dsregcmd output');
  const padding = `${' '.repeat(79)}\n`.repeat(Math.ceil((300 * KB) / 80));
  const stdout = `${dsregcmd.stdout}\n${padding}`;
  return {
    capture: { ...capture, probes: { ...capture.probes, 'dsregcmd-status': { ...dsregcmd, stdout } } },
    length: stdout.length,
  };
}

describe('a cut output in the check and the report', () => {
  it('changes no status, and every evidence item from that probe says where it was cut', () => {
    const { capture, length } = paddedCapture();
    const note = cutNote(PROBE_PARSE_BUDGETS['dsregcmd-status'], length);
    expect(note).toMatch(/^output cut at 256 KB of 30\d KB; the rest was not read$/);
    const source = { kind: 'capture' as const, file: 'padded.json' };
    const whole = diagnose(loadScenario('expired-prt'), source);
    const cut = diagnose(capture, source);
    expect(cut.checks.map((check) => [check.id, check.status])).toEqual(
      whole.checks.map((check) => [check.id, check.status]),
    );
    const items = cut.checks.flatMap((check) => check.evidence);
    const fromDsregcmd = items.filter((item) => item.probeId === 'dsregcmd-status');
    expect(fromDsregcmd.length).toBeGreaterThan(0);
    for (const item of fromDsregcmd) expect(item.note).toContain(note);
    expect(
      items.filter((item) => item.probeId !== 'dsregcmd-status' && item.note?.includes('cut at')),
    ).toEqual([]);
    expect(renderMarkdown(cut)).toContain(note);
    expect(renderText(cut, { colour: false })).toContain(note);
    expect(renderHtml(cut)).toContain(note);
  });

  it('an output that is not recognized says it was cut after the reason', () => {
    const capture = loadScenario('expired-prt');
    const dsregcmd = capture.probes['dsregcmd-status'];
    if (!dsregcmd) throw new Error('expired-prt has no dsregcmd output');
    const stdout = `${'z'.repeat(1023)}\n`.repeat(300);
    const set = buildFactSet({ ...capture.probes, 'dsregcmd-status': { ...dsregcmd, stdout } });
    const probe = set.probes['dsregcmd-status'];
    expect(probe.state).toBe('failed');
    if (probe.state !== 'failed') return;
    expect(probe.reason).toMatch(
      /^the output of .* could not be read \(.+\); output cut at 256 KB of 300 KB/,
    );
  });
});

describe('real outputs are never cut', () => {
  it('no probe of any practice scenario is cut', () => {
    for (const scenario of SCENARIOS) {
      const set = buildFactSet(loadScenario(scenario.name).probes);
      for (const [id, probe] of Object.entries(set.probes)) {
        if (probe.state === 'ok') expect(cutNoteOf(probe.problems), `${scenario.name} ${id}`).toBeUndefined();
        else if (probe.state === 'failed')
          expect(probe.reason, `${scenario.name} ${id}`).not.toContain('cut at');
      }
    }
  });

  it('no sample output is cut, and each is a small part of every budget', () => {
    const smallest = Math.min(...Object.values(PROBE_PARSE_BUDGETS));
    let files = 0;
    for (const folder of ['samples', 'parsers']) {
      for (const file of readdirSync(new URL(`${folder}/`, FIXTURES))) {
        if (file.endsWith('.md')) continue;
        const text = readFileSync(new URL(`${folder}/${file}`, FIXTURES), 'utf8');
        expect(text.length * 20, file).toBeLessThan(smallest);
        for (const [id, parse] of Object.entries(PROBE_PARSERS) as Array<
          [ProbeId, (text: string) => { problems: string[] }]
        >) {
          expect(cutNoteOf(parse(text).problems), `${folder}/${file} as ${id}`).toBeUndefined();
        }
        files += 1;
      }
    }
    expect(files).toBeGreaterThan(40);
  });
});
