// Get-AzureADKerberosServer (module AzureADHybridAuthenticationManagement), as an
// administrator pastes it: PowerShell Format-List, "Name : Value" with the names padded to
// the longest, one block per domain, long values wrapped by the console onto indented lines.

import type { Parsed, Sourced } from '@contract/types';
import { PARSE_BUDGETS, parseWithin } from './parse-budget';
import { isPromptLine, normalizeKey, oneLine, readKeyValue, toLines } from './text-lines';

/** One Kerberos server object as Get-AzureADKerberosServer lists it (one per domain). */
export interface KerberosServerRecord {
  id?: Sourced<string>;
  userAccount?: Sourced<string>;
  computerAccount?: Sourced<string>;
  displayName?: Sourced<string>;
  domainDnsName?: Sourced<string>;
  keyVersion?: Sourced<number>;
  /** ISO 8601 when the printed date could be read (M/d/yyyy h:mm:ss AM/PM, d.M.yyyy HH:mm:ss, yyyy-MM-dd ...). */
  keyUpdatedOn?: Sourced<string>;
  keyUpdatedFrom?: Sourced<string>;
  cloudDisplayName?: Sourced<string>;
  cloudDomainDnsName?: Sourced<string>;
  cloudId?: Sourced<string>;
  cloudKeyVersion?: Sourced<number>;
  cloudKeyUpdatedOn?: Sourced<string>;
  /** Present in newer module versions; not needed for Windows Hello. */
  cloudTrustDisplay?: Sourced<string>;
  /**
   * Every "Name : Value" line of the block as printed, by the printed name: keeps fields
   * printed empty ("KeyVersion :", half of the object missing), dates that could not be
   * read, and names from newer module versions.
   */
  fields?: Record<string, Sourced<string>>;
}

/** Facts from `Get-AzureADKerberosServer` output pasted by an administrator. */
export interface KerberosServerAdminFacts {
  servers: KerberosServerRecord[];
  /** The message when the cmdlet itself failed ("Get-AzureADKerberosServer : ..."). */
  error?: Sourced<string>;
}

type TextField =
  | 'id'
  | 'userAccount'
  | 'computerAccount'
  | 'displayName'
  | 'domainDnsName'
  | 'keyUpdatedFrom'
  | 'cloudDisplayName'
  | 'cloudDomainDnsName'
  | 'cloudId'
  | 'cloudTrustDisplay';
type NumberField = 'keyVersion' | 'cloudKeyVersion';
type DateField = 'keyUpdatedOn' | 'cloudKeyUpdatedOn';

const TEXT_FIELDS = new Map<string, TextField>([
  ['id', 'id'],
  ['useraccount', 'userAccount'],
  ['computeraccount', 'computerAccount'],
  ['displayname', 'displayName'],
  ['domaindnsname', 'domainDnsName'],
  ['keyupdatedfrom', 'keyUpdatedFrom'],
  ['clouddisplayname', 'cloudDisplayName'],
  ['clouddomaindnsname', 'cloudDomainDnsName'],
  ['cloudid', 'cloudId'],
  ['cloudtrustdisplay', 'cloudTrustDisplay'],
]);
const NUMBER_FIELDS = new Map<string, NumberField>([
  ['keyversion', 'keyVersion'],
  ['cloudkeyversion', 'cloudKeyVersion'],
]);
const DATE_FIELDS = new Map<string, DateField>([
  ['keyupdatedon', 'keyUpdatedOn'],
  ['cloudkeyupdatedon', 'cloudKeyUpdatedOn'],
]);

const isKnownKey = (key: string): boolean =>
  TEXT_FIELDS.has(key) || NUMBER_FIELDS.has(key) || DATE_FIELDS.has(key);

/** PowerShell property names: one word. Stream prefixes are not properties. */
const PROPERTY_NAME = /^[A-Za-z][A-Za-z0-9_]{0,63}$/;
const STREAM_PREFIXES = new Set(['warning', 'verbose', 'debug', 'information']);
// The message is what follows: "\s*(.+)$" after the colon would be quadratic on spaces.
const CMDLET_ERROR = /^(?:Get|Set|Remove)-AzureADKerberosServer\s*:/i;
const COMMAND_NAME = /\bGet-AzureADKerberosServer\b/i;

interface RawField {
  key: string;
  value: string;
  line: string;
}

interface Scan {
  blocks: RawField[][];
  error?: Sourced<string>;
  sawCommand: boolean;
}

export function parseKerberosServerAdmin(text: string): Parsed<KerberosServerAdminFacts> {
  return parseWithin<KerberosServerAdminFacts>(
    PARSE_BUDGETS.kerberosServerAdmin,
    'the Get-AzureADKerberosServer output',
    text,
    () => ({ servers: [] }),
    (within) => {
      const scan = scanBlocks(within);
      const problems: string[] = [];
      const servers: KerberosServerRecord[] = [];
      for (const block of scan.blocks) {
        if (!block.some((field) => isKnownKey(normalizeKey(field.key)))) continue;
        servers.push(buildRecord(block, problems, servers.length + 1));
      }
      const facts: KerberosServerAdminFacts = { servers, ...(scan.error ? { error: scan.error } : {}) };
      if (servers.length > 0 || scan.error) return { facts, recognized: true, problems };
      if (scan.sawCommand) {
        // The command line alone: the cmdlet printed no object for the domain.
        return {
          facts,
          recognized: true,
          problems: ['Get-AzureADKerberosServer printed no Kerberos server object.'],
        };
      }
      return {
        facts,
        recognized: false,
        problems: [
          'no Get-AzureADKerberosServer fields (Id, KeyVersion, CloudKeyVersion, KeyUpdatedOn ...) were found',
        ],
      };
    },
  );
}

/** Groups "Name : Value" lines into objects; a name seen again in the current object starts the next one. */
function scanBlocks(text: string): Scan {
  const lines = toLines(text);
  const widest = lines.reduce((max, line) => Math.max(max, line.length), 0);
  const scan: Scan = { blocks: [], sawCommand: false };
  let block: RawField[] = [];
  let seen = new Set<string>();
  let last: RawField | undefined;
  let lastLength = 0;
  const close = () => {
    if (block.length > 0) scan.blocks.push(block);
    block = [];
    seen = new Set();
    last = undefined;
  };
  for (const raw of lines) {
    const trimmed = raw.trim();
    if (trimmed === '') continue; // blank lines separate objects, or are paste noise: names decide
    if (isPromptLine(raw)) {
      if (COMMAND_NAME.test(raw)) scan.sawCommand = true;
      last = undefined;
      continue;
    }
    const cmdletError = readCmdletError(trimmed);
    if (cmdletError) {
      scan.error ??= { value: cmdletError, line: trimmed };
      last = undefined;
      continue;
    }
    const pair = readKeyValue(raw);
    const isField =
      pair !== null && PROPERTY_NAME.test(pair.key) && !STREAM_PREFIXES.has(pair.key.toLowerCase());
    if (last && /^\s/.test(raw) && !isField && !trimmed.includes(' : ')) {
      // Wrapped by the console: a full-width line broke inside a word, a shorter one at a space.
      const joiner = lastLength >= widest ? '' : ' ';
      last.value = last.value === '' ? trimmed : `${last.value}${joiner}${trimmed}`;
      last.line = `${last.line}${joiner}${trimmed}`;
      lastLength = raw.length;
      continue;
    }
    if (!pair || !isField) {
      if (COMMAND_NAME.test(trimmed)) scan.sawCommand = true;
      last = undefined;
      continue;
    }
    const key = normalizeKey(pair.key);
    if (seen.has(key)) close();
    seen.add(key);
    last = { key: pair.key, value: pair.value, line: pair.line };
    lastLength = raw.length;
    block.push(last);
  }
  close();
  return scan;
}

/** "Get-AzureADKerberosServer : <message>" -> the message, when there is one. */
function readCmdletError(line: string): string | undefined {
  const head = CMDLET_ERROR.exec(line);
  return head ? line.slice(head[0].length).trim() || undefined : undefined;
}

function buildRecord(block: RawField[], problems: string[], index: number): KerberosServerRecord {
  const record: KerberosServerRecord = {};
  const fields: Record<string, Sourced<string>> = {};
  const domain = block.find((f) => normalizeKey(f.key) === 'domaindnsname')?.value;
  const where = domain ? ` (${oneLine(domain, 80)})` : index > 1 ? ` (object ${index})` : '';
  for (const field of block) {
    fields[field.key] = { value: field.value, line: field.line };
    const key = normalizeKey(field.key);
    if (field.value === '') continue; // printed empty: stays in `fields` only
    const textTarget = TEXT_FIELDS.get(key);
    const numberTarget = NUMBER_FIELDS.get(key);
    const dateTarget = DATE_FIELDS.get(key);
    if (textTarget) {
      record[textTarget] ??= { value: field.value, line: field.line };
    } else if (numberTarget) {
      if (/^\d{1,15}$/.test(field.value)) {
        record[numberTarget] ??= { value: Number(field.value), line: field.line };
      } else {
        problems.push(`${field.key}${where} is not a number: "${oneLine(field.value)}".`);
      }
    } else if (dateTarget) {
      const date = readPastedDate(field.value);
      if (date.iso) {
        record[dateTarget] ??= { value: date.iso, line: field.line };
        if (date.ambiguous)
          problems.push(`${field.key}${where} "${oneLine(field.value)}": ${date.ambiguous}`);
      } else {
        problems.push(`${field.key}${where} is not a date that could be read: "${oneLine(field.value)}".`);
      }
    }
  }
  record.fields = fields;
  return record;
}

export interface PastedDate {
  /** UTC ISO 8601 without milliseconds, e.g. 2023-03-15T06:44:39Z. */
  iso?: string;
  /** Set when day and month could be swapped and a guess was made: says which. */
  ambiguous?: string;
}

const TIME = String.raw`(\d{1,2}):(\d{2})(?::(\d{2}))?(?:[.,]\d+)?`;
const MARKER = String.raw`(?:\s*([AaPp])\.?\s?[Mm]\.?)?`;
const ISO_LIKE = new RegExp(
  String.raw`^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T\s]+${TIME}\s*(Z|[+-]\d{2}:?\d{2})?)?$`,
);
const YEAR_FIRST_SLASH = new RegExp(String.raw`^(\d{4})/(\d{1,2})/(\d{1,2})(?:\s+${TIME}${MARKER})?$`);
const DOTTED = new RegExp(String.raw`^(\d{1,2})\.(\d{1,2})\.(\d{4})(?:\s+${TIME}${MARKER})?$`);
const SLASHED = new RegExp(String.raw`^(\d{1,2})[/-](\d{1,2})[/-](\d{4})(?:\s+${TIME}${MARKER})?$`);

/**
 * Reads the dates people paste from PowerShell in various cultures and returns them as UTC
 * ISO 8601 (the printed time has no zone: it is taken as UTC). "3/15/2023 6:44:39 AM"
 * (en-US), "15/03/2023 06:44:39" (en-GB, fr), "15.03.2023 06:44:39" (de),
 * "2023-03-15 06:44:39", "2023-03-15T06:44:39Z". With slashes and both numbers ≤ 12 the
 * order is a guess: month first with an AM/PM marker (en-US), day first without.
 */
export function readPastedDate(text: string): PastedDate {
  const value = text.trim().replace(/\s+/g, ' ');
  let match = ISO_LIKE.exec(value);
  if (match) {
    const [, y, mo, d, h, mi, s, zone] = match;
    return build(+(y ?? 0), +(mo ?? 0), +(d ?? 0), h, mi, s, undefined, zone);
  }
  match = YEAR_FIRST_SLASH.exec(value);
  if (match) {
    const [, y, mo, d, h, mi, s, marker] = match;
    return build(+(y ?? 0), +(mo ?? 0), +(d ?? 0), h, mi, s, marker);
  }
  match = DOTTED.exec(value);
  if (match) {
    const [, d, mo, y, h, mi, s, marker] = match;
    return build(+(y ?? 0), +(mo ?? 0), +(d ?? 0), h, mi, s, marker);
  }
  match = SLASHED.exec(value);
  if (match) {
    const [, a, b, y, h, mi, s, marker] = match;
    const first = +(a ?? 0);
    const second = +(b ?? 0);
    if (first > 12) return build(+(y ?? 0), second, first, h, mi, s, marker);
    if (second > 12 || first === second) return build(+(y ?? 0), first, second, h, mi, s, marker);
    const date = marker
      ? build(+(y ?? 0), first, second, h, mi, s, marker)
      : build(+(y ?? 0), second, first, h, mi, s, marker);
    if (!date.iso) return date;
    const reading = marker
      ? 'read as month/day because of the AM/PM marker (en-US)'
      : 'read as day/month because there is no AM/PM marker';
    return { ...date, ambiguous: `day and month are ambiguous; ${reading}.` };
  }
  return {};
}

function build(
  year: number,
  month: number,
  day: number,
  hourText: string | undefined,
  minuteText: string | undefined,
  secondText: string | undefined,
  marker: string | undefined,
  zone?: string,
): PastedDate {
  let hour = hourText === undefined ? 0 : +hourText;
  const minute = minuteText === undefined ? 0 : +minuteText;
  const second = secondText === undefined ? 0 : +secondText;
  if (marker) {
    if (hour < 1 || hour > 12) return {};
    const pm = marker.toLowerCase() === 'p';
    hour = (hour % 12) + (pm ? 12 : 0);
  }
  if (year < 1601 || month < 1 || month > 12 || day < 1 || hour > 23 || minute > 59 || second > 59) return {};
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day > daysInMonth) return {};
  let ms = Date.UTC(year, month - 1, day, hour, minute, second);
  if (zone && zone.toUpperCase() !== 'Z') {
    const zoneMatch = /^([+-])(\d{2}):?(\d{2})$/.exec(zone);
    if (!zoneMatch) return {};
    const offsetMinutes = +(zoneMatch[2] ?? 0) * 60 + +(zoneMatch[3] ?? 0);
    if (offsetMinutes > 14 * 60) return {};
    ms -= (zoneMatch[1] === '-' ? -1 : 1) * offsetMinutes * 60_000;
  }
  const date = new Date(ms);
  if (Number.isNaN(date.getTime())) return {};
  return { iso: date.toISOString().replace(/\.\d{3}Z$/, 'Z') };
}
