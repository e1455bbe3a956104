import type { Report } from '@contract/report-types';
import {
  checksSection,
  detailsSection,
  deviceSection,
  fixHistorySection,
  headlineSection,
  nextActionSection,
  sourceSection,
  trustModelSection,
} from './markdown-sections';

/** The whole report as Markdown for a ticket: verdict and action first, then the evidence. */
export function renderMarkdown(report: Report): string {
  const sections = [
    '# WHfB Doctor report',
    headlineSection(report),
    nextActionSection(report),
    trustModelSection(report),
    deviceSection(report),
    checksSection(report),
    detailsSection(report),
    fixHistorySection(report),
    sourceSection(report),
  ];
  return `${sections.join('\n\n')}\n`;
}
