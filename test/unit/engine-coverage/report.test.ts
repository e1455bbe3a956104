// The report a technician or a script reads (diagnose.ts, report/render-text.ts), from the
// practice captures with one line changed.

import type { Capture } from '@contract/types';
import { describe, expect, it } from 'vitest';
import { checkPrt } from '../../../electron/engine/checks/check-prt';
import { diagnose, factsOfCapture } from '../../../electron/engine/diagnose';
import { renderText } from '../../../electron/engine/report/render-text';
import { loadScenario } from '../../../electron/engine/scenarios/scenario-catalog';
import { applyEdits, type Edit, fixture, setLine, setOutput } from '../checks/evidence-helpers';

const capture = (scenario: string, ...edits: Edit[]): Capture => {
  const base = loadScenario(scenario);
  return { ...base, probes: applyEdits(base.probes, edits) };
};

describe('diagnose', () => {
  it('judges a capture at its own time, or at the given time when the capture time is unreadable', () => {
    const healthy = loadScenario('healthy-hybrid');
    expect(factsOfCapture(healthy).now.toISOString()).toBe('2026-11-25T09:14:03.000Z');
    const fallback = new Date('2026-11-26T00:00:00Z');
    expect(factsOfCapture({ ...healthy, capturedAt: 'yesterday' }, fallback).now).toBe(fallback);
  });

  it.each([
    ['healthy-hybrid', [], 'hybrid'],
    ['healthy-entra-joined', [], 'entra'],
    ['healthy-hybrid', [setOutput('dsregcmd-status', fixture('samples/dsregcmd-status-01.txt'))], 'domain'],
    [
      'healthy-hybrid',
      [setLine('dsregcmd-status', 'AzureAdJoined', 'NO'), setLine('dsregcmd-status', 'DomainJoined', 'NO')],
      'none',
    ],
    ['healthy-hybrid', [setOutput('dsregcmd-status', fixture('samples/dsregcmd-status-06.txt'))], null],
  ] as const)('summarises the join type of %s as %s', (scenario, edits, joinType) => {
    const report = diagnose(capture(scenario, ...edits), { kind: 'scenario', name: scenario });
    expect(report.device.joinType).toBe(joinType);
  });

  it('counts every status and says which trust models were used and asked for', () => {
    const report = diagnose(capture('key-trust-fallback'), { kind: 'capture', file: 'pc-0142.json' });
    expect(report.trustModel).toBe('key-trust');
    expect(report.policyTrustModel).toBe('cloud-kerberos-trust');
    expect(Object.values(report.counts).reduce((a, b) => a + b, 0)).toBe(report.checks.length);
    expect(report.headline.checkId).toBe('onprem-tgt');
  });
});

describe('renderText', () => {
  it('names the source: this device, a capture file, a practice scenario', () => {
    const healthy = capture('healthy-hybrid');
    expect(renderText(diagnose(healthy, { kind: 'live' }), { colour: false })).toMatch(
      /^WHfB Doctor — this device — PC-0142\.corp\.contoso\.com · contoso\\alice\n/,
    );
    expect(renderText(diagnose(healthy, { kind: 'capture', file: 'pc.json' }), { colour: false })).toMatch(
      /^WHfB Doctor — capture pc\.json/,
    );
  });

  it('leaves the device out when nothing names it', () => {
    const bare: Capture = { ...loadScenario('healthy-hybrid'), probes: {} };
    const text = renderText(diagnose(bare, { kind: 'live' }), { colour: false });
    expect(text.split('\n')[0]).toBe('WHfB Doctor — this device');
  });

  it('shows the blocker, the evidence and the remediation of what failed, in colour for a terminal', () => {
    const text = renderText(diagnose(capture('expired-prt'), { kind: 'scenario', name: 'expired-prt' }), {
      colour: true,
    });
    expect(text).toContain(
      `\x1b[31m✘ fail   \x1b[0m ${checkPrt.title}: The PRT expired on 2026-11-17 08:12 UTC`,
    );
    expect(text).toContain(`(blocked by: ${checkPrt.title})`);
    expect(text).toContain('      │ AzureAdPrtExpiryTime : 2026-11-17 08:12:43.000 UTC');
    expect(text).toMatch(/ {6}→ The PRT renews at sign-in and unlock/);
  });

  it('shows a contradiction under a pass', () => {
    const text = renderText(
      diagnose(capture('healthy-hybrid', setLine('dsregcmd-status', 'AzureAdPrt', 'NO')), { kind: 'live' }),
      { colour: false },
    );
    expect(text).toContain(`      ! This passed although "${checkPrt.title}" failed`);
  });
});
