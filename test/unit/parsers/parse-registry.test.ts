import { describe, expect, it } from 'vitest';
import { parseRegistry, type RegistryFacts } from '../../../electron/engine/parsers/parse-registry';
import {
  expectParsedShape,
  fixture,
  itIgnoresPadding,
  itReadsVariantsAlike,
  itSurvivesDamagedText,
} from './text-mutations';

const TENANT = '2b4c8d1e-5f3a-4e7b-9c6d-0a1b2c3d4e5f';
const USER_SID = 'S-1-5-21-1004336348-1177238915-682003330-1108';
const MDM = 'HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Policies\\PassportForWork';

const mdm = fixture('parsers/registry-policy-mdm-01.txt');
const gpo = fixture('parsers/registry-policy-gpo-machine-01.txt');
const currentVersion = fixture('parsers/registry-currentversion-win11-23h2.txt');
const gpoFr = fixture('parsers/registry-policy-gpo-machine-fr-01.txt');
const gpoDe = fixture('parsers/registry-policy-gpo-machine-de-01.txt');
const notFoundFr = fixture('parsers/registry-not-found-fr-01.txt');
const notFoundDe = fixture('parsers/registry-not-found-de-01.txt');
const notFoundEs = fixture('parsers/registry-not-found-es-01.txt');
const GPO_KEY = 'HKEY_LOCAL_MACHINE\\SOFTWARE\\Policies\\Microsoft\\PassportForWork';
const TEXTS = { mdm, gpo, currentVersion, gpoFr, gpoDe, notFoundFr, notFoundDe, notFoundEs };

function valuesOf(facts: RegistryFacts, path: string): Record<string, number | string> {
  const key = facts.keys.find((candidate) => candidate.path === path);
  return Object.fromEntries((key?.values ?? []).map((value) => [value.name, value.data]));
}

describe('parseRegistry', () => {
  it('reads the MDM PassportForWork tree with tenant and user subkeys', () => {
    const result = parseRegistry(mdm);
    expect(result.recognized).toBe(true);
    expect(result.problems).toEqual([]);
    expect(result.facts.keys.map((key) => key.path)).toEqual([
      MDM,
      `${MDM}\\${TENANT}`,
      `${MDM}\\${TENANT}\\Device`,
      `${MDM}\\${TENANT}\\Device\\Policies`,
      `${MDM}\\${TENANT}\\Device\\Policies\\PINComplexity`,
      `${MDM}\\${TENANT}\\${USER_SID}`,
      `${MDM}\\${TENANT}\\${USER_SID}\\Policies`,
    ]);
    expect(valuesOf(result.facts, `${MDM}\\${TENANT}\\Device\\Policies`)).toEqual({
      UsePassportForWork: 1,
      RequireSecurityDevice: 1,
      UseCloudTrustForOnPremAuth: 1,
      EnablePinRecovery: 0,
      DisablePostLogonProvisioning: 0,
    });
    expect(valuesOf(result.facts, `${MDM}\\${TENANT}\\Device\\Policies\\PINComplexity`)).toMatchObject({
      MaximumPINLength: 127,
    });
    expect(valuesOf(result.facts, `${MDM}\\${TENANT}\\${USER_SID}\\Policies`)).toEqual({
      UsePassportForWork: 1,
      RequireSecurityDevice: 1,
    });
  });

  it('keeps each value line as evidence', () => {
    const policies = parseRegistry(mdm).facts.keys[3];
    expect(policies?.line).toBe(`${MDM}\\${TENANT}\\Device\\Policies`);
    expect(policies?.values[2]).toEqual({
      name: 'UseCloudTrustForOnPremAuth',
      type: 'REG_DWORD',
      data: 1,
      line: 'UseCloudTrustForOnPremAuth    REG_DWORD    0x1',
    });
  });

  it('reads the GPO machine key', () => {
    const result = parseRegistry(gpo);
    expect(result.recognized).toBe(true);
    expect(
      valuesOf(result.facts, 'HKEY_LOCAL_MACHINE\\SOFTWARE\\Policies\\Microsoft\\PassportForWork'),
    ).toEqual({
      Enabled: 1,
      DisablePostLogonProvisioning: 0,
      RequireSecurityDevice: 1,
      UseCloudTrustForOnPremAuth: 1,
    });
  });

  it('reads REG_SZ with spaces, empty REG_SZ, REG_QWORD, REG_BINARY and subkey lines', () => {
    const result = parseRegistry(currentVersion);
    expect(result.recognized).toBe(true);
    expect(result.problems).toEqual([]);
    const values = valuesOf(
      result.facts,
      'HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion',
    );
    expect(values).toMatchObject({
      CurrentBuild: '22631',
      UBR: 0x1130,
      CurrentType: 'Multiprocessor Free',
      ProductName: 'Windows 10 Enterprise',
      RegisteredOrganization: '',
      InstallTime: Number(0x1da4b7f0a4c1e2an),
      DigitalProductId: 'A4000000030000003030333239',
    });
    expect(result.facts.keys).toHaveLength(6);
    expect(result.facts.keys[5]).toMatchObject({ path: expect.stringMatching(/\\Winlogon$/), values: [] });
  });

  it('reads names with spaces, (Default), REG_MULTI_SZ and REG_EXPAND_SZ', () => {
    const text = [
      'HKLM\\SOFTWARE\\Contoso\\App',
      '    (Default)    REG_SZ    (value not set)',
      '    Install Path    REG_EXPAND_SZ    %ProgramFiles%\\Contoso App',
      '    Servers    REG_MULTI_SZ    dc01.contoso.com\\0dc02.contoso.com',
      '    Big    REG_QWORD    0x100000000',
      'End of search: 4 match(es) found.',
    ].join('\n');
    const result = parseRegistry(text);
    expect(result.recognized).toBe(true);
    expect(result.facts.keys[0]?.path).toBe('HKLM\\SOFTWARE\\Contoso\\App');
    expect(result.facts.keys[0]?.values.map(({ name, type, data }) => ({ name, type, data }))).toEqual([
      { name: '(Default)', type: 'REG_SZ', data: '(value not set)' },
      { name: 'Install Path', type: 'REG_EXPAND_SZ', data: '%ProgramFiles%\\Contoso App' },
      { name: 'Servers', type: 'REG_MULTI_SZ', data: 'dc01.contoso.com\\0dc02.contoso.com' },
      { name: 'Big', type: 'REG_QWORD', data: 2 ** 32 },
    ]);
  });

  it('reads collapsed separators (single tabs or single spaces)', () => {
    const tabs =
      'HKLM\\SOFTWARE\\Policies\\Microsoft\\PassportForWork\nEnabled\tREG_DWORD\t0x1\nName With Space\tREG_SZ\ta b';
    const spaces =
      'HKEY_LOCAL_MACHINE\\SOFTWARE\\Policies\\Microsoft\\PassportForWork\n Enabled REG_DWORD 0x1\n Name With Space REG_SZ a b';
    for (const text of [tabs, spaces]) {
      const values = parseRegistry(text).facts.keys[0]?.values.map(({ name, data }) => [name, data]);
      expect(values).toEqual([
        ['Enabled', 1],
        ['Name With Space', 'a b'],
      ]);
    }
  });

  it('reads pasted output with prompt and command lines', () => {
    const text = `PS C:\\> reg query HKLM\\SOFTWARE\\Policies\\Microsoft\\PassportForWork /s\n${gpo}\nPS C:\\>`;
    expect(parseRegistry(text)).toEqual(parseRegistry(gpo));
  });

  itReadsVariantsAlike(parseRegistry, TEXTS);
  itIgnoresPadding(parseRegistry, Object.values(TEXTS));

  it.each(['', '\r\n'])('treats %j as an absent key (recognized, no keys)', (text) => {
    expect(parseRegistry(text)).toEqual({ facts: { keys: [] }, recognized: true, problems: [] });
  });

  it.each([
    ['English', 'ERROR: The system was unable to find the specified registry key or value.'],
    ['French', "ERREUR : Le système n'a pas trouvé la clé ou la valeur de Registre spécifiée."],
    ['German', 'FEHLER: Der angegebene Registrierungsschlüssel bzw. Wert wurde nicht gefunden.'],
    ['Spanish', 'ERROR: El sistema no pudo encontrar la clave o el valor del Registro especificados.'],
  ])('reads the %s "not found" message as an absent key', (_language, line) => {
    expect(parseRegistry(line)).toEqual({
      facts: { keys: [], notFound: { value: true, line } },
      recognized: true,
      problems: [],
    });
  });

  it.each([
    ['French', notFoundFr, "ERREUR : Le système n'a pas trouvé la clé ou la valeur de Registre spécifiée."],
    ['German', notFoundDe, 'FEHLER: Der angegebene Registrierungsschlüssel bzw. Wert wurde nicht gefunden.'],
    [
      'Spanish',
      notFoundEs,
      'ERROR: El sistema no pudo encontrar la clave o el valor del Registro especificados.',
    ],
  ])('reads pasted %s output of a missing key (prompt line and message)', (_language, text, line) => {
    expect(parseRegistry(text)).toEqual({
      facts: { keys: [], notFound: { value: true, line } },
      recognized: true,
      problems: [],
    });
  });

  it('reads the "not found" message when its accents were mis-decoded', () => {
    const line = "ERREUR : Le systŠme n'a pas trouv‚ la cl‚ ou la valeur de Registre sp‚cifi‚e.";
    expect(parseRegistry(line).facts.notFound).toEqual({ value: true, line });
  });

  it.each([
    ['French', gpoFr, 'Fin de la recherche : 3 correspondance(s) trouvée(s).'],
    ['German', gpoDe, 'Suche beendet: 3 Übereinstimmung(en) gefunden.'],
  ])('reads %s /s output and ignores its closing summary line', (_language, text) => {
    const result = parseRegistry(text);
    expect(result.recognized).toBe(true);
    expect(result.problems).toEqual([]);
    expect(result.facts.notFound).toBeUndefined();
  });

  it('reads the values of the French GPO output', () => {
    const { facts } = parseRegistry(gpoFr);
    expect(facts.keys.map((key) => key.path)).toEqual([GPO_KEY, `${GPO_KEY}\\PINComplexity`]);
    expect(valuesOf(facts, GPO_KEY)).toEqual({ Enabled: 1, UseCloudTrustForOnPremAuth: 1 });
    expect(valuesOf(facts, `${GPO_KEY}\\PINComplexity`)).toEqual({ MinimumPINLength: 6 });
  });

  it('reads the German GPO output (certificate trust)', () => {
    expect(valuesOf(parseRegistry(gpoDe).facts, GPO_KEY)).toEqual({
      Enabled: 1,
      UseCertificateForOnPremAuth: 1,
      RequireSecurityDevice: 1,
    });
  });

  it('ignores the Spanish summary line too', () => {
    const text = `${GPO_KEY}\n    Enabled    REG_DWORD    0x1\n\nFin de la búsqueda: 1 coincidencia(s) encontrada(s).`;
    expect(parseRegistry(text).problems).toEqual([]);
  });

  it('reads localized (Default) names and data', () => {
    const text = [
      'HKEY_CURRENT_USER\\SOFTWARE\\Contoso',
      '    (par défaut)    REG_SZ    (valeur non définie)',
      '    (Standard)    REG_SZ    Wert',
    ].join('\n');
    const values = parseRegistry(text).facts.keys[0]?.values.map(({ name, data }) => [name, data]);
    expect(values).toEqual([
      ['(par défaut)', '(valeur non définie)'],
      ['(Standard)', 'Wert'],
    ]);
  });

  it.each([
    ['English', 'ERROR: Access is denied.', 'Access is denied.'],
    ['French', 'ERREUR : Accès refusé.', 'Accès refusé.'],
    ['German', 'FEHLER: Zugriff verweigert', 'Zugriff verweigert'],
  ])('does not take a %s error other than "not found" for an absent key', (_language, line, message) => {
    const result = parseRegistry(line);
    expect(result.recognized).toBe(false);
    expect(result.facts).toEqual({ keys: [], error: { value: message, line } });
    expect(result.problems).toEqual([`reg reported an error: ${line}`]);
  });

  it('keeps the keys read before an error and reports the error', () => {
    const result = parseRegistry(`${gpo}\nERREUR : Accès refusé.`);
    expect(result.recognized).toBe(true);
    expect(result.facts.keys.length).toBeGreaterThan(0);
    expect(result.facts.error?.value).toBe('Accès refusé.');
    expect(result.problems).toEqual(['reg reported an error: ERREUR : Accès refusé.']);
  });

  it('returns on a 200 KB line', () => {
    for (const line of [
      `|${' '.repeat(200_000)}`,
      `x${' '.repeat(200_000)}x`,
      'a@'.repeat(100_000),
      'a:'.repeat(100_000),
      `x REG_SZ ${'y '.repeat(100_000)}!`,
      `${'a '.repeat(100_000)}REG_DWORD 0x1`,
      `HKLM\\${'a '.repeat(100_000)}`,
      `ERROR: ${'a '.repeat(100_000)}`,
      `${'a '.repeat(100_000)}: 1 b`,
      `a${' '.repeat(200_000)}REG`,
    ]) {
      expectParsedShape(parseRegistry(line));
    }
  });

  it('rejects text that is not registry output', () => {
    const result = parseRegistry('hello world\nthis is not reg output');
    expect(result.recognized).toBe(false);
    expect(result.facts.keys).toEqual([]);
    expect(result.problems[0]).toMatch(/no registry key/);
  });

  it('keeps values pasted without their key line, and notes unreadable lines', () => {
    const result = parseRegistry('    Enabled    REG_DWORD    0x1\nsome stray text');
    expect(result.recognized).toBe(true);
    expect(result.facts.keys[0]?.values[0]?.data).toBe(1);
    expect(result.problems).toEqual(['ignored 1 unreadable line(s)', 'values found before any key line']);
  });

  it('notes a DWORD whose data is not a number', () => {
    const result = parseRegistry('HKLM\\X\n    Enabled    REG_DWORD    yes');
    expect(result.facts.keys[0]?.values[0]?.data).toBe('yes');
    expect(result.problems[0]).toMatch(/not a number/);
  });

  itSurvivesDamagedText(
    Object.values(TEXTS),
    [
      'HKEY_LOCAL_MACHINE\\SOFTWARE',
      'HKLM\\X',
      'REG_DWORD',
      'REG_SZ',
      '0x1',
      '0xZZ',
      '(Default)',
      'ERREUR : ',
      'FEHLER: ',
      'Fin de la recherche : 3 ',
    ],
    (text) => {
      const result = parseRegistry(text);
      expectParsedShape(result);
      expect(Array.isArray(result.facts.keys)).toBe(true);
      if (result.facts.notFound) expect(result.facts.notFound.value).toBe(true);
      if (result.facts.error) expect(typeof result.facts.error.line).toBe('string');
      for (const key of result.facts.keys) {
        expect(typeof key.path).toBe('string');
        for (const value of key.values) {
          expect(value.type).toMatch(/^REG_/);
          expect(value.line.length).toBeGreaterThan(0);
          expect(['number', 'string']).toContain(typeof value.data);
          expect(typeof value.line).toBe('string');
        }
      }
    },
  );
});
