// A self-contained page: one inline style sheet, no script, no external resource (the
// Content-Security-Policy forbids loading anything), readable in a browser, printable, light
// and dark. Everything that comes from the report is escaped by escapeHtml.
import type { Report } from '@contract/report-types';
import {
  CREDENTIAL_WORDS,
  countsInWords,
  FIX_OUTCOME_WORDS,
  HEADLINE_WORDS,
  JOIN_TYPE_WORDS,
  STATUS_SYMBOLS,
  STATUS_WORDS,
  sourceWords,
  TRUST_MODEL_WORDS,
} from '@contract/report-words';
import type { CheckResult, EvidenceItem } from '@contract/types';
import { FIX_CATALOG, fixName } from '../fixes/fix-catalog';
import { chainPictureHtml } from './chain-picture-svg';
import { commandLine } from './command-words';
import { escapeHtml as esc } from './html-escape';
import { isWebUrl } from './markdown-sections';
import { nextAction } from './next-action';
import { REPORT_CSS } from './report-css';

const CSP = "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'";

/** The report as one HTML document. */
export function renderHtml(report: Report): string {
  const device = [report.device.name, report.device.user].filter((v): v is string => Boolean(v));
  const title = `WHfB Doctor report: ${HEADLINE_WORDS[report.headline.status]}${device[0] ? ` — ${device[0]}` : ''}`;
  const open = report.checks.filter((c) => c.status !== 'pass' && c.status !== 'skip');
  const settled = report.checks.filter((c) => c.status === 'pass' || c.status === 'skip');
  const body = [
    `<header><h1>WHfB Doctor report</h1><p class="meta">${esc([...device, sourceWords(report.source)].join(' · '))}; captured ${esc(report.capturedAt)}</p></header>`,
    '<main>',
    verdictHtml(report),
    chainPictureHtml(report),
    nextActionHtml(report),
    trustModelHtml(report),
    deviceHtml(report),
    checksTableHtml(report),
    open.length > 0
      ? `<section aria-labelledby="attention"><h2 id="attention">Steps that need attention</h2>${open.map((c) => checkHtml(c, report.checks)).join('')}</section>`
      : '',
    settled.length > 0
      ? `<section aria-labelledby="settled"><h2 id="settled">Steps that passed or did not apply</h2>${settled.map((c) => checkHtml(c, report.checks)).join('')}</section>`
      : '',
    fixHistoryHtml(report),
    '</main>',
    footerHtml(report),
  ];
  return [
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${CSP}">`,
    '<meta name="referrer" content="no-referrer">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="color-scheme" content="light dark">',
    `<title>${esc(title)}</title>`,
    `<style>${REPORT_CSS}</style>`,
    '</head>',
    '<body>',
    ...body,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

const badge = (status: CheckResult['status'], words = STATUS_WORDS[status]) =>
  `<span class="badge status-${esc(status)}">${esc(`${STATUS_SYMBOLS[status]} ${words}`)}</span>`;

function verdictHtml(report: Report): string {
  const { status, text } = report.headline;
  return `<section class="verdict status-${esc(status)}" aria-label="Verdict" data-status="${esc(status)}"><p>${badge(status, HEADLINE_WORDS[status])}${esc(text)}</p></section>`;
}

function nextActionHtml(report: Report): string {
  const action = nextAction(report);
  const inner = action
    ? [
        `<p>Step: <a href="#check-${esc(action.check.id)}">${esc(action.check.title)}</a></p>`,
        action.remediation ? `<p>${esc(action.remediation)}</p>` : '',
        action.fixes.length > 0
          ? `<h3>Fixes</h3><ul>${action.fixes.map((id) => `<li><span class="label">${esc(fixName(id))}</span>: ${esc(FIX_CATALOG[id].does)}</li>`).join('')}</ul>`
          : '',
      ].join('')
    : '<p>Nothing: every step of the chain works.</p>';
  return `<section class="action" aria-labelledby="next"><h2 id="next">What to do next</h2>${inner}</section>`;
}

function factsList(facts: [string, string][]): string {
  return `<dl class="facts">${facts.map(([term, value]) => `<dt>${esc(term)}</dt><dd>${esc(value)}</dd>`).join('')}</dl>`;
}

function trustModelHtml(report: Report): string {
  return `<section aria-labelledby="trust"><h2 id="trust">Trust model</h2>${factsList([
    ['This session used', `${TRUST_MODEL_WORDS[report.trustModel]}: ${report.trustModelReason}`],
    ['Policy asks for', `${TRUST_MODEL_WORDS[report.policyTrustModel]}: ${report.policyTrustModelReason}`],
    ['Signed in with', `${CREDENTIAL_WORDS[report.sessionCredential]}: ${report.sessionCredentialReason}`],
  ])}</section>`;
}

function deviceHtml(report: Report): string {
  const { device } = report;
  return `<section aria-labelledby="device"><h2 id="device">Device</h2>${factsList([
    ['Device name', device.name ?? 'not known'],
    ['User', device.user ?? 'not known'],
    ['AD domain', device.domain ?? 'not known'],
    ['Tenant ID', device.tenantId ?? 'not known'],
    ['Join type', device.joinType ? JOIN_TYPE_WORDS[device.joinType] : 'not known'],
  ])}</section>`;
}

function checksTableHtml(report: Report): string {
  const rows = report.checks.map(
    (c) =>
      `<tr data-check-id="${esc(c.id)}" data-status="${esc(c.status)}"><td>${badge(c.status)}</td><td><a href="#check-${esc(c.id)}">${esc(c.title)}</a></td><td>${esc(c.summary)}</td></tr>`,
  );
  return `<section aria-labelledby="checks"><h2 id="checks">Checks</h2><p class="meta">${esc(countsInWords(report.counts))}</p><table><thead><tr><th scope="col">Status</th><th scope="col">Step</th><th scope="col">Summary</th></tr></thead><tbody>${rows.join('')}</tbody></table></section>`;
}

function checkHtml(check: CheckResult, all: readonly CheckResult[]): string {
  const blocker = check.blockedBy ? all.find((c) => c.id === check.blockedBy) : undefined;
  const parts = [
    `<h3>${badge(check.status)} ${esc(check.title)}</h3>`,
    `<p>${esc(check.summary)}</p>`,
    check.blockedBy
      ? `<p>Blocked by the step <a href="#check-${esc(check.blockedBy)}">${esc(blocker?.title ?? check.blockedBy)}</a>.</p>`
      : '',
    check.contradiction ? `<p class="note">Note: ${esc(check.contradiction)}</p>` : '',
    check.explanation ? `<h4>What it means</h4><p>${esc(check.explanation)}</p>` : '',
    check.remediation ? `<h4>What to do</h4><p>${esc(check.remediation)}</p>` : '',
    check.fixes.length > 0
      ? `<h4>Fixes</h4><ul>${check.fixes.map((id) => `<li>${esc(fixName(id))}</li>`).join('')}</ul>`
      : '',
    check.evidence.length > 0 ? `<h4>Evidence</h4>${check.evidence.map(evidenceHtml).join('')}` : '',
    check.docs.length > 0
      ? `<h4>Read more</h4><ul>${check.docs.map((d) => `<li>${linkHtml(d.title, d.url)}</li>`).join('')}</ul>`
      : '',
  ];
  return `<article class="check" id="check-${esc(check.id)}" data-check-id="${esc(check.id)}" data-status="${esc(check.status)}">${parts.join('')}</article>`;
}

function evidenceHtml(item: EvidenceItem): string {
  const lines = item.lines.length > 0 ? `<pre>${esc(item.lines.join('\n'))}</pre>` : '';
  const note = item.note ? `<p class="note">${esc(item.note)}</p>` : '';
  return `<p>From <code>${esc(commandLine(item.command))}</code></p>${lines}${note}`;
}

/** A link only to a web page (opened by the reader, never loaded by the page); anything else is text. */
function linkHtml(title: string, url: string): string {
  if (!isWebUrl(url)) return `${esc(title)} (${esc(url)})`;
  return `<a href="${esc(url)}" rel="noreferrer noopener">${esc(title)}</a>`;
}

function fixHistoryHtml(report: Report): string {
  if (report.fixAttempts.length === 0) {
    return '<section aria-labelledby="fixes"><h2 id="fixes">Fix history</h2><p>No fix was attempted.</p></section>';
  }
  const rows = report.fixAttempts.map(
    (a) =>
      `<tr><td>${esc(a.at)}</td><td>${esc(fixName(a.fixId))}</td><td>${esc(FIX_OUTCOME_WORDS[a.outcome])}</td><td>${esc(a.message)}${a.output.trim() ? `<pre>${esc(a.output)}</pre>` : ''}</td></tr>`,
  );
  return `<section aria-labelledby="fixes"><h2 id="fixes">Fix history</h2><table><thead><tr><th scope="col">Time</th><th scope="col">Fix</th><th scope="col">Outcome</th><th scope="col">What happened</th></tr></thead><tbody>${rows.join('')}</tbody></table></section>`;
}

function footerHtml(report: Report): string {
  return `<footer>${factsList([
    ['Evidence', sourceWords(report.source)],
    ['Captured', report.capturedAt],
    ['Report generated', report.generatedAt],
    ['Tool', `${report.tool.name} ${report.tool.version}`],
    ['Report format', `${report.format} version ${report.version}`],
  ])}</footer>`;
}
