import type { Report } from '@contract/report-types';

/** The versioned report as scripts read it (report.schema.json describes it), one key per line. */
export function renderJson(report: Report): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}
