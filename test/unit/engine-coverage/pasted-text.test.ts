// Text an administrator pastes or Windows renders: dates with a time zone from
// Get-AzureADKerberosServer, character references in event messages (wevtutil).
import { describe, expect, it } from 'vitest';
import { readPastedDate } from '../../../electron/engine/parsers/parse-kerberos-server-admin';
import { parseUdrEvents } from '../../../electron/engine/parsers/parse-udr-events';
import { fixture } from '../checks/evidence-helpers';

describe('readPastedDate', () => {
  it.each([
    ['2023-03-15T06:44:39Z', '2023-03-15T06:44:39Z'],
    ['2023-03-15T08:44:39+02:00', '2023-03-15T06:44:39Z'],
    ['2023-03-15 01:44:39 -0500', '2023-03-15T06:44:39Z'],
    ['2023/03/15 6:44:39 AM', '2023-03-15T06:44:39Z'],
    ['3/15/2023 12:05:00 AM', '2023-03-15T00:05:00Z'],
    ['3/15/2023 12:05:00 PM', '2023-03-15T12:05:00Z'],
    ['15.03.2023 06:44:39', '2023-03-15T06:44:39Z'],
  ])('reads %s as %s (UTC)', (text, iso) => {
    expect(readPastedDate(text).iso).toBe(iso);
  });

  it.each([
    ['an offset beyond 14 hours', '2023-03-15T06:44:39+15:00'],
    ['13 o’clock with a PM marker', '3/15/2023 13:00:00 PM'],
    ['29 February of a common year', '2023-02-29'],
    ['a year before FILETIME', '1600-01-01'],
    ['words', 'last Tuesday'],
  ])('rejects %s', (_what, text) => {
    expect(readPastedDate(text)).toEqual({});
  });

  it('says when day and month could be read either way', () => {
    expect(readPastedDate('05/03/2023 06:44:39').ambiguous).toMatch(/read as day\/month/);
    expect(readPastedDate('05/03/2023 06:44:39 AM').ambiguous).toMatch(/read as month\/day/);
    expect(readPastedDate('05/05/2023').ambiguous).toBeUndefined();
  });
});

describe('event messages with character references', () => {
  const event358 = fixture('parsers/udr-events-wevtutil-01.xml');

  it('decodes letters and named entities, and never turns a reference into markup', () => {
    const text = event358.replace(
      'Cloud trust for on premise auth policy is enabled: Yes',
      'Cloud trust for on premise auth policy is enabled: &#78;o &lt;&amp;&#60;&#x110000;',
    );
    const parsed = parseUdrEvents(text);
    expect(parsed.recognized).toBe(true);
    const item = parsed.facts.events
      .flatMap((e) => e.items)
      .find((i) => /cloud trust for on premise auth/i.test(i.label));
    // &#60; would open a tag if decoded before parsing: it stays as written, as does an invalid code point.
    expect(item?.value).toBe('No <&&#60;&#x110000;');
  });

  it('does not read XML without any Event element as events', () => {
    const parsed = parseUdrEvents('<?xml version="1.0"?>\n<Log><Entry>358</Entry></Log>');
    expect(parsed.recognized).toBe(false);
    expect(parsed.problems[0]).toMatch(/no Event or Events element/);
  });
});
