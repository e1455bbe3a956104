import { describe, expect, it } from 'vitest';
import { parseOsVersion } from '../../../electron/engine/parsers/parse-os-version';
import {
  expectParsedShape,
  expectSourced,
  fixture,
  itDoesNotRecognize,
  itIgnoresPadding,
  itReadsVariantsAlike,
  itSurvivesDamagedText,
} from './text-mutations';

const win11 = fixture('parsers/registry-currentversion-win11-23h2.txt');

describe('parseOsVersion', () => {
  it('reads a Windows 11 23H2 CurrentVersion key', () => {
    const result = parseOsVersion(win11);
    expect(result.recognized).toBe(true);
    expect(result.problems).toEqual([]);
    expect(result.facts).toEqual({
      productName: { value: 'Windows 10 Enterprise', line: 'ProductName    REG_SZ    Windows 10 Enterprise' },
      displayVersion: { value: '23H2', line: 'DisplayVersion    REG_SZ    23H2' },
      currentBuild: { value: 22631, line: 'CurrentBuild    REG_SZ    22631' },
      ubr: { value: 4400, line: 'UBR    REG_DWORD    0x1130' },
      installationType: { value: 'Client', line: 'InstallationType    REG_SZ    Client' },
      editionId: { value: 'Enterprise', line: 'EditionID    REG_SZ    Enterprise' },
    });
  });

  itReadsVariantsAlike(parseOsVersion, { win11 });
  itIgnoresPadding(parseOsVersion, [win11]);

  it('reads a server with collapsed separators and CurrentBuildNumber only', () => {
    const text = [
      'HKLM\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion',
      'CurrentBuildNumber REG_SZ 20348',
      'UBR REG_DWORD 0xb8e',
      'InstallationType REG_SZ Server',
      'ProductName REG_SZ Windows Server 2022 Datacenter',
    ].join('\n');
    const { facts } = parseOsVersion(text);
    expect(facts.currentBuild?.value).toBe(20348);
    expect(facts.ubr?.value).toBe(2958);
    expect(facts.installationType?.value).toBe('Server');
    expect(facts.productName?.value).toBe('Windows Server 2022 Datacenter');
  });

  it('reads a pasted ver line', () => {
    const line = 'Microsoft Windows [Version 10.0.22631.4460]';
    const result = parseOsVersion(`C:\\>ver\n\n${line}\n`);
    expect(result.recognized).toBe(true);
    expect(result.facts).toEqual({ currentBuild: { value: 22631, line }, ubr: { value: 4460, line } });
  });

  it('reads a localized ver line and a winver line', () => {
    expect(parseOsVersion('Microsoft Windows [Versión 10.0.19045.5131]').facts).toMatchObject({
      currentBuild: { value: 19045 },
      ubr: { value: 5131 },
    });
    expect(parseOsVersion('Version 23H2 (OS Build 22631.4460)').facts).toMatchObject({
      currentBuild: { value: 22631 },
      ubr: { value: 4460 },
      displayVersion: { value: '23H2' },
    });
  });

  it('notes a missing CurrentBuild', () => {
    const result = parseOsVersion(
      'HKLM\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion\n    EditionID    REG_SZ    Pro',
    );
    expect(result.recognized).toBe(true);
    expect(result.facts.editionId?.value).toBe('Pro');
    expect(result.problems).toEqual(['CurrentBuild not found']);
  });

  itDoesNotRecognize(
    parseOsVersion,
    ['', 'random words', 'HKLM\\SOFTWARE\\Other\n    Foo    REG_SZ    bar'],
    {
      facts: {},
      problems: ['no Windows version values found'],
    },
  );

  itSurvivesDamagedText(
    [win11],
    ['CurrentBuild', 'UBR', 'REG_SZ', 'REG_DWORD', '0x1130', '[Version 10.0.', '22631', 'OS Build'],
    (text) => {
      const result = parseOsVersion(text);
      expectParsedShape(result);
      expectSourced(result.facts.currentBuild, 'number');
      expectSourced(result.facts.ubr, 'number');
      expectSourced(result.facts.productName, 'string');
      expectSourced(result.facts.displayVersion, 'string');
      if (result.facts.currentBuild) expect(Number.isInteger(result.facts.currentBuild.value)).toBe(true);
    },
  );
});
