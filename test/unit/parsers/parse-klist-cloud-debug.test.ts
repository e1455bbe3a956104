import { describe, expect, it } from 'vitest';
import { parseKlistCloudDebug } from '../../../electron/engine/parsers/parse-klist-cloud-debug';
import {
  expectParsedShape,
  expectSourced,
  itDoesNotRecognize,
  itIgnoresPadding,
  itReadsVariantsAlike,
  itSurvivesDamagedText,
  padAlignment,
  sample,
  valuesRead,
} from './text-mutations';

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

const SAMPLES = { 'klist-cloud_debug-01.txt': BROKEN, 'healthy (synthetic)': HEALTHY };

function expectCloudDebugShape(text: string): void {
  const result = parseKlistCloudDebug(text);
  expectParsedShape(result);
  const { fields, logonId, ...numeric } = result.facts;
  expect(['undefined', 'string']).toContain(typeof logonId);
  for (const value of Object.values(numeric)) {
    expectSourced(value, 'number');
    if (value) expect(Number.isFinite(value.value)).toBe(true);
  }
  for (const value of Object.values(fields)) {
    expect(value).toBeDefined();
    expectSourced(value, 'string');
  }
}

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

  itDoesNotRecognize(
    parseKlistCloudDebug,
    [
      '',
      '  \n',
      'hello world',
      'foo: 1',
      'Current LogonId is 0:0x14d718',
      'klist failed with 0xc000005f/-1073741729: A specified logon session does not exist.',
    ],
    { facts: { fields: {} }, problems: 1 },
  );

  it('does not take a ticket list for cloud_debug output', () => {
    expect(parseKlistCloudDebug(sample('klist-01.txt')).recognized).toBe(false);
  });

  itReadsVariantsAlike(parseKlistCloudDebug, SAMPLES);
  itReadsVariantsAlike(parseKlistCloudDebug, SAMPLES, [['other alignment', padAlignment]], valuesRead);
});

describe('parseKlistCloudDebug properties', () => {
  itIgnoresPadding(parseKlistCloudDebug, Object.values(SAMPLES));
  itSurvivesDamagedText(
    Object.values(SAMPLES),
    ['\n', ': ', '1', '0x1f', 'AS_REP Credential Type', 'Cloud Kerberos Debug info:'],
    expectCloudDebugShape,
  );
});
