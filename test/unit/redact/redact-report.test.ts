// A redacted report keeps its verdict and everything the checks wrote in general words, and
// replaces every identifying value wherever a summary, an evidence line or a fix quoted it.

import type { FixAttempt } from '@contract/fix-attempt';
import type { Report } from '@contract/report-types';
import { describe, expect, it } from 'vitest';
import { diagnose } from '../../../electron/engine/diagnose';
import { learnFromCapture } from '../../../electron/engine/redact/redact-capture';
import { redactReport } from '../../../electron/engine/redact/redact-report';
import { createRedactor } from '../../../electron/engine/redact/redactor';
import { renderHtml } from '../../../electron/engine/report/render-html';
import { renderMarkdown } from '../../../electron/engine/report/render-markdown';
import { loadScenario } from '../../../electron/engine/scenarios/scenario-catalog';

const ATTEMPT: FixAttempt = {
  at: '2026-11-25T09:30:00.000Z',
  fixId: 'delete-hello-container',
  outcome: 'done',
  message: 'Deleted the Hello container of contoso\\alice.',
  output:
    '> certutil.exe -deletehellocontainer\nUser: CONTOSO\\alice\nCertUtil: -DeleteHelloContainer command completed successfully.',
};

const capture = loadScenario('clock-skew');

function report(): Report {
  const base = diagnose(capture, { kind: 'capture', file: 'C:\\Users\\alice\\Desktop\\PC-0142.json' });
  return { ...base, fixAttempts: [ATTEMPT] };
}

describe('redactReport', () => {
  const original = report();
  const redactor = createRedactor();
  learnFromCapture(capture, redactor);
  const redacted = redactReport(original, redactor);

  it('keeps statuses, ids, titles, explanations, links and counts', () => {
    expect(
      redacted.checks.map((c) => [c.id, c.status, c.title, c.explanation, c.docs, c.fixes, c.blockedBy]),
    ).toEqual(
      original.checks.map((c) => [c.id, c.status, c.title, c.explanation, c.docs, c.fixes, c.blockedBy]),
    );
    expect([redacted.counts, redacted.trustModel, redacted.headline.checkId, redacted.generatedAt]).toEqual([
      original.counts,
      original.trustModel,
      original.headline.checkId,
      original.generatedAt,
    ]);
  });

  it('replaces the device, the capture file name, summaries, evidence and the fix history', () => {
    expect(redacted.device).toEqual({
      name: 'HOST-1.domain-2.example',
      user: 'domain-1\\user-1',
      domain: 'domain-2.example',
      tenantId: 'aaaaaaaa-0000-0000-0000-000000000001',
      deviceId: 'dddddddd-0000-0000-0000-000000000001',
      joinType: 'hybrid',
    });
    expect(redacted.source).toEqual({ kind: 'capture', file: 'C:\\Users\\user-1\\Desktop\\HOST-1.json' });
    const dc = redacted.checks.find((c) => c.id === 'dc-line-of-sight');
    expect(dc?.summary).toBe(
      'Reached domain controller HOST-2.domain-2.example (site SITE-1), which supports the key list request.',
    );
    expect(dc?.evidence[0]?.command).toEqual(['nltest.exe', '/dsgetdc:domain-2.example', '/kdc', '/keylist']);
    expect(dc?.evidence[0]?.lines[0]).toBe('DC: \\\\HOST-2.domain-2.example');
    expect(redacted.fixAttempts).toEqual([
      {
        ...ATTEMPT,
        message: 'Deleted the Hello container of domain-1\\user-1.',
        output:
          '> certutil.exe -deletehellocontainer\nUser: DOMAIN-1\\user-1\nCertUtil: -DeleteHelloContainer command completed successfully.',
      },
    ]);
  });

  it('leaves no original value in the Markdown and HTML of the redacted report', () => {
    for (const text of [renderMarkdown(redacted), renderHtml(redacted)]) {
      for (const value of ['alice', 'contoso', 'PC-0142', 'DC01', '10.20.0.10', '3f1c2b7a', '1004336348']) {
        expect(text.toLowerCase()).not.toContain(value.toLowerCase());
      }
    }
  });

  it('on its own, replaces every name its evidence shows', () => {
    const alone = redactReport(original);
    expect(alone.device).toEqual(redacted.device);
    for (const value of ['alice', 'contoso', 'PC-0142', 'DC01', '10.20.0.10', '3f1c2b7a', '1004336348']) {
      expect(JSON.stringify(alone).toLowerCase()).not.toContain(value.toLowerCase());
    }
  });

  it('keeps a report of a practice scenario named as it is, and a live one', () => {
    const scenario = diagnose(loadScenario('clock-skew'), { kind: 'scenario', name: 'clock-skew' });
    expect(redactReport(scenario).source).toEqual({ kind: 'scenario', name: 'clock-skew' });
    expect(redactReport({ ...scenario, source: { kind: 'live' } }).source).toEqual({ kind: 'live' });
  });

  it('redacts a report that names nothing without inventing anything', () => {
    const bare = diagnose({ ...loadScenario('clock-skew'), probes: {} }, { kind: 'live' });
    const after = redactReport(bare);
    expect(after).toEqual(bare);
  });
});
