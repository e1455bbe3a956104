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
  padAlignment,
  sample,
  valuesRead,
} from './text-mutations';

const unsynced = sample('w32tm-status-01.txt');
const synced = fixture('parsers/w32tm-status-synced-01.txt');
const stopped = fixture('parsers/w32tm-status-stopped-01.txt');
const offset = fixture('parsers/w32tm-stripchart-01.txt');
const skew = fixture('parsers/w32tm-stripchart-skew-01.txt');
const german = fixture('parsers/w32tm-stripchart-de-01.txt');
const noAnswer = fixture('parsers/w32tm-stripchart-error-01.txt');
const STATUS = { unsynced, synced, stopped };
const OFFSETS = { offset, skew, german, noAnswer };

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

  itReadsVariantsAlike(
    parseTimeStatus,
    { unsynced, synced },
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

  itDoesNotRecognize(parseTimeOffset, { 'empty text': '', 'the status output': unsynced, hello: 'hello' });
});

describe('w32tm parsers on damaged input', () => {
  itSurvivesDamagedText(
    [...Object.values(STATUS), ...Object.values(OFFSETS)],
    ['Leap Indicator: ', 'Stratum: ', '10:15:03, ', '+00.03s', '-1,5s', 'error: 0x800705B4', '[1:123].'],
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
