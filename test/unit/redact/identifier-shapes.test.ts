// What counts as an address, a GUID, a SID or a DNS name when no field says so.
import { describe, expect, it } from 'vitest';
import {
  dnsLabels,
  isGuid,
  isHexRun,
  isIpv4,
  isIpv6,
  sidNumbers,
} from '../../../electron/engine/redact/identifier-shapes';

describe('isIpv6', () => {
  it.each([
    '2001:0db8:85a3:0000:0000:8a2e:0370:7334',
    'fe80::1c2d:3e4f',
    '::1',
    '::',
    '::ffff:10.0.0.12',
    '2001:db8::',
  ])('reads %s as an address', (text) => {
    expect(isIpv6(text)).toBe(true);
  });

  it.each([
    ['a time', '09:14:03'],
    ['a MAC address', '00:15:5d:01:02:03'],
    ['two ::', '1::2::3'],
    ['a group of five digits', '12345::1'],
    ['nine groups', '1:2:3:4:5:6:7:8:9'],
    ['a single leading colon', ':1:2:3:4:5:6:7'],
    ['a single trailing colon', '1::2:'],
    ['a bad IPv4 tail', '::ffff:10.0.0.300'],
    ['a letter beyond f', 'fe80::g1'],
    ['one character', ':'],
  ])('does not read %s (%s) as an address', (_what, text) => {
    expect(isIpv6(text)).toBe(false);
  });
});

describe('the other shapes', () => {
  it('reads IPv4 addresses with octets up to 255 only', () => {
    expect([
      isIpv4('10.20.0.10'),
      isIpv4('10.0.22621.1'),
      isIpv4('1.2.3'),
      isIpv4('1.2.3.x'),
      isIpv4('1..2.3'),
    ]).toEqual([true, false, false, false, false]);
  });

  it('reads GUIDs as 8-4-4-4-12 hex digits', () => {
    expect([
      isGuid('3f1c2b7a-5d7e-4c1a-9f0e-2b8d6a4c1e90'),
      isGuid('3f1c2b7a_5d7e-4c1a-9f0e-2b8d6a4c1e90'),
      isGuid('3f1c2b7g-5d7e-4c1a-9f0e-2b8d6a4c1e90'),
      isGuid('3f1c2b7a-5d7e-4c1a-9f0e-2b8d6a4c1e9'),
    ]).toEqual([true, false, false, false]);
  });

  it('reads SIDs as S-1- and numbers', () => {
    expect(sidNumbers('S-1-5-21-1-2-3-512')).toEqual(['5', '21', '1', '2', '3', '512']);
    expect(sidNumbers('s-1-18-1')).toEqual(['18', '1']);
    for (const text of [
      'S-1-',
      'S-1-5--1',
      'S-1-5-x',
      'S-2-5-21',
      `S-1-${'1-'.repeat(16)}1`,
      'S-1-1234567890123456',
    ]) {
      expect(sidNumbers(text)).toBeUndefined();
    }
  });

  it('reads thumbprints as long hex with digits and letters, not counters or words', () => {
    expect([
      isHexRun('5E2A91C07F3B48D6A1E9'),
      isHexRun('1325187654321000000'),
      isHexRun('deadbeefdeadbeefdead'),
    ]).toEqual([true, false, false]);
  });

  it('reads DNS names as two labels or more of letters, digits and inner hyphens', () => {
    expect(dnsLabels('DC01.corp.contoso.com')).toEqual(['DC01', 'corp', 'contoso', 'com']);
    for (const text of [
      'localhost',
      'a..b',
      '-a.b',
      'a-.b',
      'a_b.c',
      `${'a'.repeat(64)}.com`,
      `${'a.'.repeat(127)}a`,
    ]) {
      expect(dnsLabels(text)).toBeUndefined();
    }
  });
});
