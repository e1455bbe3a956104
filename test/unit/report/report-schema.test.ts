// The JSON report is a public contract: every report the engine makes must match the schema
// in the repository, and the schema must refuse what is not a report.

import type { Report } from '@contract/report-types';
import { CHECK_IDS, FIX_IDS, PROBE_IDS } from '@contract/types';
import Ajv2020 from 'ajv/dist/2020';
import { describe, expect, it } from 'vitest';
import { renderJson } from '../../../electron/engine/report/render-json';
import schema from '../../../electron/engine/report/report.schema.json';
import { FIX_HISTORY, SCENARIO_NAMES, scenarioReport } from './report-fixtures';

const validate = new Ajv2020({ allErrors: true, strict: true }).compile(schema);

function errorsOf(value: unknown): string[] {
  return validate(value) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message}`);
}

describe('the JSON report', () => {
  it.each(SCENARIO_NAMES)('of %s is valid against report.schema.json', (name) => {
    const printed = renderJson(scenarioReport(name));
    expect(printed.endsWith('}\n')).toBe(true);
    expect(errorsOf(JSON.parse(printed))).toEqual([]);
  });

  it('stays valid with a fix history, a capture file and a live source', () => {
    const base = scenarioReport('expired-prt');
    for (const source of [
      { kind: 'capture', file: 'C:\\captures\\pc-0142.json' },
      { kind: 'live' },
    ] as const) {
      const report: Report = { ...base, source, fixAttempts: FIX_HISTORY };
      expect(errorsOf(JSON.parse(renderJson(report)))).toEqual([]);
    }
  });

  it('reads back exactly as the engine made it', () => {
    const report = scenarioReport('clock-skew');
    expect(JSON.parse(renderJson(report))).toEqual(report);
  });
});

describe('the schema', () => {
  it('names the same check, probe and fix ids as the engine', () => {
    expect(schema.$defs.checkId.enum).toEqual([...CHECK_IDS]);
    expect(schema.$defs.probeId.enum).toEqual([...PROBE_IDS]);
    expect(schema.$defs.fixId.enum).toEqual([...FIX_IDS]);
    expect(schema.properties.format.const).toBe('whfb-doctor/report');
    expect(schema.properties.version.const).toBe(1);
  });

  it('refuses another format or version, an unknown status, a missing field and an extra one', () => {
    const good = JSON.parse(renderJson(scenarioReport('certificate-trust-enabled')));
    const cases: [string, (r: Record<string, unknown> & { checks: Record<string, unknown>[] }) => void][] = [
      ['format', (r) => Object.assign(r, { format: 'whfb-doctor/capture' })],
      ['version', (r) => Object.assign(r, { version: 2 })],
      ['status', (r) => Object.assign(r.checks[0] ?? {}, { status: 'broken' })],
      ['trust model', (r) => Object.assign(r, { trustModel: 'password-trust' })],
      ['missing headline', (r) => delete r.headline],
      ['extra field', (r) => Object.assign(r, { secret: 'x' })],
      ['check id', (r) => Object.assign(r.checks[0] ?? {}, { id: 'os_build' })],
      ['generatedAt', (r) => Object.assign(r, { generatedAt: 'yesterday' })],
    ];
    for (const [what, spoil] of cases) {
      const report = structuredClone(good);
      spoil(report);
      expect(errorsOf(report), what).not.toEqual([]);
    }
  });
});
