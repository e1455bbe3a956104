import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type KlistCloudDebugFacts,
  parseKlistCloudDebug,
} from '../../../electron/engine/parsers/parse-klist-cloud-debug';
import type { Parsed, Sourced } from '../../../electron/engine/types';

function sample(name: string): string {
  return readFileSync(new URL(`../../fixtures/samples/${name}`, import.meta.url), 'utf8');
}

const BROKEN = sample('klist-cloud_debug-01.txt');

// The healthy shape (values as the Entra Kerberos FAQ describes a Hello sign-in with cloud trust).
const HEALTHY = [
  'Current LogonId is 0:0x2c5a1d',
  'Cloud Kerberos Debug info:',
  'Cloud Kerberos enabled by policy: 0',
  'AS_REP callback received: 1',
  'AS_REP callback used: 1',
  'Cloud Referral TGT present in cache: 0',
  'SPN oracle configured: 0',
  'KDC proxy present in cache: 0',
  'Public Key Credential Present: 1',
  'Password-derived Keys Present: 0',
  'Plaintext Password Present: 0',
  'AS_REP Credential Type: 2',
  'Cloud Primary (Hybrid logon) TGT available: 1',
].join('\n');

const SAMPLES = [
  { name: 'klist-cloud_debug-01.txt', text: BROKEN },
  { name: 'healthy (synthetic)', text: HEALTHY },
];

// --- text transforms people's pastes go through -------------------------------------------

const withCrlf = (text: string) => text.replace(/\r?\n/g, '\r\n');
const withCr = (text: string) => text.replace(/\r?\n/g, '\r');
const withBlankLines = (text: string) => text.replace(/\n/g, '\n\n');
/** Alignment changed: indentation and padding before the colon, as some pastes have. */
const padAlignment = (text: string) =>
  text
    .split('\n')
    .map((line) => `    ${line.replace(/:(?=\s|$)\s*/, '   :   ')}`)
    .join('\n');

/** The facts without their evidence lines, to compare what was read across layouts. */
function valuesOnly(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(valuesOnly);
  if (value === null || typeof value !== 'object') return value;
  const entries = Object.entries(value).filter(([key]) => key !== 'line' && key !== 'lines');
  return Object.fromEntries(entries.map(([key, inner]) => [key, valuesOnly(inner)]));
}

// --- fast-check: mutated samples ---------------------------------------------------------------

type Mutation = (text: string) => string;

function editLines(text: string, edit: (lines: string[]) => void): string {
  const lines = text.split('\n');
  edit(lines);
  return lines.join('\n');
}

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.nat().map(
    (at): Mutation =>
      (text) =>
        text.slice(0, at % (text.length + 1)),
  ),
  fc.constant<Mutation>(withCrlf),
  fc.tuple(fc.nat(), fc.integer({ min: 1, max: 8 })).map(
    ([at, count]): Mutation =>
      (text) => {
        const index = at % (text.length + 1);
        return text.slice(0, index) + ' '.repeat(count) + text.slice(index);
      },
  ),
  fc.tuple(fc.nat(), fc.string()).map(
    ([at, inserted]): Mutation =>
      (text) =>
        editLines(text, (lines) => lines.splice(at % (lines.length + 1), 0, inserted)),
  ),
  fc.nat().map(
    (at): Mutation =>
      (text) =>
        editLines(text, (lines) => lines.splice(at % lines.length, 1)),
  ),
);

const mutatedSample = fc
  .tuple(fc.constantFrom(...SAMPLES.map((s) => s.text)), fc.array(mutation, { maxLength: 6 }))
  .map(([text, mutations]) => mutations.reduce((acc, mutate) => mutate(acc), text));

const anyText = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 300 }),
  fc
    .array(
      fc.oneof(
        fc.constantFrom('\n', ': ', '1', '0x1f', 'AS_REP Credential Type', 'Cloud Kerberos Debug info:'),
        fc.string(),
      ),
      { maxLength: 40 },
    )
    .map((parts) => parts.join('')),
);

function hasShape(result: Parsed<KlistCloudDebugFacts>): boolean {
  const { fields, logonId, ...numeric } = result.facts;
  const numericOk = Object.values(numeric).every(
    (value: Sourced<number> | undefined) =>
      value === undefined || (Number.isFinite(value.value) && typeof value.line === 'string'),
  );
  const fieldsOk = Object.values(fields).every(
    (value) => typeof value.value === 'string' && typeof value.line === 'string',
  );
  return (
    typeof result.recognized === 'boolean' &&
    result.problems.every((problem) => typeof problem === 'string') &&
    (logonId === undefined || typeof logonId === 'string') &&
    numericOk &&
    fieldsOk
  );
}

// --- tests ------------------------------------------------------------------------------------------

describe('parseKlistCloudDebug', () => {
  it('reads klist-cloud_debug-01 (the broken state: no cloud primary TGT)', () => {
    const result = parseKlistCloudDebug(BROKEN);
    expect(result.recognized).toBe(true);
    expect(result.problems).toEqual([]);
    const { facts } = result;
    expect(facts.logonId).toBe('0:0x14d718');
    expect(facts.cloudPrimaryTgtAvailable).toEqual({
      value: 0,
      line: 'Cloud Primary (Hybrid logon) TGT available: 0',
    });
    expect(facts.cloudKerberosEnabledByPolicy?.value).toBe(0);
    expect(facts.asRepCallbackReceived?.value).toBe(1);
    expect(facts.asRepCallbackUsed?.value).toBe(0);
    expect(facts.cloudReferralTgtPresent?.value).toBe(0);
    expect(facts.spnOracleConfigured?.value).toBe(0);
    expect(facts.kdcProxyPresent?.value).toBe(0);
    expect(facts.publicKeyCredentialPresent?.value).toBe(1);
    expect(facts.passwordDerivedKeysPresent?.value).toBe(0);
    expect(facts.plaintextPasswordPresent?.value).toBe(0);
    expect(facts.asRepCredentialType?.value).toBe(2);
    expect(Object.keys(facts.fields)).toHaveLength(11);
    expect(facts.fields['AS_REP Credential Type']).toEqual({ value: '2', line: 'AS_REP Credential Type: 2' });
  });

  it('reads the healthy values', () => {
    const { facts } = parseKlistCloudDebug(HEALTHY);
    expect(facts.cloudPrimaryTgtAvailable?.value).toBe(1);
    expect(facts.asRepCallbackUsed?.value).toBe(1);
    expect(facts.logonId).toBe('0:0x2c5a1d');
  });

  it('keeps a value that is not a number in fields and says so', () => {
    const result = parseKlistCloudDebug(
      'Cloud Kerberos Debug info:\nCloud Primary (Hybrid logon) TGT available: yes',
    );
    expect(result.recognized).toBe(true);
    expect(result.facts.cloudPrimaryTgtAvailable).toBeUndefined();
    expect(result.facts.fields['Cloud Primary (Hybrid logon) TGT available']?.value).toBe('yes');
    expect(result.problems).toEqual(['"Cloud Primary (Hybrid logon) TGT available" is not a number: "yes".']);
  });

  it('matches labels whatever their spacing and punctuation', () => {
    const { facts } = parseKlistCloudDebug(
      'cloud primary hybrid logon TGT available : 1\nAS REP credential type: 2',
    );
    expect(facts.cloudPrimaryTgtAvailable?.value).toBe(1);
    expect(facts.asRepCredentialType?.value).toBe(2);
  });

  it.each([
    '',
    '  \n',
    'hello world',
    'foo: 1',
    'Current LogonId is 0:0x14d718',
    'klist failed with 0xc000005f/-1073741729: A specified logon session does not exist.',
  ])('returns empty facts for %j', (text) => {
    const result = parseKlistCloudDebug(text);
    expect(result.recognized).toBe(false);
    expect(result.facts).toEqual({ fields: {} });
    expect(result.problems).toHaveLength(1);
  });

  it('does not take a ticket list for cloud_debug output', () => {
    expect(parseKlistCloudDebug(sample('klist-01.txt')).recognized).toBe(false);
  });

  it.each(SAMPLES)('$name reads the same with CRLF, CR and blank lines between lines', ({ text }) => {
    const expected = parseKlistCloudDebug(text);
    expect(parseKlistCloudDebug(withCrlf(text))).toEqual(expected);
    expect(parseKlistCloudDebug(withCr(text))).toEqual(expected);
    expect(parseKlistCloudDebug(withBlankLines(text))).toEqual(expected);
  });

  it.each(SAMPLES)('$name reads the same values with other alignment', ({ text }) => {
    const expected = parseKlistCloudDebug(text);
    const padded = parseKlistCloudDebug(padAlignment(text));
    expect(padded.recognized).toBe(true);
    expect(valuesOnly(padded.facts)).toEqual(valuesOnly(expected.facts));
  });
});

describe('parseKlistCloudDebug properties', () => {
  it('never throws on mutated samples and keeps the result shape', () => {
    fc.assert(
      fc.property(mutatedSample, (text) => hasShape(parseKlistCloudDebug(text))),
      { numRuns: 200 },
    );
  });

  it('never throws on random text and keeps the result shape', () => {
    fc.assert(
      fc.property(anyText, (text) => hasShape(parseKlistCloudDebug(text))),
      { numRuns: 200 },
    );
  });

  it('blank lines and trailing spaces do not change what is read', () => {
    const padding = fc.array(fc.tuple(fc.constantFrom('', ' ', '   ', '\t', ' \t '), fc.nat(2)), {
      minLength: 1,
      maxLength: 20,
    });
    fc.assert(
      fc.property(fc.constantFrom(...SAMPLES.map((s) => s.text)), padding, (text, pads) => {
        const padded = text
          .split('\n')
          .map((line, i) => {
            const [trailing, blanks] = pads[i % pads.length] ?? ['', 0];
            return line + trailing + '\n'.repeat(blanks);
          })
          .join('\n');
        expect(parseKlistCloudDebug(padded)).toEqual(parseKlistCloudDebug(text));
      }),
      { numRuns: 200 },
    );
  });
});
