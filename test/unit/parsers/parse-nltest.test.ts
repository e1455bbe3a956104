import { describe, expect, it } from 'vitest';
import { parseNltestDsgetdc } from '../../../electron/engine/parsers/parse-nltest';
import {
  collapseAlignment,
  expectParsedShape,
  expectSourced,
  fixture,
  itDoesNotRecognize,
  itIgnoresPadding,
  itReadsVariantsAlike,
  itSurvivesDamagedText,
  sample,
} from './text-mutations';

const nltest01 = sample('nltest-dsgetdc-01.txt');
const nltest04 = sample('nltest-dsgetdc-04.txt');
const failure = fixture('parsers/nltest-dsgetdc-failure-01.txt');
const TEXTS = { nltest01, nltest04, failure };

describe('parseNltestDsgetdc', () => {
  it('reads nltest-04 (prompt line, completion line)', () => {
    const result = parseNltestDsgetdc(nltest04);
    expect(result.recognized).toBe(true);
    expect(result.problems).toEqual([]);
    const { facts } = result;
    expect(facts.dc).toEqual({ value: 'DC.contoso.com', line: 'DC: \\\\DC.contoso.com' });
    expect(facts.address?.value).toBe('10.0.1.2');
    expect(facts.domainName?.value).toBe('contoso.com');
    expect(facts.forestName?.value).toBe('contoso.com');
    expect(facts.dcSiteName?.value).toBe('Default-First-Site-Name');
    expect(facts.ourSiteName?.value).toBe('Default-First-Site-Name');
    expect(facts.domainGuid?.value).toBe('<GUID>');
    expect(facts.flags?.value).toEqual(
      'PDC GC DS LDAP KDC TIMESERV WRITABLE DNS_DC DNS_DOMAIN DNS_FOREST CLOSE_SITE FULL_SECRET WS DS_8 DS_9 DS_10 KEYLIST'.split(
        ' ',
      ),
    );
    expect(facts.completed).toBe(true);
    expect(facts.failure).toBeUndefined();
  });

  it('reads nltest-01 (NetBIOS domain, no completion line)', () => {
    const { facts } = parseNltestDsgetdc(nltest01);
    expect(facts.dc?.value).toBe('DC01');
    expect(facts.address?.value).toBe('172.16.152.10');
    expect(facts.domainName?.value).toBe('MEDTECH');
    expect(facts.forestName?.value).toBe('medtech.com');
    expect(facts.flags?.value).toContain('KEYLIST');
    expect(facts.flags?.value).toContain('GTIMESERV');
    expect(facts.completed).toBeUndefined();
  });

  it('reads a failure with its error name', () => {
    const line = 'Getting DC name failed: Status = 1355 0x54b ERROR_NO_SUCH_DOMAIN';
    expect(parseNltestDsgetdc(failure)).toEqual({
      facts: { failure: { value: line, line }, errorName: 'ERROR_NO_SUCH_DOMAIN' },
      recognized: true,
      problems: [],
    });
  });

  it('reads a failure without an error name', () => {
    const { facts } = parseNltestDsgetdc('Getting DC name failed: Status = 1722 0x6ba');
    expect(facts.failure?.value).toMatch(/1722/);
    expect(facts.errorName).toBeUndefined();
  });

  it('joins a Flags line wrapped at console width', () => {
    const text = nltest04.replace(' DS_8 DS_9', '\nDS_8 DS_9');
    expect(parseNltestDsgetdc(text).facts.flags?.value).toEqual(
      parseNltestDsgetdc(nltest04).facts.flags?.value,
    );
  });

  itReadsVariantsAlike(parseNltestDsgetdc, TEXTS);
  itReadsVariantsAlike(
    parseNltestDsgetdc,
    TEXTS,
    [['alignment collapsed', collapseAlignment]],
    (result) => result.facts,
  );
  itIgnoresPadding(parseNltestDsgetdc, Object.values(TEXTS));

  itDoesNotRecognize(parseNltestDsgetdc, ['', 'hello: world', 'PS C:\\> nltest /dsgetdc:contoso.com'], {
    facts: {},
    problems: ['no nltest /dsgetdc fields found'],
  });

  itSurvivesDamagedText(
    Object.values(TEXTS),
    ['DC: \\\\', 'Flags:', 'KEYLIST', 'Status = 1355 0x54b', 'ERROR_', 'Address:'],
    (text) => {
      const result = parseNltestDsgetdc(text);
      expectParsedShape(result);
      expectSourced(result.facts.dc, 'string');
      expectSourced(result.facts.failure, 'string');
      if (result.facts.dc) expect(result.facts.dc.value.startsWith('\\')).toBe(false);
      if (result.facts.flags) {
        for (const flag of result.facts.flags.value) expect(flag).toMatch(/^\S+$/);
      }
    },
  );
});
