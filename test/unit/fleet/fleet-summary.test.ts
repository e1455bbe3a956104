// The summary row: valid against its JSON Schema for every scenario, read alike from a capture
// and from its report, and under 2,048 characters as one JSON line whatever the device says.

import {
  boundedPath,
  type FleetSummaryRow,
  MAX_SUMMARY_LINE_CHARS,
  SUMMARY_LIMITS,
  summaryFromReport,
  summaryLine,
} from '@contract/fleet-summary';
import Ajv2020 from 'ajv/dist/2020';
import { describe, expect, it } from 'vitest';
import { diagnose } from '../../../electron/engine/diagnose';
import { renderJson } from '../../../electron/engine/report/render-json';
import { loadScenario, SCENARIOS } from '../../../electron/engine/scenarios/scenario-catalog';
import schema from '../../../electron/fleet/fleet-summary.schema.json';
import { readReportSummary } from '../../../electron/fleet/read-report';
import { summarizeCapture } from '../../../electron/fleet/summarize-capture';

const validate = new Ajv2020({ allErrors: true, strict: true }).compile(schema);
const errorsOf = (row: unknown) =>
  validate(row) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message}`);

describe('the summary row', () => {
  it.each(SCENARIOS.map((s) => s.name))(
    'of %s matches the schema, and its report gives the same row',
    (name) => {
      const capture = loadScenario(name);
      const { report, row } = summarizeCapture(
        capture,
        { kind: 'scenario', name },
        'capture',
        `/fleet/${name}.json`,
      );
      expect(errorsOf(row)).toEqual([]);
      expect(row).toMatchObject({
        trustModel: report.trustModel,
        policyTrustModel: report.policyTrustModel,
        sessionCredential: report.sessionCredential,
        status: report.headline.status,
        rootCause: report.headline.checkId,
        capturedAt: capture.capturedAt,
        files: 1,
      });
      expect(row.deviceId).toMatch(/^[0-9a-f-]{36}$/);
      expect(row.osBuild).toMatch(/^\d{5}(\.\d+)?$/);
      // A report has no device id field: it is read from the evidence lines it quotes, when it does.
      const fromReport = readReportSummary(renderJson(report), `/fleet/${name}.report.json`);
      expect(fromReport.ok).toBe(true);
      if (!fromReport.ok) return;
      expect(errorsOf(fromReport.row)).toEqual([]);
      const { deviceId: _a, path: _b, source: _c, ...fromCapture } = row;
      const { deviceId: _d, path: _e, source: _f, ...fromFile } = fromReport.row;
      expect(fromFile).toEqual(fromCapture);
    },
  );

  it('reads the device id from a report that carries one', () => {
    const report = diagnose(loadScenario('healthy-hybrid'), { kind: 'live' });
    const withId = {
      ...report,
      device: { ...report.device, deviceId: 'ABCDEF00-0000-0000-0000-000000000001' },
    };
    const read = readReportSummary(JSON.stringify(withId), null);
    expect(read.ok && read.row.deviceId).toBe('abcdef00-0000-0000-0000-000000000001');
  });

  it('stays under 2,048 characters with every text at its longest and full of escapes', () => {
    // Quotes and backslashes double in JSON (control characters would be six each; they become "?").
    const worst = (n: number) => `"\\`.repeat(n);
    const row = summaryFromReport(
      {
        capturedAt: worst(100),
        tool: { version: worst(100) },
        device: { name: worst(500), user: worst(500), joinType: 'hybrid' },
        trustModel: 'cloud-kerberos-trust',
        policyTrustModel: 'certificate-trust',
        sessionCredential: 'smart-card',
        headline: { status: 'not-diagnosed' as 'fail', checkId: worst(100) },
      },
      { deviceId: worst(100), osBuild: worst(100), source: 'capture', path: worst(1000) },
    );
    const withError: FleetSummaryRow = { ...row, files: 1_000_000, error: '"'.repeat(SUMMARY_LIMITS.error) };
    expect(summaryLine(withError).length).toBeLessThan(MAX_SUMMARY_LINE_CHARS);
    expect(errorsOf({ ...withError, status: 'fail' })).toEqual([]);
  });

  it('has no control characters left to escape', () => {
    const { row } = summarizeCapture(
      loadScenario('healthy-hybrid'),
      { kind: 'live' },
      'live',
      '/a\u0001\n\u202e.json',
    );
    const named = summaryFromReport(
      {
        ...diagnose(loadScenario('healthy-hybrid'), { kind: 'live' }),
        device: { name: 'PC\u0000\t1', user: 'x\ry', joinType: null },
      },
      { deviceId: null, osBuild: null, source: 'report', path: null },
    );
    expect(row.path).toBe('/a? ?.json');
    expect(named).toMatchObject({ deviceName: 'PC? 1', user: 'x y' });
    expect(summaryLine(row)).not.toMatch(/\\u00/);
  });

  it('keeps the end of a long path, where the file name is', () => {
    const long = `/share/${'a/'.repeat(400)}PC-0142-alice.json.gz`;
    const kept = boundedPath(long) ?? '';
    expect(kept.length).toBe(SUMMARY_LIMITS.path);
    expect(kept.startsWith('…')).toBe(true);
    expect(kept.endsWith('PC-0142-alice.json.gz')).toBe(true);
    expect(boundedPath(null)).toBeNull();
  });

  it('has the same limits as the schema', () => {
    const properties = schema.properties as Record<string, { maxLength?: number }>;
    for (const [field, limit] of Object.entries(SUMMARY_LIMITS))
      expect([field, properties[field]?.maxLength]).toEqual([field, limit]);
  });

  it('the schema refuses what is not a row', () => {
    const { row } = summarizeCapture(loadScenario('healthy-hybrid'), { kind: 'live' }, 'live', null);
    expect(errorsOf({ ...row, trustModel: 'password' })).not.toEqual([]);
    expect(errorsOf({ ...row, extra: 1 })).not.toEqual([]);
    expect(errorsOf({ ...row, files: 0 })).not.toEqual([]);
    const { deviceId: _, ...missing } = row;
    expect(errorsOf(missing)).not.toEqual([]);
  });
});
