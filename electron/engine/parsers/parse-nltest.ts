import type { Parsed, Sourced } from '@contract/types';
import { PARSE_BUDGETS, parseWithin } from './parse-budget';
import {
  contentLines,
  type KeyValueLine,
  labelSkeleton,
  labelTable,
  oneLine,
  readKeyValue,
} from './text-lines';

/** Facts from `nltest /dsgetdc:<domain> /kdc /keylist`. */
export interface NltestDsgetdcFacts {
  /** DC name without the leading backslashes, e.g. "DC.contoso.com". */
  dc?: Sourced<string>;
  address?: Sourced<string>;
  domainName?: Sourced<string>;
  forestName?: Sourced<string>;
  dcSiteName?: Sourced<string>;
  ourSiteName?: Sourced<string>;
  /** Flag words, e.g. ["PDC", "GC", "KDC", "KEYLIST"]. */
  flags?: Sourced<string[]>;
  /** A failure line such as "Getting DC name failed: Status = 1355 0x54b ERROR_NO_SUCH_DOMAIN". */
  failure?: Sourced<string>;
  /** The symbolic error name when printed, e.g. "ERROR_NO_SUCH_DOMAIN". */
  errorName?: string;
  /** The decimal status of a failure line, e.g. 1355 (the same in every language). */
  errorCode?: number;
  /** The domain GUID ("Dom Guid"). */
  domainGuid?: Sourced<string>;
  /** True when nltest printed "The command completed successfully" (in a language we know). */
  completed?: boolean;
}

type TextField = 'dc' | 'address' | 'domainName' | 'forestName' | 'dcSiteName' | 'ourSiteName' | 'domainGuid';
type Field = TextField | 'flags';

// nltest's labels in English, French, German and Spanish. They differ between Windows builds,
// so a label missing here is read by the shape of its value (see `readByShape`).
const LABELS = labelTable<Field>({
  dc: ['DC'],
  address: ['Address', 'Adresse', 'Dirección'],
  domainGuid: ['Dom Guid', 'GUID dom', 'Domänen-GUID', 'GUID de dominio'],
  domainName: ['Dom Name', 'Nom dom', 'Domänenname', 'Nombre de dominio'],
  forestName: ['Forest Name', 'Nom de forêt', 'Gesamtstrukturname', 'Nombre de bosque'],
  dcSiteName: [
    'Dc Site Name',
    'Nom de site du contrôleur de domaine',
    'Nom du site DC',
    'DC-Standortname',
    'Nombre de sitio de DC',
  ],
  ourSiteName: ['Our Site Name', 'Nom de notre site', 'Unser Standortname', 'Nombre de nuestro sitio'],
  flags: ['Flags', 'Indicateurs', 'Kennzeichen', 'Marcas'],
});

const DESCRIPTIONS: Record<Field, string> = {
  dc: 'the DC name',
  address: 'the DC address',
  domainGuid: 'the domain GUID',
  domainName: 'the domain name',
  forestName: 'the forest name',
  dcSiteName: "the DC's site name",
  ourSiteName: "this device's site name",
  flags: 'the DC flags',
};

// nltest prints the names in this order after the GUID; an unlabelled name takes the next slot.
const NAME_SLOTS = ['domainName', 'forestName', 'dcSiteName', 'ourSiteName'] as const;

// "The command completed successfully" in the languages we know, as label skeletons.
const COMPLETED = [
  'The command completed successfully',
  "La commande s'est correctement déroulée",
  'Der Befehl wurde erfolgreich ausgeführt',
  'El comando se completó correctamente',
].map(labelSkeleton);

// Words DsGetDcName reports in the Flags line (not localized).
const KNOWN_FLAGS = new Set(
  'PDC GC DS LDAP KDC TIMESERV GTIMESERV WRITABLE DNS_DC DNS_DOMAIN DNS_FOREST CLOSE_SITE FULL_SECRET SELECT_SECRET NDNC WS DS_8 DS_9 DS_10 DS_13 KEYLIST'.split(
    ' ',
  ),
);
const FLAG_WORD = /^[A-Z][A-Z0-9_]*$/;
const GUID = /^\{?[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\}?$/i;
const IPV4 = /^\d{1,3}(?:\.\d{1,3}){3}$/;
const IPV6 = /^[0-9a-f:]+(?:%\w+)?$/i;
// A DNS name, a NetBIOS name or a site name: no spaces, no backslashes.
const NAME = /^[\p{L}\p{N}][\p{L}\p{N}._-]*$/u;
// After "Status =" (any language's word): "1355 0x54b ERROR_NO_SUCH_DOMAIN". Sticky: tried at
// each '=' only, so a long line is read in linear time.
const STATUS_VALUE = /\s*(\d+)\s+0x[0-9a-fA-F]+(?![0-9a-zA-Z_])(?:\s+([A-Z][A-Z0-9_]+))?/y;

interface Reading {
  facts: NltestDsgetdcFacts;
  problems: string[];
  /** Index in NAME_SLOTS of the last name read, -1 before any. */
  nameSlot: number;
}

export function parseNltestDsgetdc(text: string): Parsed<NltestDsgetdcFacts> {
  return parseWithin(PARSE_BUDGETS.nltest, 'nltest output', text, () => ({}), readNltest);
}

function readNltest(text: string): Parsed<NltestDsgetdcFacts> {
  const reading: Reading = { facts: {}, problems: [], nameSlot: -1 };
  const { facts } = reading;
  let previousWasFlags = false;
  for (const line of contentLines(text)) {
    const wasFlags = previousWasFlags;
    previousWasFlags = false;
    if (isCompletionLine(line)) {
      facts.completed = true;
      continue;
    }
    if (readFailure(facts, line)) continue;
    const continued = wasFlags && facts.flags ? flagWords(line) : null;
    if (facts.flags && continued) {
      // A Flags line wrapped at console width continues with bare flag words.
      facts.flags = { value: [...facts.flags.value, ...continued], line: `${facts.flags.line} ${line}` };
      previousWasFlags = true;
      continue;
    }
    // Any other sentence (an unknown closing line, a banner) says nothing about the DC.
    const pair = readKeyValue(line);
    if (pair) previousWasFlags = readField(reading, pair) === 'flags';
  }
  const recognized = Object.keys(facts).length > 0;
  if (!recognized) return { facts, recognized, problems: ['no nltest /dsgetdc fields found'] };
  return { facts, recognized, problems: [...reading.problems, ...missing(facts)] };
}

function isCompletionLine(line: string): boolean {
  const skeleton = labelSkeleton(line);
  return COMPLETED.some((sentence) => skeleton.startsWith(sentence));
}

/**
 * A failure line in any language: "<words>: <word> = <decimal> 0x<hex> [ERROR_NAME]", e.g.
 * "Échec de l'obtention du nom du contrôleur de domaine : Statut = 1355 0x54b ERROR_NO_SUCH_DOMAIN".
 */
function readFailure(facts: NltestDsgetdcFacts, line: string): boolean {
  for (let at = line.indexOf('='); at !== -1; at = line.indexOf('=', at + 1)) {
    if (!wordBefore(line, at)) continue;
    STATUS_VALUE.lastIndex = at + 1;
    const status = STATUS_VALUE.exec(line);
    if (!status) continue;
    facts.failure = { value: line, line };
    facts.errorCode = Number(status[1]);
    if (status[2]) facts.errorName = status[2];
    else delete facts.errorName;
    return true;
  }
  return false;
}

/** True when the text before `at` ends with a letter (spaces between allowed). */
function wordBefore(line: string, at: number): boolean {
  let index = at - 1;
  while (index >= 0 && (line[index] === ' ' || line[index] === '\t')) index -= 1;
  return index >= 0 && /\p{L}/u.test(line[index] ?? '');
}

/** Reads one "Label: value" line; returns the field it filled, if any. */
function readField(reading: Reading, pair: KeyValueLine): Field | undefined {
  if (pair.value === '') return undefined;
  const field = LABELS.get(labelSkeleton(pair.key));
  if (field) {
    if (field === 'flags') {
      reading.facts.flags = { value: pair.value.split(/\s+/).filter(Boolean), line: pair.line };
    } else {
      setText(reading, field, pair);
    }
    return field;
  }
  const guessed = readByShape(reading, pair);
  const label = clip(pair.key);
  if (guessed)
    reading.problems.push(`unknown label "${label}": read as ${DESCRIPTIONS[guessed]} by its value`);
  else reading.problems.push(`unknown label "${label}": its value "${clip(pair.value)}" was not read`);
  return guessed;
}

function setText(reading: Reading, field: TextField, pair: KeyValueLine): void {
  // DC and address are printed as UNC names ("\\DC01", "\\10.0.0.10").
  const value = field === 'dc' || field === 'address' ? stripBackslashes(pair.value) : pair.value;
  reading.facts[field] = { value, line: pair.line };
  const slot = NAME_SLOTS.indexOf(field as (typeof NAME_SLOTS)[number]);
  if (slot >= 0) reading.nameSlot = slot;
}

/**
 * A value whose label is unknown, read by its shape: the first "\\name" is the DC, a later
 * "\\<IP>" the address, a GUID the domain GUID, a list of DsGetDcName flag words the flags,
 * and names after the DC or GUID fill domain, forest, DC site and our site in nltest's order.
 */
function readByShape(reading: Reading, pair: KeyValueLine): Field | undefined {
  const { facts } = reading;
  const { value } = pair;
  if (value.startsWith('\\\\')) {
    const name = stripBackslashes(value);
    const ip = isIpAddress(name);
    if (!ip && !facts.dc && NAME.test(name)) return assign(reading, 'dc', pair);
    if (ip && !facts.address) return assign(reading, 'address', pair);
    return undefined;
  }
  if (GUID.test(value)) return facts.domainGuid ? undefined : assign(reading, 'domainGuid', pair);
  const words = flagWords(value);
  if (words?.some((word) => KNOWN_FLAGS.has(word))) {
    if (facts.flags) return undefined;
    facts.flags = { value: words, line: pair.line };
    return 'flags';
  }
  if ((facts.dc || facts.domainGuid) && NAME.test(value)) {
    const slot = NAME_SLOTS[reading.nameSlot + 1];
    if (slot && !facts[slot]) return assign(reading, slot, pair);
  }
  return undefined;
}

function assign(reading: Reading, field: TextField, pair: KeyValueLine): TextField {
  setText(reading, field, pair);
  return field;
}

/** The words of a flags line, or null when any word is not an upper-case flag word. */
function flagWords(text: string): string[] | null {
  const words = text.split(/\s+/).filter(Boolean);
  return words.length > 0 && words.every((word) => FLAG_WORD.test(word)) ? words : null;
}

function isIpAddress(text: string): boolean {
  return IPV4.test(text) || (text.includes(':') && IPV6.test(text));
}

function stripBackslashes(text: string): string {
  let start = 0;
  while (text[start] === '\\') start += 1;
  return text.slice(start);
}

function clip(text: string): string {
  return oneLine(text, 60);
}

function missing(facts: NltestDsgetdcFacts): string[] {
  if (facts.failure || facts.dc) return [];
  return ['no DC line found'];
}
