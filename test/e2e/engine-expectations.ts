// The expected results come from the engine itself, never hard-coded: the UI must show exactly
// what `diagnose` decides for the same capture.
//
// The scenario catalog imports its captures as plain JSON modules, which Node's ESM loader (used
// by Playwright's workers) refuses without import attributes; tsx's scoped `tsImport` loads the
// engine the same way the CLI does, without changing how Playwright loads the tests.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Report, ReportSource } from '@contract/report-types';
import { tsImport } from 'tsx/esm/api';

type Catalog = typeof import('../../electron/engine/scenarios/scenario-catalog');
type Engine = typeof import('../../electron/engine/diagnose');

const catalog = (await tsImport(
  '../../electron/engine/scenarios/scenario-catalog.ts',
  import.meta.url,
)) as Catalog;
const engine = (await tsImport('../../electron/engine/diagnose.ts', import.meta.url)) as Engine;

export const SCENARIOS = catalog.SCENARIOS;

/** What the engine reports for a capture opened from the given source. */
export function expectedReport(scenarioName: string, source: ReportSource): Report {
  return engine.diagnose(catalog.loadScenario(scenarioName), source);
}

export function expectedScenarioReport(name: string): Report {
  return expectedReport(name, { kind: 'scenario', name });
}

/** A shipped scenario's capture file, as a person would have it on disk. */
export function scenarioCaptureText(name: string): string {
  const scenario = SCENARIOS.find((s) => s.name === name);
  if (!scenario) throw new Error(`no scenario ${name}`);
  const file = fileURLToPath(
    new URL(`../../electron/engine/scenarios/captures/${scenario.file}`, import.meta.url),
  );
  return readFileSync(file, 'utf8');
}

/** What the engine reports for a scenario with an administrator's Get-AzureADKerberosServer output pasted. */
export function expectedWithAdminOutput(name: string, text: string): Report {
  const capture = catalog.loadScenario(name);
  const pasted = {
    command: ['Get-AzureADKerberosServer'],
    exitCode: 0,
    stdout: text,
    stderr: '',
    durationMs: 0,
    error: null,
  };
  return engine.diagnose(
    { ...capture, probes: { ...capture.probes, 'entra-kerberos-server-admin': pasted } },
    { kind: 'scenario', name },
  );
}

/** The statuses that differ between two reports: check id → status before. */
export function changedStatuses(before: Report, after: Report): Record<string, string> {
  const earlier = new Map(before.checks.map((c) => [c.id, c.status]));
  return Object.fromEntries(
    after.checks.flatMap((c) => {
      const was = earlier.get(c.id);
      return was !== undefined && was !== c.status ? [[c.id, was]] : [];
    }),
  );
}
