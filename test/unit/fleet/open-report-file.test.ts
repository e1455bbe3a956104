// A report file of the fleet opened as a read-only checklist: every scenario's report opens as it
// was written, minus what would act on a device; anything else is refused in one line.

import { API_ARGUMENTS } from '@contract/api-contract';
import { describe, expect, it } from 'vitest';
import { serializeCapture } from '../../../electron/engine/capture/write-capture';
import { diagnose } from '../../../electron/engine/diagnose';
import { renderJson } from '../../../electron/engine/report/render-json';
import { loadScenario, scenarioNames } from '../../../electron/engine/scenarios/scenario-catalog';
import { openReportFile } from '../../../electron/fleet/open-report-file';

function reportText(name: string): string {
  return renderJson(diagnose(loadScenario(name), { kind: 'scenario', name }));
}

describe('openReportFile', () => {
  it.each(scenarioNames())('opens the report of %s with its verdict and without fixes', (name) => {
    const report = diagnose(loadScenario(name), { kind: 'scenario', name });
    const result = openReportFile({ fileName: `${name}.json`, text: renderJson(report) });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.fixPlans).toEqual({});
    expect(result.practice).toBeNull();
    expect(result.report.headline).toEqual(report.headline);
    expect(result.report.trustModel).toBe(report.trustModel);
    expect(result.report.checks.map((check) => [check.id, check.status, check.summary])).toEqual(
      report.checks.map((check) => [check.id, check.status, check.summary]),
    );
    expect(result.report.checks.every((check) => check.fixes.length === 0)).toBe(true);
  });

  it('keeps only documentation links the app would open', () => {
    const report = JSON.parse(reportText('healthy-hybrid'));
    report.checks[0].docs = [
      { title: 'bad', url: 'javascript:alert(1)' },
      { title: 'elsewhere', url: 'https://example.com/x' },
      { title: 'good', url: 'https://learn.microsoft.com/windows/security/' },
    ];
    const result = openReportFile({ fileName: 'r.json', text: JSON.stringify(report) });
    expect(result.ok && result.report.checks[0]?.docs.map((doc) => doc.title)).toEqual(['good']);
  });

  it.each([
    ['a capture', () => serializeCapture(loadScenario('healthy-hybrid')), /report/],
    ['not JSON', () => '{"format": ', /not valid JSON/],
    [
      'a damaged report',
      () => reportText('healthy-hybrid').replace('"headline": {', '"headline": {"status": 7, "x": {'),
      /./,
    ],
    [
      'an unknown check',
      () => reportText('healthy-hybrid').replace(/"id": "[a-z-]+"/, '"id": "rm-rf"'),
      /checks\.0\.id/,
    ],
    [
      'a check twice',
      () => {
        const report = JSON.parse(reportText('healthy-hybrid'));
        report.checks[1] = report.checks[0];
        return JSON.stringify(report);
      },
      /twice/,
    ],
    ['nested too deep', () => `${'['.repeat(100)}${']'.repeat(100)}`, /deeper/],
  ])('refuses %s in one line', (_, text, reason) => {
    const result = openReportFile({ fileName: 'x.json', text: text() });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.reason).toMatch(reason);
    expect(result.reason).toMatch(/^x\.json: /);
    expect(result.reason.length).toBeLessThanOrEqual(200);
    expect(result.reason).not.toMatch(/\n/);
  });

  it('is an API method whose arguments are checked before it runs', () => {
    const args = API_ARGUMENTS.openReportFile;
    expect(args.safeParse([{ fileName: 'a.json', text: '{}' }]).success).toBe(true);
    expect(args.safeParse([{ fileName: 'a.json' }]).success).toBe(false);
    expect(args.safeParse([{ fileName: 'x'.repeat(261), text: '{}' }]).success).toBe(false);
  });
});
