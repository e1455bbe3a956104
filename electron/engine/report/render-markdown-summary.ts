import type { Report } from '@contract/report-types';
import { CREDENTIAL_WORDS, sourceWords, TRUST_MODEL_WORDS } from '@contract/report-words';
import { markdownText } from './markdown-escape';
import { checksTable, headlineSection, nextActionSection } from './markdown-sections';

/**
 * A short block for a ticket: the verdict, what to do, the trust models, the device and
 * only the steps that did not pass.
 */
export function renderMarkdownSummary(report: Report): string {
  const device = [report.device.name, report.device.user].filter((v): v is string => Boolean(v));
  const open = report.checks.filter((c) => c.status !== 'pass' && c.status !== 'skip');
  const lines = [
    `**WHfB Doctor**: ${markdownText([...device, sourceWords(report.source)].join(' · '))}, captured ${markdownText(report.capturedAt)}`,
    '',
    headlineSection(report),
    '',
    `Trust model this session used: ${markdownText(TRUST_MODEL_WORDS[report.trustModel])} · policy asks for: ${markdownText(TRUST_MODEL_WORDS[report.policyTrustModel])} · signed in with: ${markdownText(CREDENTIAL_WORDS[report.sessionCredential])}`,
    '',
    nextActionSection(report).replace('## What to do next', '**What to do next**'),
  ];
  if (open.length > 0) lines.push('', checksTable(open));
  return `${lines.join('\n')}\n`;
}
