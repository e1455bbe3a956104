import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseNltestDsgetdc } from '../../../electron/engine/parsers/parse-nltest';
import {
  ALIGNMENT_VARIANTS,
  collapseAlignment,
  expectParsedShape,
  expectSourced,
  fixture,
  itDoesNotRecognize,
  itIgnoresPadding,
  itReadsVariantsAlike,
  itSurvivesDamagedText,
  PASTE_VARIANTS,
  RUNS,
  sample,
  valuesOnly,
  valuesRead,
} from './text-mutations';

const nltest01 = sample('nltest-dsgetdc-01.txt');
const nltest04 = sample('nltest-dsgetdc-04.txt');
const failure = fixture('parsers/nltest-dsgetdc-failure-01.txt');
const french = fixture('parsers/nltest-dsgetdc-fr-01.txt');
const frenchMisdecoded = fixture('parsers/nltest-dsgetdc-fr-02.txt');
const german = fixture('parsers/nltest-dsgetdc-de-01.txt');
const spanish = fixture('parsers/nltest-dsgetdc-es-01.txt');
const failureFr = fixture('parsers/nltest-dsgetdc-failure-fr-01.txt');
const failureDe = fixture('parsers/nltest-dsgetdc-failure-de-01.txt');
const failureEs = fixture('parsers/nltest-dsgetdc-failure-es-01.txt');
const TEXTS = {
  nltest01,
  nltest04,
  failure,
  french,
  frenchMisdecoded,
  german,
  spanish,
  failureFr,
  failureDe,
  failureEs,
};
/** Every "Label: value" / "Label : value" line given another label, in turn from `labels`. */
function relabel(text: string, labels: string[]): string {
  let next = 0;
  return text
    .split('\n')
    .map((line) => {
      const colon = line.search(/\s?: /);
      if (colon < 0 || line.slice(0, colon).includes('\\')) return line;
      const label = labels[next++ % labels.length] ?? 'zzlabel';
      return `${label}${line.slice(colon)}`;
    })
    .join('\n');
}

const FULL_FLAGS =
  'PDC GC DS LDAP KDC TIMESERV GTIMESERV WRITABLE DNS_DC DNS_DOMAIN DNS_FOREST CLOSE_SITE FULL_SECRET WS DS_8 DS_9 DS_10 KEYLIST'.split(
    ' ',
  );
const OTHER_SITE_FLAGS =
  'GC DS LDAP KDC TIMESERV WRITABLE DNS_DC DNS_DOMAIN DNS_FOREST FULL_SECRET WS DS_8 DS_9 DS_10 KEYLIST'.split(
    ' ',
  );

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
      facts: { failure: { value: line, line }, errorName: 'ERROR_NO_SUCH_DOMAIN', errorCode: 1355 },
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

  it('reads French output (space before the colon, typographic apostrophe)', () => {
    expect(parseNltestDsgetdc(french)).toEqual({
      facts: {
        dc: { value: 'DC01.corp.contoso.fr', line: 'DC : \\\\DC01.corp.contoso.fr' },
        address: { value: '10.20.0.11', line: 'Adresse : \\\\10.20.0.11' },
        domainGuid: {
          value: '5f0c2d8e-3b1a-4c6e-9d7f-2a4b6c8e0f12',
          line: 'GUID dom : 5f0c2d8e-3b1a-4c6e-9d7f-2a4b6c8e0f12',
        },
        domainName: { value: 'corp.contoso.fr', line: 'Nom dom : corp.contoso.fr' },
        forestName: { value: 'corp.contoso.fr', line: 'Nom de forêt : corp.contoso.fr' },
        dcSiteName: { value: 'Paris-Siege', line: 'Nom du site DC : Paris-Siege' },
        ourSiteName: { value: 'Paris-Siege', line: 'Nom de notre site : Paris-Siege' },
        flags: { value: FULL_FLAGS, line: `Indicateurs : ${FULL_FLAGS.join(' ')}` },
        completed: true,
      },
      recognized: true,
      problems: [],
    });
  });

  it('reads French output mis-decoded from another code page', () => {
    const result = parseNltestDsgetdc(frenchMisdecoded);
    expect(result.problems).toEqual([]);
    const { facts } = result;
    expect(facts.dc?.value).toBe('DC02.corp.contoso.fr');
    expect(facts.address?.value).toBe('10.20.4.12');
    expect(facts.domainName?.value).toBe('CORP');
    expect(facts.forestName).toEqual({ value: 'contoso.fr', line: 'Nom de forÛt : contoso.fr' });
    expect(facts.dcSiteName?.value).toBe('Lyon-DC');
    expect(facts.ourSiteName?.value).toBe('Lyon-Agence');
    expect(facts.flags?.value).toEqual(OTHER_SITE_FLAGS);
    expect(facts.completed).toBe(true);
  });

  it('reads German output (DC in another site)', () => {
    const result = parseNltestDsgetdc(german);
    expect(result.recognized).toBe(true);
    expect(result.problems).toEqual([]);
    const { facts } = result;
    expect(facts.dc).toEqual({ value: 'DC02.corp.contoso.de', line: 'DC: \\\\DC02.corp.contoso.de' });
    expect(facts.address?.value).toBe('10.30.0.12');
    expect(facts.domainGuid?.value).toBe('8d2e4f60-1a3b-4c5d-8e9f-0a1b2c3d4e5f');
    expect(facts.domainName?.value).toBe('corp.contoso.de');
    expect(facts.forestName?.value).toBe('contoso.de');
    expect(facts.dcSiteName).toEqual({ value: 'Frankfurt', line: 'DC-Standortname: Frankfurt' });
    expect(facts.ourSiteName).toEqual({ value: 'Muenchen', line: 'Unser Standortname: Muenchen' });
    expect(facts.flags?.value).toEqual(OTHER_SITE_FLAGS);
    expect(facts.flags?.line).toMatch(/^Kennzeichen: GC DS /);
    expect(facts.completed).toBe(true);
  });

  it('reads Spanish output', () => {
    const result = parseNltestDsgetdc(spanish);
    expect(result.problems).toEqual([]);
    const { facts } = result;
    expect(facts.dc?.value).toBe('DC03.contoso.es');
    expect(facts.address).toEqual({ value: '10.40.0.13', line: 'Dirección: \\\\10.40.0.13' });
    expect(facts.domainGuid?.value).toBe('c4a1e2b3-7d6f-4e10-9a2b-3c4d5e6f7a8b');
    expect(facts.domainName?.value).toBe('contoso.es');
    expect(facts.forestName?.value).toBe('contoso.es');
    expect(facts.dcSiteName?.value).toBe('Madrid');
    expect(facts.ourSiteName?.value).toBe('Madrid');
    expect(facts.flags?.value).toEqual(FULL_FLAGS);
    expect(facts.completed).toBe(true);
  });

  it.each([
    [
      'French',
      failureFr,
      "Échec de l'obtention du nom du contrôleur de domaine : Statut = 1355 0x54b ERROR_NO_SUCH_DOMAIN",
    ],
    ['German', failureDe, 'Fehler beim Abrufen des DC-Namens: Status = 1355 0x54b ERROR_NO_SUCH_DOMAIN'],
    [
      'Spanish',
      failureEs,
      'Error al obtener el nombre del controlador de dominio: Estado = 1355 0x54b ERROR_NO_SUCH_DOMAIN',
    ],
  ])('reads a %s failure line by its status shape', (_language, text, line) => {
    expect(parseNltestDsgetdc(text)).toEqual({
      facts: { failure: { value: line, line }, errorName: 'ERROR_NO_SUCH_DOMAIN', errorCode: 1355 },
      recognized: true,
      problems: [],
    });
  });

  it('reads a failure whose status word it does not know, without an error name', () => {
    const line = 'Impossibile ottenere il nome del DC: Stato = 1722 0x6ba';
    const { facts } = parseNltestDsgetdc(line);
    expect(facts).toEqual({ failure: { value: line, line }, errorCode: 1722 });
  });

  it('does not take a number after a bare "=" for a status', () => {
    const result = parseNltestDsgetdc('= 1355 0x54b ERROR_NO_SUCH_DOMAIN');
    expect(result.facts.failure).toBeUndefined();
  });

  it('reads labels it does not know by the shape of their values, and says so', () => {
    const text = [
      '            DC: \\\\DC04.corp.contoso.it',
      '     Indirizzo: \\\\10.50.0.14',
      '  GUID dominio: 0d1e2f3a-4b5c-4d6e-8f70-8192a3b4c5d6',
      '  Nome dominio: corp.contoso.it',
      '  Nome foresta: contoso.it',
      '  Nome sito DC: Milano',
      'Nome sito locale: Roma',
      '          Flag: GC DS LDAP KDC WRITABLE KEYLIST',
      'Operazione completata.',
    ].join('\n');
    const result = parseNltestDsgetdc(text);
    expect(result.recognized).toBe(true);
    expect(result.facts).toEqual({
      dc: { value: 'DC04.corp.contoso.it', line: 'DC: \\\\DC04.corp.contoso.it' },
      address: { value: '10.50.0.14', line: 'Indirizzo: \\\\10.50.0.14' },
      domainGuid: {
        value: '0d1e2f3a-4b5c-4d6e-8f70-8192a3b4c5d6',
        line: 'GUID dominio: 0d1e2f3a-4b5c-4d6e-8f70-8192a3b4c5d6',
      },
      domainName: { value: 'corp.contoso.it', line: 'Nome dominio: corp.contoso.it' },
      forestName: { value: 'contoso.it', line: 'Nome foresta: contoso.it' },
      dcSiteName: { value: 'Milano', line: 'Nome sito DC: Milano' },
      ourSiteName: { value: 'Roma', line: 'Nome sito locale: Roma' },
      flags: {
        value: ['GC', 'DS', 'LDAP', 'KDC', 'WRITABLE', 'KEYLIST'],
        line: 'Flag: GC DS LDAP KDC WRITABLE KEYLIST',
      },
    });
    // The unknown closing sentence is harmless: no problem, no "completed".
    expect(result.problems).toEqual([
      'unknown label "Indirizzo": read as the DC address by its value',
      'unknown label "GUID dominio": read as the domain GUID by its value',
      'unknown label "Nome dominio": read as the domain name by its value',
      'unknown label "Nome foresta": read as the forest name by its value',
      'unknown label "Nome sito DC": read as the DC\'s site name by its value',
      'unknown label "Nome sito locale": read as this device\'s site name by its value',
      'unknown label "Flag": read as the DC flags by its value',
    ]);
  });

  it('reads the DC by its UNC shape when even the DC label is unknown', () => {
    const text = 'Contrôleur : \\\\DC05.contoso.com\nAdr : \\\\10.0.0.5\nDrapeaux : PDC KDC KEYLIST';
    const { facts } = parseNltestDsgetdc(text);
    expect(facts.dc?.value).toBe('DC05.contoso.com');
    expect(facts.address?.value).toBe('10.0.0.5');
    expect(facts.flags?.value).toEqual(['PDC', 'KDC', 'KEYLIST']);
  });

  it('reports an unknown label whose value has no known shape', () => {
    const text = `${nltest04}\nZeitstempel: heute um 10 Uhr`;
    const result = parseNltestDsgetdc(text);
    expect(result.facts.dc?.value).toBe('DC.contoso.com');
    expect(result.problems).toEqual([
      'unknown label "Zeitstempel": its value "heute um 10 Uhr" was not read',
    ]);
  });

  it('does not take upper-case words without a known flag for the flags', () => {
    const text = 'DC: \\\\DC01\nAutre: ABC DEF';
    expect(parseNltestDsgetdc(text).facts.flags).toBeUndefined();
  });

  it('joins a localized flags line wrapped at console width', () => {
    const wrapped = german.replace(' DS_8 DS_9', '\nDS_8 DS_9');
    expect(parseNltestDsgetdc(wrapped).facts.flags?.value).toEqual(OTHER_SITE_FLAGS);
  });

  it('reads the same values when every label is one it does not know (any paste variant)', () => {
    // nltest04 is left out: its "<GUID>" is a documentation placeholder, not a GUID.
    const outputs = [nltest01, french, frenchMisdecoded, german, spanish];
    const label = fc.stringMatching(/^zz[a-z]{1,8}( [a-z]{1,8})?$/);
    fc.assert(
      fc.property(
        fc.constantFrom(...outputs),
        fc.array(label, { minLength: 1, maxLength: 8 }),
        fc.constantFrom(...PASTE_VARIANTS),
        (text, labels, [, paste]) => {
          const result = parseNltestDsgetdc(paste(relabel(text, labels)));
          expect(result.recognized).toBe(true);
          expect(valuesOnly(result.facts)).toEqual(valuesOnly(parseNltestDsgetdc(text).facts));
          expect(result.problems.length).toBeGreaterThan(0);
        },
      ),
      RUNS,
    );
  });

  it('returns on a 200 KB line', () => {
    for (const line of [
      `x${' '.repeat(200_000)}x`,
      'a@'.repeat(100_000),
      `|${' '.repeat(200_000)}`,
      'a:'.repeat(100_000),
      'a='.repeat(100_000),
      `Status =${' '.repeat(200_000)}x`,
      `DC: \\\\${'a'.repeat(200_000)}`,
      `Flags: ${'PDC '.repeat(50_000)}x`,
      '1 '.repeat(100_000),
    ]) {
      expectParsedShape(parseNltestDsgetdc(line));
    }
  });

  itReadsVariantsAlike(parseNltestDsgetdc, TEXTS);
  itReadsVariantsAlike(
    parseNltestDsgetdc,
    { nltest01, nltest04, failure },
    [['alignment collapsed', collapseAlignment]],
    (result) => result.facts,
  );
  // A failure's value is its whole line, which collapsing changes: only the DC outputs here.
  itReadsVariantsAlike(
    parseNltestDsgetdc,
    { nltest01, nltest04, french, frenchMisdecoded, german, spanish },
    ALIGNMENT_VARIANTS,
    valuesRead,
  );
  itIgnoresPadding(parseNltestDsgetdc, Object.values(TEXTS));

  itDoesNotRecognize(parseNltestDsgetdc, ['', 'hello: world', 'PS C:\\> nltest /dsgetdc:contoso.com'], {
    facts: {},
    problems: ['no nltest /dsgetdc fields found'],
  });

  itSurvivesDamagedText(
    Object.values(TEXTS),
    [
      'DC: \\\\',
      'Flags:',
      'KEYLIST',
      'Status = 1355 0x54b',
      'ERROR_',
      'Address:',
      'Adresse : ',
      'Statut = 1355 0x54b ',
      'Kennzeichen: ',
      '5f0c2d8e-3b1a-4c6e-9d7f-2a4b6c8e0f12',
      '\\\\10.0.0.1',
    ],
    (text) => {
      const result = parseNltestDsgetdc(text);
      expectParsedShape(result);
      expectSourced(result.facts.dc, 'string');
      expectSourced(result.facts.failure, 'string');
      if (result.facts.dc) expect(result.facts.dc.value.startsWith('\\')).toBe(false);
      if (result.facts.flags) {
        for (const flag of result.facts.flags.value) expect(flag).toMatch(/^\S+$/);
      }
      if (result.facts.errorCode !== undefined) expect(Number.isInteger(result.facts.errorCode)).toBe(true);
      for (const problem of result.problems) expect(problem.length).toBeLessThan(200);
    },
  );
});
