import { describe, expect, it } from 'vitest';
import { parseUdrEvents, type UdrEvent } from '../../../electron/engine/parsers/parse-udr-events';
import {
  expectParsedShape,
  fixture,
  itIgnoresPadding,
  itReadsVariantsAlike,
  itSurvivesDamagedText,
  sample,
} from './text-mutations';

const wevtutil = fixture('parsers/udr-events-wevtutil-01.xml');
const bare360 = sample('event-360-01.txt');
const copied362 = sample('event-362-02.txt');
const xml4768 = sample('event-xml-4768-01.txt');
const copyDetails = fixture('parsers/udr-event-358-copy-details-01.txt');
const TEXTS = { wevtutil, bare360, copied362, xml4768, copyDetails };

const item = (event: UdrEvent | undefined, label: string) =>
  event?.items.find((entry) => entry.label === label)?.value;

describe('parseUdrEvents: wevtutil RenderedXml', () => {
  const result = parseUdrEvents(wevtutil);
  const [newest, older] = result.facts.events;

  it('reads both events, newest first', () => {
    expect(result.recognized).toBe(true);
    expect(result.problems).toEqual([]);
    expect(result.facts.events.map((event) => [event.eventId, event.timeCreated])).toEqual([
      [360, '2026-11-24T07:58:41.5512306Z'],
      [358, '2026-11-20T08:01:02.1234567Z'],
    ]);
  });

  it('reads the message headline and Label: Value items of the 358 event', () => {
    expect(older?.headline).toBe('Windows Hello for Business provisioning will be launched.');
    expect(older?.items).toHaveLength(9);
    expect(older?.items[0]).toEqual({
      label: 'Device is AAD joined ( AADJ or DJ++ )',
      value: 'Yes',
      line: 'Device is AAD joined ( AADJ or DJ++ ): Yes',
    });
    expect(item(older, 'Windows Hello for Business policy is enabled')).toBe('Yes');
    expect(item(older, 'User certificate for on premise auth policy is enabled')).toBe('No');
    expect(item(older, 'Cloud trust for on premise auth policy is enabled')).toBe('Yes');
    expect(item(older, 'User account has Cloud TGT')).toBe('Yes');
    expect(item(older, 'Windows Hello for Business post-logon provisioning is enabled')).toBe('Yes');
    expect(older?.otherLines).toEqual([
      'Machine is governed by none policy.',
      'See https://go.microsoft.com/fwlink/?linkid=832647 for more details.',
    ]);
  });

  it('reads the 360 event and the EventData fields', () => {
    expect(newest?.headline).toBe('Windows Hello for Business provisioning will not be launched.');
    expect(item(newest, 'User account has Cloud TGT')).toBe('No');
    expect(newest?.data).toMatchObject({ CloudTrust: 'Yes', CloudTgt: 'No', IsDeviceJoined: 'Yes' });
  });

  it('reads events without the Events wrapper, unnamed Data, and an XML declaration', () => {
    const text = [
      "<?xml version='1.0' encoding='UTF-8'?>",
      "<Event xmlns='http://schemas.microsoft.com/win/2004/08/events/event'><System><EventID Qualifiers=''>358</EventID></System><EventData><Data>first</Data><Data/></EventData></Event>",
    ].join('\n');
    const { facts } = parseUdrEvents(text);
    expect(facts.events).toEqual([{ eventId: 358, items: [], data: { param1: 'first', param2: '' } }]);
  });

  it('decodes character references in messages without breaking markup', () => {
    const text =
      '<Events><Event><System><EventID>360</EventID></System><RenderingInfo><Message>A &amp; B will not be launched.&#13;&#10;X &lt;1&gt;: &#x4E2D;</Message></RenderingInfo></Event></Events>';
    const [event] = parseUdrEvents(text).facts.events;
    expect(event?.headline).toBe('A & B will not be launched.');
    expect(event?.items).toEqual([{ label: 'X <1>', value: '中', line: 'X <1>: 中' }]);
  });

  it('tolerates prompt lines around the XML', () => {
    const pasted = `PS C:\\> wevtutil qe "Microsoft-Windows-User Device Registration/Admin" /f:RenderedXml /e:Events\n${wevtutil}\nPS C:\\>`;
    expect(parseUdrEvents(pasted).facts).toEqual(result.facts);
  });

  it.each(['', '\r\n', '<Events/>', '<Events>\r\n</Events>'])('treats %j as no events', (text) => {
    expect(parseUdrEvents(text)).toEqual({ facts: { events: [] }, recognized: true, problems: [] });
  });

  it('reports malformed XML without throwing', () => {
    for (const text of [wevtutil.slice(0, 700), '<Events><Event><System></Event></Events>']) {
      const parsed = parseUdrEvents(text);
      expect(parsed.recognized).toBe(false);
      expect(parsed.facts.events).toEqual([]);
      expect(parsed.problems[0]).toMatch(/malformed event XML/);
    }
  });

  it('skips an event without a numeric EventID, with a problem', () => {
    const parsed = parseUdrEvents('<Events><Event><System><EventID>abc</EventID></System></Event></Events>');
    expect(parsed.recognized).toBe(true);
    expect(parsed.facts.events).toEqual([]);
    expect(parsed.problems).toHaveLength(1);
  });
});

describe('parseUdrEvents: pasted text', () => {
  it('reads a bare 360 message (event-360-01) and infers its id from the headline', () => {
    const result = parseUdrEvents(bare360);
    expect(result.recognized).toBe(true);
    const [event] = result.facts.events;
    expect(event?.eventId).toBe(360);
    expect(event?.headline).toBe('Windows Hello for Business provisioning will not be launched.');
    expect(item(event, 'Cloud trust for on premise auth policy is enabled')).toBe('No');
    expect(item(event, 'User account has Cloud TGT')).toBe('Not Tested');
    expect(item(event, 'User certificate for on premise auth policy is enabled')).toBe('Yes');
    expect(event?.items).toHaveLength(9);
    expect(event?.otherLines).toContain('Machine is governed by enrollment authority policy.');
    expect(event?.data).toEqual({});
  });

  it('infers 358 from a bare "will be launched" message', () => {
    const text = 'Windows Hello for Business provisioning will be launched.\nUser account has Cloud TGT: Yes';
    expect(parseUdrEvents(text).facts.events[0]?.eventId).toBe(358);
  });

  it('reads Event Viewer "copy as text" (event-362-02): the printed id wins over the headline', () => {
    const [event] = parseUdrEvents(copied362).facts.events;
    expect(event?.eventId).toBe(362);
    expect(event?.timeText).toBe('<Date and time>');
    expect(event?.headline).toBe('Windows Hello for Business provisioning will not be launched.');
    expect(item(event, 'Enterprise user logon certificate template is')).toBe('No ( 1 : StateNoPolicy )');
    expect(item(event, 'User has successfully authenticated to the enterprise STS')).toBe('No');
    expect(item(event, 'Certificate enrollment method')).toBe('enrollment authority');
    expect(event?.items.map((entry) => entry.label)).not.toContain('Log Name');
    expect(event?.items).toHaveLength(11);
  });

  it('reads several copied events and an ISO date', () => {
    const second = copied362
      .replace('Event ID:      362', 'Event ID:      358')
      .replace('<Date and time>', '2026-11-20T08:01:02.123Z');
    const events = parseUdrEvents(`${copied362}\n${second}`).facts.events;
    expect(events.map((event) => event.eventId)).toEqual([362, 358]);
    expect(events[1]?.timeCreated).toBe('2026-11-20T08:01:02.123Z');
  });

  it('reads the Event Viewer XML view with collapse markers (event-xml-4768-01)', () => {
    const result = parseUdrEvents(xml4768);
    expect(result.recognized).toBe(true);
    expect(result.facts.events).toHaveLength(1);
    const [event] = result.facts.events;
    expect(event?.eventId).toBe(4768);
    expect(event?.timeCreated).toBe('2015-08-07T18:13:46.074535600Z');
    expect(event?.items).toEqual([]);
    expect(event?.data).toMatchObject({
      TargetUserName: 'dadmin',
      ServiceName: 'krbtgt',
      PreAuthType: '15',
      CertIssuerName: 'contoso-DC01-CA-1',
      Status: '0x0',
    });
    expect(Object.keys(event?.data ?? {})).toHaveLength(14);
  });

  it('reads "Copy Details as Text": message from the text, id, time and data from the XML', () => {
    const result = parseUdrEvents(copyDetails);
    expect(result.recognized).toBe(true);
    expect(result.facts.events).toHaveLength(1);
    const [event] = result.facts.events;
    expect(event?.eventId).toBe(358);
    expect(event?.timeCreated).toBe('2026-11-20T08:01:02.1234567Z');
    expect(event?.headline).toBe('Windows Hello for Business provisioning will be launched.');
    expect(event?.items).toHaveLength(9);
    expect(item(event, 'Cloud trust for on premise auth policy is enabled')).toBe('Yes');
    expect(event?.otherLines).not.toContain('Event Xml:');
    expect(event?.data).toMatchObject({ CloudTgt: 'Yes' });
  });

  it('does not recognize text without an event id or a known headline', () => {
    const result = parseUdrEvents(
      'Die Bereitstellung von Windows Hello for Business wird nicht gestartet.\nfoo: bar',
    );
    expect(result.recognized).toBe(false);
    expect(result.facts.events).toEqual([]);
    expect(result.problems[0]).toMatch(/no event id/);
  });
});

describe('parseUdrEvents: layouts and damaged input', () => {
  itReadsVariantsAlike(parseUdrEvents, TEXTS);
  itIgnoresPadding(parseUdrEvents, Object.values(TEXTS));
  itSurvivesDamagedText(
    Object.values(TEXTS),
    ['<Event>', '</Event>', '<Events>', '<EventID>358</EventID>', '&#xD;&#xA;', 'Event ID: 360', ': Yes'],
    (text) => {
      const parsed = parseUdrEvents(text);
      expectParsedShape(parsed);
      expect(Array.isArray(parsed.facts.events)).toBe(true);
      for (const event of parsed.facts.events) {
        expect(Number.isInteger(event.eventId)).toBe(true);
        expect(Array.isArray(event.items)).toBe(true);
        for (const entry of event.items) {
          expect(typeof entry.label).toBe('string');
          expect(typeof entry.value).toBe('string');
        }
        for (const value of Object.values(event.data)) expect(typeof value).toBe('string');
      }
    },
  );
});
