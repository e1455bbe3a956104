// The parts of the Markdown report; render-markdown.ts and render-markdown-summary.ts put them
// together. Every value from the report goes through the escapes in markdown-escape.ts.
import type { Report } from '@contract/report-types';
import {
  CREDENTIAL_WORDS,
  countsInWords,
  FIX_OUTCOME_WORDS,
  JOIN_TYPE_WORDS,
  STATUS_SYMBOLS,
  STATUS_WORDS,
  sourceWords,
  TRUST_MODEL_WORDS,
} from '@contract/report-words';
import type { CheckResult, EvidenceItem } from '@contract/types';
import { FIX_CATALOG, fixName } from '../fixes/fix-catalog';
import { commandLine } from './command-words';
import { markdownCell, markdownCode, markdownCodeBlock, markdownText } from './markdown-escape';
import { nextAction } from './next-action';

const statusText = (status: CheckResult['status']) => `${STATUS_SYMBOLS[status]} ${STATUS_WORDS[status]}`;

/** The verdict in one line: the word, then the sentence. */
export function headlineSection(report: Report): string {
  const { status, text } = report.headline;
  return `**${STATUS_SYMBOLS[status]} ${markdownText(text)}**`;
}

/** The remedy of the step the headline names, and the fixes offered for it. */
export function nextActionSection(report: Report): string {
  const action = nextAction(report);
  if (!action) return '## What to do next\n\nNothing: every step of the chain works.';
  const out = ['## What to do next', '', `Step: **${markdownText(action.check.title)}**`];
  if (action.remediation) out.push('', markdownText(action.remediation));
  if (action.fixes.length > 0) {
    out.push('', 'Fixes:', '');
    for (const id of action.fixes) {
      out.push(`- **${markdownText(fixName(id))}**: ${markdownText(FIX_CATALOG[id].does)}`);
    }
  }
  return out.join('\n');
}

export function trustModelSection(report: Report): string {
  return [
    '## Trust model',
    '',
    `- **This session used:** ${markdownText(TRUST_MODEL_WORDS[report.trustModel])}: ${markdownText(report.trustModelReason)}`,
    `- **Policy asks for:** ${markdownText(TRUST_MODEL_WORDS[report.policyTrustModel])}: ${markdownText(report.policyTrustModelReason)}`,
    `- **Signed in with:** ${markdownText(CREDENTIAL_WORDS[report.sessionCredential])}: ${markdownText(report.sessionCredentialReason)}`,
  ].join('\n');
}

export function deviceSection(report: Report): string {
  const { device } = report;
  const value = (text: string | null) => (text ? markdownText(text) : 'not known');
  return [
    '## Device',
    '',
    `- **Device name:** ${value(device.name)}`,
    `- **User:** ${value(device.user)}`,
    `- **AD domain:** ${value(device.domain)}`,
    `- **Tenant ID:** ${value(device.tenantId)}`,
    `- **Join type:** ${device.joinType ? JOIN_TYPE_WORDS[device.joinType] : 'not known'}`,
  ].join('\n');
}

/** Every check in chain order: status, step and summary, one row each. */
export function checksTable(checks: readonly CheckResult[]): string {
  const rows = checks.map(
    (c) => `| ${statusText(c.status)} | ${markdownCell(c.title)} | ${markdownCell(c.summary)} |`,
  );
  return ['| Status | Step | Summary |', '| --- | --- | --- |', ...rows].join('\n');
}

export function checksSection(report: Report): string {
  return [`## Checks (${countsInWords(report.counts)})`, '', checksTable(report.checks)].join('\n');
}

/** Evidence, remedy, fixes and links of every step that did not pass, or passed against the evidence. */
export function detailsSection(report: Report): string {
  const open = report.checks.filter((c) => (c.status !== 'pass' && c.status !== 'skip') || c.contradiction);
  if (open.length === 0) return '## Details\n\nEvery step passed or did not apply.';
  return ['## Details', ...open.map((c) => checkDetails(c, report.checks))].join('\n\n');
}

function checkDetails(check: CheckResult, all: readonly CheckResult[]): string {
  const out = [
    `### ${statusText(check.status)}: ${markdownText(check.title)}`,
    '',
    markdownText(check.summary),
  ];
  if (check.blockedBy) {
    const blocker = all.find((c) => c.id === check.blockedBy);
    out.push('', `Blocked by the step **${markdownText(blocker?.title ?? check.blockedBy)}**.`);
  }
  if (check.contradiction) out.push('', `Note: ${markdownText(check.contradiction)}`);
  for (const item of check.evidence) out.push('', evidenceBlock(item));
  if (check.remediation) out.push('', `**What to do:** ${markdownText(check.remediation)}`);
  if (check.fixes.length > 0) {
    out.push('', `**Fixes:** ${check.fixes.map((id) => markdownText(fixName(id))).join(', ')}`);
  }
  for (const doc of check.docs) out.push('', `Read more: ${markdownLink(doc.title, doc.url)}`);
  return out.join('\n');
}

function evidenceBlock(item: EvidenceItem): string {
  const head = `Evidence from ${markdownCode(commandLine(item.command))}:`;
  const parts = [head];
  if (item.lines.length > 0) parts.push('', markdownCodeBlock(item.lines));
  if (item.note) parts.push('', `(${markdownText(item.note)})`);
  return parts.join('\n');
}

/** A link only to a web page; anything else is shown as text. */
function markdownLink(title: string, url: string): string {
  if (!isWebUrl(url)) return `${markdownText(title)} (${markdownCode(url)})`;
  const target = url.replaceAll('(', '%28').replaceAll(')', '%29').replaceAll(' ', '%20');
  return `[${markdownText(title)}](${target})`;
}

export function isWebUrl(url: string): boolean {
  return url.startsWith('https://') || url.startsWith('http://');
}

/** Every fix attempted in the session, in order, with the output it printed. */
export function fixHistorySection(report: Report): string {
  if (report.fixAttempts.length === 0) return '## Fix history\n\nNo fix was attempted.';
  const rows = report.fixAttempts.map(
    (a) =>
      `| ${markdownCell(a.at)} | ${markdownCell(fixName(a.fixId))} | ${FIX_OUTCOME_WORDS[a.outcome]} | ${markdownCell(a.message)} |`,
  );
  const out = [
    '## Fix history',
    '',
    '| Time | Fix | Outcome | What happened |',
    '| --- | --- | --- | --- |',
    ...rows,
  ];
  report.fixAttempts.forEach((a, index) => {
    if (a.output.trim() === '') return;
    out.push(
      '',
      `Output of attempt ${index + 1} (${markdownText(fixName(a.fixId))}):`,
      '',
      markdownCodeBlock([a.output]),
    );
  });
  return out.join('\n');
}

export function sourceSection(report: Report): string {
  return [
    '## Source',
    '',
    `- **Evidence:** ${markdownText(sourceWords(report.source))}`,
    `- **Captured:** ${markdownText(report.capturedAt)}`,
    `- **Report generated:** ${markdownText(report.generatedAt)}`,
    `- **Tool:** ${markdownText(`${report.tool.name} ${report.tool.version}`)}, report format ${markdownText(`${report.format} version ${report.version}`)}`,
  ].join('\n');
}
