import type { Parsed } from '@contract/types';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { PARSE_BUDGETS, parseWithin } from './parse-budget';
import { contentLines, isPromptLine, normalizeKey, oneLine, readKeyValue, toLines } from './text-lines';

/** One "Label: Value" line of a Hello provisioning event message. */
export interface EventMessageItem {
  label: string;
  value: string;
  line: string;
}

export interface UdrEvent {
  /** 358 provisioning will be launched, 360 will not, 362 will not (cert trust prerequisites). */
  eventId: number;
  /** ISO time when known. */
  timeCreated?: string;
  /** The account the event was written for (System/Security/@UserID), when the XML carries it. */
  userSid?: string;
  /** The time as printed when it is not ISO (Event Viewer's "Date:" is in the local format). */
  timeText?: string;
  /** The message's first line, e.g. "Windows Hello for Business provisioning will not be launched." */
  headline?: string;
  items: EventMessageItem[];
  /** Message lines after the headline that are not "Label: Value", e.g. "Machine is governed by none policy." */
  otherLines?: string[];
  /** EventData name -> value (language-neutral). Unnamed Data elements are keyed param1, param2, ... */
  data: Record<string, string>;
}

/**
 * Facts from `wevtutil qe ... /f:RenderedXml /e:Events` (newest first), also from pasted
 * Event Viewer "copy as text" output, XML view, or a bare message.
 */
export interface UdrEventsFacts {
  events: UdrEvent[];
}

type Node = Record<string, unknown>;

const XML_START = /<(?:\?xml|Events?[\s>/])/;
// Event Viewer's XML view prints "- " (or "+ ") before elements that can be collapsed. The
// indentation is white space other than line breaks: "\s*" would run on across blank lines,
// quadratic on many of them.
const COLLAPSE_MARKER = /^([^\S\n\r\u2028\u2029]*)[-+] (?=<)/gm;
// Header fields of Event Viewer's "copy as text" that are not part of the message.
const HEADER_KEYS = new Set(['logname', 'source', 'date', 'eventid', 'taskcategory', 'level', 'keywords']);
const MORE_HEADER_KEYS = new Set(['user', 'computer', 'opcode', 'description']);

export function parseUdrEvents(text: string): Parsed<UdrEventsFacts> {
  return parseWithin(PARSE_BUDGETS.udrEvents, 'event output', text, () => ({ events: [] }), readEvents);
}

function readEvents(text: string): Parsed<UdrEventsFacts> {
  // wevtutil prints nothing when no event matches: that is a fact (no events), not garbage.
  if (contentLines(text).length === 0) return { facts: { events: [] }, recognized: true, problems: [] };
  const start = text.search(XML_START);
  if (start < 0) return readPlainText(text);
  const xml = readXml(text.slice(start));
  // Event Viewer's "Copy Details as Text": header and message, then "Event Xml:" and the XML.
  const copied = readPlainText(withoutXmlTitle(text.slice(0, start)));
  return copied.recognized ? withCopiedMessages(xml, copied.facts.events) : xml;
}

/** The text without its first "Event Xml:" line (by lines: /^\s*Event Xml:\s*$/m is quadratic). */
function withoutXmlTitle(text: string): string {
  const lines = toLines(text);
  const title = lines.findIndex((line) => line.trim().toLowerCase() === 'event xml:');
  if (title >= 0) lines.splice(title, 1);
  return lines.join('\n');
}

/** Fills in the message of XML events (the XML view has no RenderingInfo) from the text before it. */
function withCopiedMessages(xml: Parsed<UdrEventsFacts>, copied: UdrEvent[]): Parsed<UdrEventsFacts> {
  if (!xml.recognized || copied.length !== xml.facts.events.length) return xml;
  const events = xml.facts.events.map((event, index) => {
    const text = copied[index];
    if (!text || event.headline || event.items.length > 0) return event;
    const merged: UdrEvent = { ...event, items: text.items };
    if (text.headline) merged.headline = text.headline;
    if (text.otherLines) merged.otherLines = text.otherLines;
    if (!event.timeCreated && text.timeText) merged.timeText = text.timeText;
    return merged;
  });
  return { ...xml, facts: { events } };
}

// ---- XML (wevtutil RenderedXml, Event Viewer XML view) ----

function readXml(text: string): Parsed<UdrEventsFacts> {
  // Prompt lines end with ">" too: drop them before cutting the markup out of the text.
  const markup = toLines(text)
    .filter((line) => !isPromptLine(line))
    .join('\n');
  const xml = decodeCharacterReferences(
    markup
      .slice(markup.search(/<(?:\?xml|Events?[\s>/])/), markup.lastIndexOf('>') + 1)
      .replace(COLLAPSE_MARKER, '$1'),
  );
  const valid = XMLValidator.validate(xml);
  if (valid !== true) {
    const { msg, line } = valid.err;
    return {
      facts: { events: [] },
      recognized: false,
      // The validator's message quotes tag names from the text: clipped to one short line.
      problems: [`malformed event XML (line ${line}): ${oneLine(msg)}`],
    };
  }
  const parser = new XMLParser({
    ignoreAttributes: false,
    parseTagValue: false,
    isArray: (name) => name === 'Event' || name === 'Data',
  });
  const root = asNode(parser.parse(xml));
  const nodes = eventNodes(root);
  if (nodes === undefined) {
    return { facts: { events: [] }, recognized: false, problems: ['XML has no Event or Events element'] };
  }
  const problems: string[] = [];
  const events: UdrEvent[] = [];
  for (const node of nodes) {
    const event = readXmlEvent(node);
    if (event) events.push(event);
    else problems.push('an Event element without a numeric EventID was skipped');
  }
  return { facts: { events }, recognized: true, problems };
}

/**
 * wevtutil escapes the message's line breaks as &#xD;&#xA;. Decode numeric references up
 * front (the parser leaves them as is), except the ones that would create markup.
 */
function decodeCharacterReferences(xml: string): string {
  return xml.replace(/&#(x[0-9a-f]+|\d+);/gi, (reference, code: string) => {
    const point = code[0] === 'x' || code[0] === 'X' ? Number.parseInt(code.slice(1), 16) : Number(code);
    if (!Number.isInteger(point) || point < 1 || point > 0x10ffff) return reference;
    const char = String.fromCodePoint(point);
    return '<>&"\''.includes(char) ? reference : char;
  });
}

function eventNodes(root: Node | undefined): Node[] | undefined {
  if (!root) return undefined;
  if ('Events' in root) {
    const events = asNode(root.Events);
    return events ? asArray(events.Event).flatMap(nodeList) : [];
  }
  if ('Event' in root) return asArray(root.Event).flatMap(nodeList);
  return undefined;
}

function readXmlEvent(node: Node): UdrEvent | undefined {
  const system = asNode(node.System);
  const eventId = Number(textOf(system?.EventID));
  if (!Number.isInteger(eventId) || textOf(system?.EventID) === '') return undefined;
  const event: UdrEvent = { eventId, items: [], data: readEventData(asNode(node.EventData)) };
  const time = textOf(asNode(system?.TimeCreated)?.['@_SystemTime']);
  if (time) event.timeCreated = time;
  const userSid = textOf(asNode(system?.Security)?.['@_UserID']);
  if (userSid && /^S-1-[\d-]+$/i.test(userSid)) event.userSid = userSid;
  const message = textOf(asNode(node.RenderingInfo)?.Message);
  if (message) Object.assign(event, readMessage(contentLines(message)));
  return event;
}

function readEventData(eventData: Node | undefined): Record<string, string> {
  const data: Record<string, string> = {};
  asArray(eventData?.Data).forEach((item, index) => {
    const name = textOf(asNode(item)?.['@_Name']) || `param${index + 1}`;
    data[name] = textOf(item) ?? '';
  });
  return data;
}

function asNode(value: unknown): Node | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Node) : undefined;
}

function nodeList(value: unknown): Node[] {
  const node = asNode(value);
  return node ? [node] : [];
}

function asArray(value: unknown): unknown[] {
  if (value === undefined) return [];
  return Array.isArray(value) ? value : [value];
}

/** Text of an element (plain string, or "#text" when it has attributes). */
function textOf(value: unknown): string | undefined {
  if (typeof value === 'string' || typeof value === 'number') return String(value).trim();
  const node = asNode(value);
  if (node && '#text' in node) return textOf(node['#text']);
  return node ? '' : undefined;
}

// ---- Message text (shared by XML and pasted text) ----

function readMessage(lines: string[]): Pick<UdrEvent, 'headline' | 'items' | 'otherLines'> {
  const items: EventMessageItem[] = [];
  const otherLines: string[] = [];
  let headline: string | undefined;
  lines.forEach((line, index) => {
    const pair = readKeyValue(line);
    if (pair && pair.value !== '') items.push({ label: pair.key, value: pair.value, line: pair.line });
    else if (index === 0) headline = line;
    else otherLines.push(line);
  });
  const message: Pick<UdrEvent, 'headline' | 'items' | 'otherLines'> = { items };
  if (headline) message.headline = headline;
  if (otherLines.length > 0) message.otherLines = otherLines;
  return message;
}

/** The event id a bare message implies: only the English headline says it. */
function inferEventId(headline: string | undefined): number | undefined {
  if (!headline) return undefined;
  if (/will not be launched/i.test(headline)) return 360;
  if (/will be launched/i.test(headline)) return 358;
  return undefined;
}

// ---- Pasted text: Event Viewer "copy as text" or a bare message ----

function readPlainText(text: string): Parsed<UdrEventsFacts> {
  const events: UdrEvent[] = [];
  const problems: string[] = [];
  for (const block of splitBlocks(contentLines(text))) {
    const event = readTextBlock(block);
    if (event) events.push(event);
    else problems.push(`no event id found for the text starting "${oneLine(block[0] ?? '', 80)}"`);
  }
  return { facts: { events }, recognized: events.length > 0, problems };
}

/** Several pasted events: each "copy as text" block starts with its "Log Name:" line. */
function splitBlocks(lines: string[]): string[][] {
  const blocks: string[][] = [];
  for (const line of lines) {
    const key = normalizeKey(readKeyValue(line)?.key ?? '');
    if (key === 'logname' || blocks.length === 0) blocks.push([]);
    blocks.at(-1)?.push(line);
  }
  return blocks.filter((block) => block.length > 0);
}

function readTextBlock(block: string[]): UdrEvent | undefined {
  const { header, message } = splitHeader(block);
  const fields = new Map<string, string>();
  for (const line of header) {
    const pair = readKeyValue(line);
    if (pair) fields.set(normalizeKey(pair.key), pair.value);
  }
  const parsedMessage = readMessage(message);
  const printedId = /^\d+$/.test(fields.get('eventid') ?? '') ? Number(fields.get('eventid')) : undefined;
  const eventId = printedId ?? inferEventId(parsedMessage.headline);
  if (eventId === undefined) return undefined;
  const event: UdrEvent = { eventId, ...parsedMessage, data: {} };
  const date = fields.get('date');
  if (date && /^\d{4}-\d{2}-\d{2}T/.test(date)) event.timeCreated = date;
  else if (date) event.timeText = date;
  return event;
}

/** Header lines up to "Description:"; without it, the known header fields are the header. */
function splitHeader(block: string[]): { header: string[]; message: string[] } {
  const keyOf = (line: string) => normalizeKey(readKeyValue(line)?.key ?? '');
  const description = block.findIndex((line) => keyOf(line) === 'description');
  if (description >= 0) return { header: block.slice(0, description), message: block.slice(description + 1) };
  const isHeader = (line: string) => HEADER_KEYS.has(keyOf(line)) || MORE_HEADER_KEYS.has(keyOf(line));
  const hasHeader = block.some((line) => HEADER_KEYS.has(keyOf(line)));
  if (!hasHeader) return { header: [], message: block };
  return { header: block.filter(isHeader), message: block.filter((line) => !isHeader(line)) };
}
