// Redaction over every practice scenario and every real sample: no identifying value of the
// original is left anywhere in the output, and a redacted capture still diagnoses the same.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Capture, ProbeId } from '@contract/types';
import { describe, expect, it } from 'vitest';
import { diagnose } from '../../../electron/engine/diagnose';
import { PROBE_PARSERS } from '../../../electron/engine/facts/probe-parsers';
import { redactCapture } from '../../../electron/engine/redact/redact-capture';
import { redactReport } from '../../../electron/engine/redact/redact-report';
import { createRedactor } from '../../../electron/engine/redact/redactor';
import { loadScenario, SCENARIOS } from '../../../electron/engine/scenarios/scenario-catalog';

const SAMPLES = join(__dirname, '../../fixtures/samples');

// Microsoft's own GUIDs, the same on every device: the credential providers and WAM account
// provider the verdicts read, and the event providers.
const MICROSOFT_GUIDS = new Set(
  [
    'D6886603-9D2F-4EB2-B667-1971041FA96B',
    '60B78E88-EAD8-445C-9CFD-0B87F74EA6CD',
    '8FD7E19C-3BF7-489B-A72C-846AB3678C96',
    'B16898C6-A148-4967-9171-64D755DA8520',
    '23B8D46B-67DD-40A3-B636-D43E50552C6D',
    '54849625-5478-4994-A5BA-3E3B0328C30D',
    'FFFFFFFF-FFFF-FFFF-FFFF-FFFFFFFFFFFF',
  ].map((g) => g.toLowerCase()),
);

/** Identifiers found by their shape: domain and Entra SIDs, GUIDs, IPv4, e-mail addresses, hex runs. */
function shapedValues(text: string): string[] {
  const values: string[] = [];
  for (const m of text.matchAll(/S-1-5-21-(\d+-\d+-\d+)/gi)) values.push(m[1] as string);
  for (const m of text.matchAll(/S-1-12-1-(\d+-\d+-\d+-\d+)/gi)) values.push(m[1] as string);
  for (const m of text.matchAll(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi)) {
    if (!MICROSOFT_GUIDS.has(m[0].toLowerCase())) values.push(m[0]);
  }
  for (const m of text.matchAll(/(?<![\d.])\d{1,3}(?:\.\d{1,3}){3}(?![\d.])/g)) {
    if (m[0].split('.').every((o) => Number(o) <= 255) && m[0] !== '127.0.0.1') values.push(m[0]);
  }
  for (const m of text.matchAll(/[\w.$-]+@[\w-]+(?:\.[\w-]+)+/g)) values.push(m[0]);
  for (const m of text.matchAll(/(?<![0-9a-z])[0-9a-f]{32,}(?![0-9a-z])/gi)) {
    if (/[a-f]/i.test(m[0]) && /\d/.test(m[0])) values.push(m[0]);
  }
  return values;
}

// Names without a shape of their own, read off the outputs by hand.
const SCENARIO_NAMES = [
  'alice',
  'alicesmith',
  'Smith',
  'contoso',
  'contoso.com',
  'corp.contoso.com',
  'sts.contoso.com',
  'PC-0142',
  'PC-0177',
  'DC01',
  'DC12',
  'fs01',
  '\\\\fs01.corp.contoso.com\\finance',
  'HQ',
];

const SAMPLE_NAMES: Record<string, string[]> = {
  'dsregcmd-status-01.txt': ['RCMLAB', 'rcmlab-ws2022-s', 'rcmlab.local', 'rcmlabmaster'],
  'dsregcmd-status-02.txt': ['HYBRIDADFS'],
  'dsregcmd-status-04.txt': ['HybridADFS'],
  'dsregcmd-status-06.txt': ['john', 'contoso.com'],
  'dsregcmd-status-13.txt': [
    'Win10-Client',
    'INE Security Labs',
    'INEUser',
    'user_d26zuvzj01',
    'inesecuritylabs',
  ],
  'dsregcmd-status-14.txt': ['NEKOLAB', 'WIN-ML8SV4QSBOG', 'nekolab.local', 'neko_admin', 'installer'],
  'event-xml-4768-01.txt': ['DC01', 'contoso', 'contoso.local', 'dadmin'],
  'get-azureadkerberosserver-01.txt': ['corp.ajf.one', 'ajf.one', 'ajf', 'ajf-ga', 'CORPDC02'],
  'get-azureadkerberosserver-04.txt': ['ad.cloud-architekt.net', 'cloud-architekt', 'dc1'],
  'klist-01.txt': ['ayan', 'entraazfiles1'],
  'klist-02.txt': ['bob.jenkins', 'THMJMP2', 'ZA.TRYHACKME.COM', 'tryhackme', 'THMDC', 'za'],
  'klist-es-01.txt': ['m.lovegod', 'absolute.htb', 'absolute', 'dc.absolute.htb'],
  'klist-fr-02.txt': ['claire.durand', 'novacorp.test', 'novacorp', 'DC01', 'DC02'],
  'nltest-dsgetdc-01.txt': ['DC01', 'MEDTECH', 'medtech.com'],
  'nltest-dsgetdc-04.txt': ['contoso.com', 'contoso', 'DC.contoso.com'],
  'w32tm-status-01.txt': ['vagrant'],
  'whoami-01.txt': ['inlanefreight', 'jpinkman'],
  'whoami-03.txt': ['frizz', 'w.webservice'],
};

/** Where the value stands as a whole word (not inside a longer name), case-insensitively. */
function occurrences(text: string, value: string): string[] {
  const lower = text.toLowerCase();
  const needle = value.toLowerCase();
  const found: string[] = [];
  const isWordChar = (c: string | undefined) => c !== undefined && /[a-z0-9]/i.test(c);
  for (let at = lower.indexOf(needle); at >= 0; at = lower.indexOf(needle, at + 1)) {
    if (!isWordChar(text[at - 1]) && !isWordChar(text[at + needle.length])) {
      found.push(text.slice(Math.max(0, at - 30), at + needle.length + 30));
    }
  }
  return found;
}

function leaks(output: string, values: string[]): Record<string, string[]> {
  const left: Record<string, string[]> = {};
  for (const value of new Set(values)) {
    const found = occurrences(output, value);
    if (found.length > 0) left[value] = found;
  }
  return left;
}

/** Every text of a capture or report, one after the other. */
function allText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return value.map(allText).join('\n');
  if (value && typeof value === 'object') return Object.values(value).map(allText).join('\n');
  return '';
}

const captureText = (capture: Capture) => allText(capture);

describe.each(SCENARIOS.map((s) => s.name))('redacting the practice scenario %s', (name) => {
  const original = loadScenario(name);
  const redactor = createRedactor();
  const redacted = redactCapture(original, redactor);
  const originalReport = diagnose(original, { kind: 'scenario', name });
  const redactedReport = redactReport(originalReport, redactor);
  const identifying = [...shapedValues(captureText(original)), ...SCENARIO_NAMES];

  it('leaves no identifying value in the capture', () => {
    expect(shapedValues(captureText(original)).length).toBeGreaterThan(5);
    expect(leaks(captureText(redacted), identifying)).toEqual({});
  });

  it('leaves no identifying value in the report', () => {
    expect(leaks(allText(redactedReport), identifying)).toEqual({});
  });

  it('gives the same statuses, trust models and headline', () => {
    const after = diagnose(redacted, { kind: 'scenario', name });
    expect(after.checks.map((c) => [c.id, c.status])).toEqual(
      originalReport.checks.map((c) => [c.id, c.status]),
    );
    expect([
      after.trustModel,
      after.policyTrustModel,
      after.sessionCredential,
      after.headline.checkId,
    ]).toEqual([
      originalReport.trustModel,
      originalReport.policyTrustModel,
      originalReport.sessionCredential,
      originalReport.headline.checkId,
    ]);
  });

  it('redacts the report as the report of the redacted capture reads', () => {
    const after = diagnose(redacted, { kind: 'scenario', name });
    expect(redactedReport.checks.map((c) => c.summary)).toEqual(after.checks.map((c) => c.summary));
    expect(redactedReport.checks.map((c) => c.evidence)).toEqual(after.checks.map((c) => c.evidence));
    expect(redactedReport.device).toEqual(after.device);
    expect(redactedReport.headline).toEqual(after.headline);
  });
});

const PARSER_OF: [string, ProbeId][] = [
  ['dsregcmd-status', 'dsregcmd-status'],
  ['klist-cloud_debug', 'klist-cloud-debug'],
  ['klist', 'klist-tickets'],
  ['nltest', 'nltest-dsgetdc'],
  ['w32tm', 'time-status'],
  ['whoami', 'whoami-groups'],
  ['get-azureadkerberosserver', 'entra-kerberos-server-admin'],
  ['event', 'events-udr'],
];

/** The facts' structure: which fields were read, as numbers, booleans or some text. */
function shapeOf(value: unknown): unknown {
  if (typeof value === 'string') return 'text';
  if (Array.isArray(value)) return value.map(shapeOf);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, shapeOf(inner)]));
  }
  return value;
}

const sampleFiles = readdirSync(SAMPLES).filter((file) => file.endsWith('.txt'));

describe.each(sampleFiles)('redacting the sample %s', (file) => {
  const text = readFileSync(join(SAMPLES, file), 'utf8');
  const redactor = createRedactor();
  redactor.learn(text);
  const redacted = redactor.redact(text);

  it('leaves no identifying value', () => {
    expect(leaks(redacted, [...shapedValues(text), ...(SAMPLE_NAMES[file] ?? [])])).toEqual({});
  });

  it('still parses to facts of the same shape', () => {
    const probe = PARSER_OF.find(([prefix]) => file.startsWith(prefix))?.[1];
    if (!probe) return;
    const parse = PROBE_PARSERS[probe];
    expect(shapeOf(parse(redacted))).toEqual(shapeOf(parse(text)));
  });
});
