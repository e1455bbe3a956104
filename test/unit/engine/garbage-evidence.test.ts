import { type Capture, CHECK_IDS, PROBE_IDS, type ProbeId } from '@contract/types';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { diagnose } from '../../../electron/engine/diagnose';
import { loadScenario } from '../../../electron/engine/scenarios/scenario-catalog';

const base = loadScenario('healthy-hybrid');

function withProbe(id: ProbeId, change: Partial<Capture['probes'][ProbeId]>): Capture {
  const probe = base.probes[id] ?? {
    command: [],
    exitCode: 0,
    stdout: '',
    stderr: '',
    durationMs: 0,
    error: null,
  };
  return { ...base, probes: { ...base.probes, [id]: { ...probe, ...change } } };
}

function statusOf(capture: Capture, id: string) {
  return diagnose(capture, { kind: 'capture', file: 'x' }).checks.find((c) => c.id === id);
}

describe('bad evidence', () => {
  it('a garbage dsregcmd output makes its checks unknown, with the reason', () => {
    const check = statusOf(
      withProbe('dsregcmd-status', { stdout: '\u0000\u0001garbage ☃ %%%' }),
      'join-state',
    );
    expect(check?.status).toBe('unknown');
    expect(check?.summary).toMatch(/could not be read/);
  });

  it.each([
    ['timeout', /did not finish in time/],
    ['not-found', /is not on this device/],
    ['access-denied', /access denied/],
  ])('a probe that failed with %s says so in plain words', (error, words) => {
    const check = statusOf(withProbe('nltest-dsgetdc', { error, stdout: '' }), 'dc-line-of-sight');
    expect(check?.status).toBe('unknown');
    expect(check?.summary).toMatch(words);
  });

  it('a missing probe makes its checks unknown, not a crash', () => {
    const { 'klist-cloud-debug': _gone, ...rest } = base.probes;
    const report = diagnose({ ...base, probes: rest }, { kind: 'capture', file: 'x' });
    expect(report.checks.find((c) => c.id === 'hello-signin')?.status).toBe('unknown');
  });

  it('any probe with any output never crashes the checklist', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...PROBE_IDS),
        fc.string({ maxLength: 400 }),
        fc.option(fc.integer()),
        (id, stdout, exitCode) => {
          const report = diagnose(withProbe(id, { stdout, exitCode }), { kind: 'capture', file: 'x' });
          expect(report.checks).toHaveLength(CHECK_IDS.length);
          for (const check of report.checks) expect(check.summary.length).toBeGreaterThan(0);
        },
      ),
      { numRuns: 300 },
    );
  });
});
