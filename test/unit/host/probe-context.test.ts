import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { contextFromEvidence, isValidHostName } from '../../../electron/engine/probes/probe-context';
import type { ProbeResult } from '../../../electron/engine/types';

const sample = (name: string): string =>
  readFileSync(path.join(import.meta.dirname, '../../fixtures/samples', name), 'utf8');

const result = (stdout: string, error: ProbeResult['error'] = null): ProbeResult => ({
  command: ['x.exe'],
  exitCode: 0,
  stdout,
  stderr: '',
  durationMs: 1,
  error,
});

const domainOf = (dsregcmd: string, extra = {}) =>
  contextFromEvidence({ 'dsregcmd-status': result(dsregcmd), ...extra }).domain;

describe('domain for dependent probes', () => {
  it('prefers the DNS suffix of Device Name', () => {
    expect(domainOf(sample('dsregcmd-status-01.txt'))).toBe('rcmlab.local');
    expect(domainOf(sample('dsregcmd-status-14.txt'))).toBe('nekolab.local');
  });

  it('falls back to the NetBIOS DomainName', () => {
    expect(domainOf(sample('dsregcmd-status-02.txt'))).toBe('HYBRIDADFS');
    expect(domainOf('  DomainName : CONTOSO\r\n  Device Name : PC01\r\n')).toBe('CONTOSO');
  });

  it('finds no domain on an Entra joined device without tickets', () => {
    expect(domainOf(sample('dsregcmd-status-13.txt'))).toBeUndefined();
  });

  it('takes the realm of the AD ticket-granting ticket on an Entra joined device', () => {
    const klist = result(sample('klist-02.txt'));
    expect(domainOf(sample('dsregcmd-status-13.txt'), { 'klist-tickets': klist })).toBe('za.tryhackme.com');
  });

  it('does not take the Entra Kerberos realm for the AD domain', () => {
    const klist = result(sample('klist-01.txt'));
    expect(domainOf(sample('dsregcmd-status-13.txt'), { 'klist-tickets': klist })).toBeUndefined();
  });

  it('reads CRLF output', () => {
    expect(domainOf(sample('dsregcmd-status-01.txt').replace(/\n/g, '\r\n'))).toBe('rcmlab.local');
  });

  it('ignores values that are not host names', () => {
    expect(domainOf('DomainName : a&b\n')).toBeUndefined();
  });
});

describe('domain controller for dependent probes', () => {
  const dcOf = (text: string) => contextFromEvidence({ 'nltest-dsgetdc': result(text) }).dcName;
  it('strips the leading backslashes', () => {
    expect(dcOf(sample('nltest-dsgetdc-01.txt'))).toBe('DC01');
    expect(dcOf(sample('nltest-dsgetdc-04.txt'))).toBe('DC.contoso.com');
  });

  it('finds nothing in a failure', () => {
    expect(dcOf('Getting DC name failed: Status = 1355 0x54b ERROR_NO_SUCH_DOMAIN\n')).toBeUndefined();
  });
});

describe('contextFromEvidence', () => {
  it('combines dsregcmd and nltest', () => {
    const context = contextFromEvidence({
      'dsregcmd-status': result(sample('dsregcmd-status-01.txt')),
      'nltest-dsgetdc': result(sample('nltest-dsgetdc-04.txt')),
    });
    // The DC's own answer names the domain best.
    expect(context).toEqual({ domain: 'contoso.com', dcName: 'DC.contoso.com' });
  });

  it('is empty without evidence', () => {
    expect(contextFromEvidence({})).toEqual({});
  });

  it('still reads what a timed-out probe printed', () => {
    const context = contextFromEvidence({
      'dsregcmd-status': result('Device Name : pc.corp.example\n', 'timeout'),
    });
    expect(context).toEqual({ domain: 'corp.example' });
  });
});

describe('isValidHostName', () => {
  it('accepts DNS and NetBIOS names', () => {
    for (const name of ['contoso.com', 'CONTOSO', 'DC01', 'dc-01.corp.contoso.com', 'rcmlab.local', '123']) {
      expect(isValidHostName(name)).toBe(true);
    }
  });

  it('refuses anything that could carry syntax', () => {
    for (const name of [
      '',
      '-dsgetdc',
      'a..b',
      '.contoso.com',
      'contoso.com.',
      'contoso com',
      "x'; Remove-Item C:\\ -Recurse; '",
      'contoso.com&calc',
      'a/b',
      'a\\b',
      '$env:USERNAME',
      'dömäin.de',
      'x'.repeat(64),
      `${'a.'.repeat(127)}a`,
    ]) {
      expect(isValidHostName(name), name).toBe(false);
    }
  });
});
