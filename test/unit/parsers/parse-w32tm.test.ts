import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseTimeOffset, parseTimeStatus } from '../../../electron/engine/parsers/parse-w32tm';
import {
  collapseAlignment,
  expectParsedShape,
  expectSourced,
  fixture,
  itDoesNotRecognize,
  itIgnoresPadding,
  itReadsVariantsAlike,
  itSurvivesDamagedText,
  PASTE_VARIANTS,
  padAlignment,
  RUNS,
  sample,
  valuesOnly,
  valuesRead,
} from './text-mutations';

const unsynced = sample('w32tm-status-01.txt');
const synced = fixture('parsers/w32tm-status-synced-01.txt');
const stopped = fixture('parsers/w32tm-status-stopped-01.txt');
const offset = fixture('parsers/w32tm-stripchart-01.txt');
const skew = fixture('parsers/w32tm-stripchart-skew-01.txt');
const german = fixture('parsers/w32tm-stripchart-de-01.txt');
const noAnswer = fixture('parsers/w32tm-stripchart-error-01.txt');
const statusFr = fixture('parsers/w32tm-status-fr-01.txt');
const statusDe = fixture('parsers/w32tm-status-de-01.txt');
const statusEs = fixture('parsers/w32tm-status-es-01.txt');
const stoppedFr = fixture('parsers/w32tm-status-stopped-fr-01.txt');
const offsetFr = fixture('parsers/w32tm-stripchart-fr-01.txt');
const offsetEs = fixture('parsers/w32tm-stripchart-es-01.txt');
const noAnswerFr = fixture('parsers/w32tm-stripchart-error-fr-01.txt');
const STATUS = { unsynced, synced, stopped, statusFr, statusDe, statusEs, stoppedFr };
const OFFSETS = { offset, skew, german, noAnswer, offsetFr, offsetEs, noAnswerFr };
// w32tm /query /status with labels in none of our tables (an Italian-like build).
const UNKNOWN_LABELS = [
  'Indicatore di salto: 3(non sincronizzato)',
  'Strato: 0 (non specificato)',
  'Precisione: -23 (119.209ns per tick)',
  'Ritardo radice: 0.0000000s',
  'Dispersione radice: 0.0000000s',
  'ID di riferimento: 0x00000000 (non specificato)',
  'Ora ultima sincronizzazione riuscita: non specificato',
  'Origine: Local CMOS Clock',
  'Intervallo di polling: 6 (64s)',
].join('\n');

describe('parseTimeStatus', () => {
  it('reads the unsynchronized sample (w32tm-status-01)', () => {
    expect(parseTimeStatus(unsynced)).toEqual({
      facts: {
        leapIndicator: { value: 3, line: 'Leap Indicator: 3(not synchronized)' },
        stratum: { value: 0, line: 'Stratum: 0 (unspecified)' },
        source: { value: 'Local CMOS Clock', line: 'Source: Local CMOS Clock' },
        lastSuccessfulSyncTime: { value: 'unspecified', line: 'Last Successful Sync Time: unspecified' },
      },
      recognized: true,
      problems: [],
    });
  });

  it('reads a device synced from its DC', () => {
    const { facts } = parseTimeStatus(synced);
    expect(facts.leapIndicator?.value).toBe(0);
    expect(facts.stratum?.value).toBe(4);
    expect(facts.source?.value).toBe('DC01.corp.contoso.com');
    expect(facts.lastSuccessfulSyncTime?.value).toBe('11/25/2026 10:02:14 AM');
  });

  it('reads the stopped time service as a failure', () => {
    const line = 'The following error occurred: The service has not been started. (0x80070426)';
    expect(parseTimeStatus(stopped)).toEqual({
      facts: { failure: { value: line, line } },
      recognized: true,
      problems: [],
    });
  });

  it('reads French status (space before the colon, day-first date)', () => {
    expect(parseTimeStatus(statusFr)).toEqual({
      facts: {
        leapIndicator: { value: 0, line: 'Indicateur de saut : 0(aucun avertissement)' },
        stratum: { value: 4, line: 'Strate : 4 (référence secondaire - synchronisée par (S)NTP)' },
        lastSuccessfulSyncTime: {
          value: '25/11/2026 10:02:14',
          line: 'Heure de la dernière synchronisation réussie : 25/11/2026 10:02:14',
        },
        source: { value: 'DC01.corp.contoso.fr', line: 'Source : DC01.corp.contoso.fr' },
      },
      recognized: true,
      problems: [],
    });
  });

  it('reads German status of an unsynchronized device', () => {
    const result = parseTimeStatus(statusDe);
    expect(result.problems).toEqual([]);
    expect(result.facts).toEqual({
      leapIndicator: { value: 3, line: 'Sprungindikator: 3(nicht synchronisiert)' },
      stratum: { value: 0, line: 'Stratum: 0 (nicht angegeben)' },
      lastSuccessfulSyncTime: {
        value: 'nicht angegeben',
        line: 'Letzte erfolgreiche Synchronisierungszeit: nicht angegeben',
      },
      source: { value: 'Local CMOS Clock', line: 'Quelle: Local CMOS Clock' },
    });
  });

  it('reads Spanish status', () => {
    const result = parseTimeStatus(statusEs);
    expect(result.problems).toEqual([]);
    expect(result.facts.leapIndicator).toEqual({ value: 0, line: 'Indicador de salto: 0(sin advertencia)' });
    expect(result.facts.stratum?.value).toBe(3);
    expect(result.facts.source).toEqual({ value: 'DC03.contoso.es', line: 'Origen: DC03.contoso.es' });
    expect(result.facts.lastSuccessfulSyncTime?.value).toBe('25/11/2026 10:02:14');
  });

  it('reads the French stopped-service error by its (0x...) code', () => {
    const line = "L'erreur suivante s'est produite : Le service n'a pas été démarré. (0x80070426)";
    expect(parseTimeStatus(stoppedFr)).toEqual({
      facts: { failure: { value: line, line } },
      recognized: true,
      problems: [],
    });
  });

  it('reads unknown labels by the leap indicator shape and w32tm order, and says so', () => {
    const result = parseTimeStatus(UNKNOWN_LABELS);
    expect(result.recognized).toBe(true);
    expect(result.facts).toEqual({
      leapIndicator: { value: 3, line: 'Indicatore di salto: 3(non sincronizzato)' },
      stratum: { value: 0, line: 'Strato: 0 (non specificato)' },
      lastSuccessfulSyncTime: {
        value: 'non specificato',
        line: 'Ora ultima sincronizzazione riuscita: non specificato',
      },
      source: { value: 'Local CMOS Clock', line: 'Origine: Local CMOS Clock' },
    });
    expect(result.problems).toEqual([
      'unknown label "Indicatore di salto": read as Leap Indicator by its value and place',
      'unknown label "Strato": read as Stratum by its value and place',
      'unknown label "Ora ultima sincronizzazione riuscita": read as Last Successful Sync Time by its value and place',
      'unknown label "Origine": read as Source by its value and place',
    ]);
  });

  it('reads the same values when every label is one it does not know (any paste variant)', () => {
    const outputs = [unsynced, synced, statusFr, statusDe, statusEs];
    const label = fc.stringMatching(/^zz[a-z]{1,8}( [a-z]{1,8})?$/);
    fc.assert(
      fc.property(
        fc.constantFrom(...outputs),
        fc.array(label, { minLength: 1, maxLength: 9 }),
        fc.constantFrom(...PASTE_VARIANTS),
        (text, labels, [, paste]) => {
          let next = 0;
          const relabelled = text
            .split('\n')
            .map((line) => {
              const colon = line.search(/\s?: /);
              return colon < 0 ? line : `${labels[next++ % labels.length]}${line.slice(colon)}`;
            })
            .join('\n');
          const result = parseTimeStatus(paste(relabelled));
          expect(valuesOnly(result.facts)).toEqual(valuesOnly(parseTimeStatus(text).facts));
        },
      ),
      RUNS,
    );
  });

  it('says which fields it could not find', () => {
    const result = parseTimeStatus(
      'Indicatore di salto: 0(nessun avviso)\nPrecisione: -23 (119.209ns per tick)',
    );
    expect(result.facts.leapIndicator?.value).toBe(0);
    expect(result.problems).toEqual([
      'unknown label "Indicatore di salto": read as Leap Indicator by its value and place',
      'Stratum not found',
      'Source not found',
      'Last Successful Sync Time not found',
    ]);
  });

  it('does not take the poll interval or precision for the leap indicator', () => {
    const text = 'Intervallo di polling: 1 (2s)\nPrecisione: -23 (119.209ns per tick)';
    expect(parseTimeStatus(text).facts.leapIndicator).toBeUndefined();
  });

  itReadsVariantsAlike(
    parseTimeStatus,
    { unsynced, synced, statusFr, statusDe, statusEs, unknownLabels: UNKNOWN_LABELS },
    [
      ['alignment collapsed', collapseAlignment],
      ['other alignment', padAlignment],
      ['a space before each colon', (text) => text.replace(/: /g, ' : ')],
    ],
    valuesRead,
  );
  itReadsVariantsAlike(parseTimeStatus, STATUS);
  itIgnoresPadding(parseTimeStatus, Object.values(STATUS));

  itDoesNotRecognize(parseTimeStatus, ['', 'Tracking DC01 [10.0.0.1:123].', 'foo: bar'], {
    problems: ['no w32tm status fields found'],
  });
});

describe('parseTimeOffset', () => {
  it('reads a small positive offset and the target', () => {
    expect(parseTimeOffset(offset)).toEqual({
      facts: {
        target: 'DC01.contoso.com',
        offsetSeconds: { value: 0.03125, line: '10:15:03, +00.0312500s' },
      },
      recognized: true,
      problems: [],
    });
  });

  it('reads a negative offset over five minutes', () => {
    expect(parseTimeOffset(skew).facts.offsetSeconds?.value).toBeCloseTo(-312.0451234, 7);
  });

  it('reads a decimal comma and localized surrounding lines', () => {
    const { facts } = parseTimeOffset(german);
    expect(facts.offsetSeconds?.value).toBeCloseTo(0.03125, 7);
    expect(facts.target).toBe('DC01.contoso.com');
  });

  it('reads French stripchart output (decimal comma)', () => {
    expect(parseTimeOffset(offsetFr)).toEqual({
      facts: {
        target: 'DC01.corp.contoso.fr',
        offsetSeconds: { value: 0.03125, line: '10:15:03, +00,0312500s' },
      },
      recognized: true,
      problems: [],
    });
  });

  it('reads Spanish stripchart output with a negative offset', () => {
    const { facts } = parseTimeOffset(offsetEs);
    expect(facts.target).toBe('DC03.contoso.es');
    expect(facts.offsetSeconds).toEqual({ value: -0.25, line: '10:15:03, -00,2500000s' });
  });

  it('reads a French DC that did not answer', () => {
    expect(parseTimeOffset(noAnswerFr).facts).toEqual({
      target: 'DC01.corp.contoso.fr',
      failure: { value: 'erreur : 0x800705B4', line: '10:15:03, erreur : 0x800705B4' },
    });
  });

  it('reads the target after a tab and ignores brackets without a port', () => {
    expect(parseTimeOffset('Suivi de\tDC01 [10.0.0.10:123].').facts.target).toBe('DC01');
    expect(parseTimeOffset('Suivi de DC01 [pas de port].\n10:15:03, +00,5s').facts.target).toBeUndefined();
  });

  it('reads a DC that did not answer', () => {
    expect(parseTimeOffset(noAnswer).facts).toEqual({
      target: 'DC01.contoso.com',
      failure: { value: 'error: 0x800705B4', line: '10:15:03, error: 0x800705B4' },
    });
  });

  it('reads the chart format (without /dataonly) and 12-hour times', () => {
    const text =
      'Tracking dc01 [10.0.0.10:123].\n10:15:03 AM d:+00.0009763s o:-01.5000000s  [          *|           ]';
    expect(parseTimeOffset(text).facts.offsetSeconds?.value).toBe(-1.5);
  });

  it('reads a name resolution failure', () => {
    const text = 'The following error occurred: No such host is known. (0x80072AF9)';
    expect(parseTimeOffset(text).facts.failure?.value).toBe(text);
  });

  it('keeps the first successful sample', () => {
    const text = `${offset}\n10:15:05, error: 0x800705B4\n10:15:07, +05.0000000s`;
    expect(parseTimeOffset(text).facts.offsetSeconds?.value).toBe(0.03125);
    expect(parseTimeOffset(text).facts.failure).toBeDefined();
  });

  it('notes a target without a sample', () => {
    const result = parseTimeOffset('Tracking DC01.contoso.com [10.0.0.10:123].\nCollecting 1 samples.');
    expect(result.recognized).toBe(true);
    expect(result.problems).toEqual(['no time sample found']);
  });

  itReadsVariantsAlike(parseTimeOffset, OFFSETS);
  itIgnoresPadding(parseTimeOffset, Object.values(OFFSETS));

  itDoesNotRecognize(parseTimeOffset, {
    'empty text': '',
    'the status output': unsynced,
    'the French status output': statusFr,
    hello: 'hello',
  });
});

describe('w32tm parsers on damaged input', () => {
  it('return on a 200 KB line', () => {
    for (const line of [
      `|${' '.repeat(200_000)}`,
      `x${' '.repeat(200_000)}x`,
      'a@'.repeat(100_000),
      'a:'.repeat(100_000),
      'a'.repeat(200_000),
      `Tracking ${'a'.repeat(200_000)}`,
      `x [${':1'.repeat(100_000)}].`,
      `10:15:03,${' '.repeat(200_000)}x`,
      `${'(0x12345678)'.repeat(16_000)} x`,
      `0(${' '.repeat(200_000)}x`,
    ]) {
      expectParsedShape(parseTimeStatus(line));
      expectParsedShape(parseTimeOffset(line));
    }
  });

  itSurvivesDamagedText(
    [...Object.values(STATUS), ...Object.values(OFFSETS)],
    [
      'Leap Indicator: ',
      'Stratum: ',
      '10:15:03, ',
      '+00.03s',
      '-1,5s',
      'error: 0x800705B4',
      '[1:123].',
      'Indicateur de saut : ',
      '3(',
      '0x0A14000B (',
      'Suivi de ',
    ],
    (text) => {
      const status = parseTimeStatus(text);
      expectParsedShape(status);
      expectSourced(status.facts.leapIndicator, 'number');
      expectSourced(status.facts.stratum, 'number');
      expectSourced(status.facts.source, 'string');
      const timeOffset = parseTimeOffset(text);
      expectParsedShape(timeOffset);
      expectSourced(timeOffset.facts.offsetSeconds, 'number');
      if (timeOffset.facts.offsetSeconds)
        expect(Number.isFinite(timeOffset.facts.offsetSeconds.value)).toBe(true);
    },
  );
});
