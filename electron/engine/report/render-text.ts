import { oneLine } from '@contract/one-line';
import type { Report } from '@contract/report-types';
import { STATUS_SYMBOLS } from '@contract/report-words';
import type { CheckStatus } from '@contract/types';
import { FIX_CATALOG } from '../fixes/fix-catalog';

const COLOUR: Record<CheckStatus, string> = {
  pass: '\x1b[32m',
  warn: '\x1b[33m',
  fail: '\x1b[31m',
  blocked: '\x1b[90m',
  unknown: '\x1b[35m',
  skip: '\x1b[90m',
};
const RESET = '\x1b[0m';
const BOLD = '\x1b[1m';

const TRUST_MODEL_TEXT: Record<Report['trustModel'], string> = {
  'cloud-kerberos-trust': 'cloud Kerberos trust',
  'key-trust': 'key trust',
  'certificate-trust': 'certificate trust',
  none: 'none (not a Hello sign-in)',
  unknown: 'unknown',
};

const CREDENTIAL_TEXT: Record<Report['sessionCredential'], string> = {
  hello: 'Hello',
  'smart-card': 'a smart card',
  fido2: 'a FIDO2 security key',
  password: 'a password',
  unknown: 'unknown',
};

function sourceText(report: Report): string {
  switch (report.source.kind) {
    case 'live':
      return 'this device';
    case 'capture':
      return `capture ${report.source.file}`;
    case 'scenario':
      return `practice scenario "${report.source.name}"`;
  }
}

/** Text from a capture, printed as text: no escape sequence or other control byte reaches the terminal. */
const MAX_LINE = 2000;
const safe = (text: string) => oneLine(text, MAX_LINE);

/** The checklist for a terminal: verdict first, one line per step, details for what is not green. */
export function renderText(report: Report, options: { colour: boolean }): string {
  const paint = (status: CheckStatus, text: string) =>
    options.colour ? `${COLOUR[status]}${text}${RESET}` : text;
  const bold = (text: string) => (options.colour ? `${BOLD}${text}${RESET}` : text);
  const headStatus: CheckStatus = report.headline.status;
  const device = safe([report.device.name, report.device.user].filter(Boolean).join(' · '));
  const out = [
    bold(`WHfB Doctor — ${safe(sourceText(report))}${device ? ` — ${device}` : ''}`),
    `Captured ${safe(report.capturedAt)}`,
    '',
    paint(headStatus, `${STATUS_SYMBOLS[headStatus]} ${safe(report.headline.text)}`),
    `Trust model this session used: ${TRUST_MODEL_TEXT[report.trustModel]} — ${safe(report.trustModelReason)}`,
    `Signed in with: ${CREDENTIAL_TEXT[report.sessionCredential]} · policy asks for: ${TRUST_MODEL_TEXT[report.policyTrustModel]}`,
    '',
  ];
  for (const check of report.checks) {
    const blocker = check.blockedBy ? report.checks.find((c) => c.id === check.blockedBy) : undefined;
    const because = blocker ? ` (blocked by: ${blocker.title})` : '';
    const label = paint(check.status, `${STATUS_SYMBOLS[check.status]} ${check.status.padEnd(7)}`);
    out.push(`${label} ${check.title}: ${safe(check.summary)}${because}`);
    if (check.contradiction) out.push(`      ! ${check.contradiction}`);
    if (check.status === 'fail' || check.status === 'warn') {
      for (const item of check.evidence) {
        for (const line of item.lines) out.push(`      │ ${safe(line)}`);
        if (item.note) out.push(`      │ (${safe(item.note)})`);
      }
      if (check.remediation) out.push(`      → ${safe(check.remediation)}`);
      if (check.fixes.length > 0)
        out.push(`      fixes: ${check.fixes.map((id) => FIX_CATALOG[id].title).join('; ')}`);
      for (const doc of check.docs) out.push(`      docs: ${doc.url}`);
    }
  }
  const counts = Object.entries(report.counts)
    .filter(([, n]) => n > 0)
    .map(([status, n]) => `${n} ${status}`)
    .join(', ');
  out.push('', counts);
  return `${out.join('\n')}\n`;
}
