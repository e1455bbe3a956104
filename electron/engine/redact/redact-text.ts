// Replaces every identifying value in a text, line by line and left to right, in one pass:
// labelled free text (a tenant's or a person's name), UNC paths, IPv6 addresses, and words
// (SIDs, GUIDs, IPv4 addresses, hex runs, e-mail addresses, DNS names, learned names).
import { dnDomainAt } from './dn-domains';
import { PHRASE_LABELS } from './field-labels';
import {
  dnsLabels,
  isGuid,
  isHexDigit,
  isHexRun,
  isIpv4,
  isIpv6,
  isNameChar,
  isUpperCase,
  sidNumbers,
} from './identifier-shapes';
import {
  CUSTOMER_DNS_SUFFIXES,
  KEPT_GUIDS,
  KEPT_SHARES,
  KNOWN_TLDS,
  NOT_HOST_FIRST_LABELS,
  STOP_WORDS,
} from './keep-lists';
import { isPublicName } from './learn-identifiers';
import { fieldsOf } from './line-fields';
import { phraseSpan } from './phrase-fields';
import { inCaseOf, type PlaceholderTable } from './placeholder-table';
import { uncPathAt } from './unc-paths';

/** How far the output of a line has moved against its input, for keeping columns aligned. */
interface LineState {
  /** Output length minus input length so far. */
  shift: number;
  /** Whether gaps between columns absorb the shift (command output), or text is prose. */
  columns: boolean;
  /** Where the segment being redacted starts in its line. */
  offset: number;
  /** Where the columns of the table this line is in start, from its ===== underline. */
  columnStarts: ReadonlySet<number>;
}

/**
 * The text with every identifying value replaced by its placeholder. With `columns`, a gap of
 * two spaces or more after a replaced value grows or shrinks (to one space at least), and so
 * does a single space where a table's underline says a column starts, so the columns of
 * whoami /all and reg query stay where they were.
 */
export function redactText(text: string, table: PlaceholderTable, columns = true): string {
  let columnStarts: ReadonlySet<number> = new Set();
  return text
    .split('\n')
    .map((line) => {
      const out = redactLine(line, table, { shift: 0, columns, offset: 0, columnStarts });
      if (line.trim() === '') columnStarts = new Set();
      else if (columns) columnStarts = underlineColumns(line) ?? columnStarts;
      return out;
    })
    .join('\n');
}

/** The start of each run of = or - in a table's underline ("===== ===="), or undefined. */
function underlineColumns(line: string): Set<number> | undefined {
  const starts = new Set<number>();
  for (let i = 0; i < line.length; i += 1) {
    const c = line[i];
    if (c === ' ') continue;
    if (c !== '=' && c !== '-') return undefined;
    if (line[i - 1] === ' ') starts.add(i);
  }
  return starts.size > 0 ? starts : undefined;
}

function redactLine(line: string, table: PlaceholderTable, state: LineState): string {
  const spans: { start: number; end: number; placeholder: string }[] = [];
  for (const field of fieldsOf(line)) {
    const value = line.slice(field.start, field.end);
    const reference = field.label === 'referenceid' ? referenceIdSpan(line, value, table) : undefined;
    if (reference) spans.push({ ...reference, start: field.start, end: field.start + 10 });
    const kind = PHRASE_LABELS.get(field.label);
    const span = kind ? phraseSpan(field.label, value) : undefined;
    if (kind && span) {
      const placeholder = table.phrase(kind, value.slice(span.start, span.end));
      spans.push({ start: field.start + span.start, end: field.start + span.end, placeholder });
    }
  }
  if (spans.length === 0) return redactSegment(line, table, state);
  spans.sort((a, b) => a.start - b.start);
  let out = '';
  let at = 0;
  for (const span of spans) {
    if (span.start < at) continue;
    state.offset = at;
    out += redactSegment(line.slice(at, span.start), table, state) + span.placeholder;
    state.shift += span.placeholder.length - (span.end - span.start);
    at = span.end;
  }
  state.offset = at;
  return out + redactSegment(line.slice(at), table, state);
}

function redactSegment(text: string, table: PlaceholderTable, state: LineState): string {
  let out = '';
  let i = 0;
  // Every replacement goes through here, so the shift of the line is kept up to date.
  const put = (replaced: string, original: string) => {
    out += replaced;
    state.shift += replaced.length - original.length;
  };
  // Where the last failed IPv6 attempt ended: no position inside it is tried again.
  let noIpv6Until = 0;
  while (i < text.length) {
    const c = text[i] as string;
    if (c === '\\') {
      const unc = uncPathAt(text, i);
      if (unc) {
        out += text.slice(i, unc.hostStart);
        const host = text.slice(unc.hostStart, unc.hostEnd);
        put(redactUncHost(host, table), host);
        let at = unc.hostEnd;
        for (const component of unc.components) {
          const share = text.slice(component.start, component.end);
          out += text.slice(at, component.start);
          put(redactShare(share, table), share);
          at = component.end;
        }
        i = unc.end;
        continue;
      }
    }
    if (i >= noIpv6Until && (isHexDigit(c) || c === ':') && !isNameChar(text[i - 1]) && text[i - 1] !== ':') {
      let end = i;
      while (end < text.length && (isHexDigit(text[end]) || text[end] === ':' || text[end] === '.')) end += 1;
      while (end > i && text[end - 1] === '.') end -= 1;
      const candidate = text.slice(i, end);
      if (candidate.split(':').length > 2 && !isNameChar(text[end]) && isIpv6(candidate)) {
        put(redactIpv6(candidate, table), candidate);
        i = end;
        continue;
      }
      noIpv6Until = end;
    }
    if (isNameChar(c) || c === '@') {
      const bytes = hexBytesAt(text, i);
      if (bytes) {
        put(redactHexBytes(bytes, table), bytes);
        i += bytes.length;
        continue;
      }
      const dn = dnDomainAt(text, i);
      if (dn) {
        put(redactDn(dn.labels, dn.separator, dn.keyword, table), text.slice(i, dn.end));
        i = dn.end;
        continue;
      }
      let end = i;
      while (isNameChar(text[end]) || text[end] === '@') end += 1;
      const run = text.slice(i, end);
      put(redactRun(run, table), run);
      i = end;
      continue;
    }
    if (c === ' ' && state.columns && state.shift !== 0) {
      let end = i;
      while (text[end] === ' ') end += 1;
      const gap = end - i;
      // A single space separates words, except where a table's column starts after it.
      if (gap > 1 || state.columnStarts.has(state.offset + end)) {
        put(' '.repeat(Math.max(1, gap - state.shift)), text.slice(i, end));
        i = end;
        continue;
      }
    }
    out += c;
    i += 1;
  }
  return out;
}

function redactRun(run: string, table: PlaceholderTable): string {
  let start = 0;
  let end = run.length;
  while (start < end && run[start] === '.') start += 1;
  while (end > start && run[end - 1] === '.') end -= 1;
  return run.slice(0, start) + redactWord(run.slice(start, end), table) + run.slice(end);
}

function redactWord(word: string, table: PlaceholderTable): string {
  if (word === '') return word;
  const at = word.indexOf('@');
  if (at >= 0) return redactAddress(word, at, table);
  const learned = learnedWord(word, table);
  if (learned !== undefined) return learned;
  const sid = sidNumbers(word);
  if (sid) return redactSid(word, sid, table);
  if (isGuid(word)) return KEPT_GUIDS.has(word.toLowerCase()) ? word : inCaseOf(word, table.guid(word));
  if (isIpv4(word)) return redactIpv4(word, table);
  if (isHexRun(word)) return inCaseOf(word, table.hexRun(word));
  if (word.includes('.')) {
    const labels = dnsLabels(word);
    const dns = labels ? redactDns(word, labels, table) : undefined;
    if (dns !== undefined) return dns;
    return word
      .split('.')
      .map((part) => learnedWord(part, table) ?? part)
      .join('.');
  }
  if (word.includes('-')) return redactHyphenated(word, table);
  return word;
}

/** A learned name standing alone (a trailing $ of a computer account kept), else undefined. */
function learnedWord(word: string, table: PlaceholderTable): string | undefined {
  const dollar = word.endsWith('$') ? '$' : '';
  const name = dollar ? word.slice(0, -1) : word;
  const placeholder = table.bareWord(name);
  if (placeholder !== undefined) return inCaseOf(name, placeholder) + dollar;
  if (name.includes('.') && table.hasDomain(name)) return inCaseOf(name, table.domain(name)) + dollar;
  return undefined;
}

// alice@contoso.com → user-1@domain-2.example; the user part is the same placeholder as the
// SAM name when they match.
function redactAddress(word: string, at: number, table: PlaceholderTable): string {
  const local = word.slice(0, at);
  const domains = word.slice(at + 1).split('@');
  const user = local === '' ? '' : redactAccountName(local, 'user', table);
  return [user, ...domains.map((domain) => (domain === '' ? '' : redactDomainText(domain, table)))].join('@');
}

function redactAccountName(name: string, kind: 'user' | 'host', table: PlaceholderTable): string {
  const learned = learnedWord(name, table);
  if (learned !== undefined) return learned;
  const dollar = name.endsWith('$') ? '$' : '';
  const bare = dollar ? name.slice(0, -1) : name;
  if (bare === '' || STOP_WORDS.has(bare.toLowerCase())) return name;
  return inCaseOf(bare, table.word(dollar ? 'host' : kind, bare)) + dollar;
}

function redactDomainText(text: string, table: PlaceholderTable): string {
  const trimmed = text.endsWith('.') ? text.slice(0, -1) : text;
  const labels = dnsLabels(trimmed);
  if (labels) return (redactDns(trimmed, labels, table, true) ?? trimmed) + text.slice(trimmed.length);
  return redactAccountName(text, 'host', table);
}

/**
 * A DNS name: kept when it is Microsoft's; else the host and domain parts replaced, the
 * domain matched to the longest domain already known, so DC01.corp.contoso.com and
 * CORP.CONTOSO.COM keep pointing at the same domain. Undefined when it is not a DNS name.
 */
function redactDns(
  name: string,
  labels: string[],
  table: PlaceholderTable,
  sure = false,
): string | undefined {
  const lower = name.toLowerCase();
  const customer = CUSTOMER_DNS_SUFFIXES.find((suffix) => lower.endsWith(`.${suffix}`));
  if (customer) {
    const first = labels[0] as string;
    const kind = customer === 'onmicrosoft.com' || customer === 'sharepoint.com' ? 'domain' : 'host';
    return [inCaseOf(first, table.word(kind, first)), ...labels.slice(1)].join('.');
  }
  if (isPublicName(lower)) return name;
  if (table.hasDomain(name)) return inCaseOf(name, table.domain(name));
  for (let k = 1; k <= labels.length - 2; k += 1) {
    const suffix = labels.slice(k).join('.');
    if (table.hasDomain(suffix)) return hostInDomain(labels, table);
  }
  const tld = (labels[labels.length - 1] as string).toLowerCase();
  const first = (labels[0] as string).toLowerCase();
  if (!sure && (!KNOWN_TLDS.has(tld) || NOT_HOST_FIRST_LABELS.has(first))) return undefined;
  if (labels.length === 2) return inCaseOf(name, table.domain(name));
  return hostInDomain(labels, table);
}

function hostInDomain(labels: string[], table: PlaceholderTable): string {
  const host = labels[0] as string;
  const domain = labels.slice(1).join('.');
  return `${inCaseOf(host, table.word('host', host))}.${inCaseOf(domain, table.domain(domain))}`;
}

// w32tm /query /status: "ReferenceId: 0x0A14000A (source IP:  10.20.0.10)" spells the time
// source's address in hex too; it becomes the hex of the address's placeholder.
function referenceIdSpan(
  line: string,
  value: string,
  table: PlaceholderTable,
): { placeholder: string } | undefined {
  if (!value.startsWith('0x') && !value.startsWith('0X')) return undefined;
  const hex = value.slice(2, 10);
  if (hex.length !== 8 || ![...hex].every((c) => isHexDigit(c)) || isNameChar(value[10])) return undefined;
  const octets = [0, 2, 4, 6].map((i) => Number.parseInt(hex.slice(i, i + 2), 16));
  const address = octets.join('.');
  if (!line.includes(address)) return undefined;
  const replaced = redactIpv4(address, table)
    .split('.')
    .map((octet) => Number(octet).toString(16).padStart(2, '0'))
    .join('');
  return { placeholder: `${value.slice(0, 2)}${isUpperCase(hex) ? replaced.toUpperCase() : replaced}` };
}

// Older certutil prints a hash as spaced bytes: "6e 8f 1c 2a …" (at least 8 of them). Any
// such run is taken whole, replaced or not, so no byte of it is looked at twice.
function hexBytesAt(text: string, start: number): string | undefined {
  const pairAt = (k: number) => isHexDigit(text[k]) && isHexDigit(text[k + 1]) && !isNameChar(text[k + 2]);
  if (isNameChar(text[start - 1]) || !pairAt(start)) return undefined;
  let end = start;
  let pairs = 0;
  for (;;) {
    pairs += 1;
    end += 2;
    if (text[end] !== ' ' || !pairAt(end + 1)) break;
    end += 1;
  }
  return pairs < 8 ? undefined : text.slice(start, end);
}

function redactHexBytes(bytes: string, table: PlaceholderTable): string {
  const digits = bytes.replaceAll(' ', '');
  if (!isHexRun(digits)) return bytes;
  const placeholder = table.hexRun(digits);
  let out = '';
  let next = 0;
  for (const c of bytes) out += c === ' ' ? c : (placeholder[next++] ?? '0');
  return out;
}

// S-1-5-21-a-b-c-RID: the domain part replaced, relative ids under 1000 (Domain Admins -512,
// Domain Users -513, Denied RODC Password Replication Group -572…) kept. S-1-12-1-a-b-c-d:
// a Microsoft Entra object. Every other SID is well known and kept.
function redactSid(word: string, numbers: string[], table: PlaceholderTable): string {
  const prefix = word.slice(0, 4);
  if (numbers[0] === '5' && numbers[1] === '21' && numbers.length >= 5) {
    const domain = numbers.slice(2, 5).join('-');
    if (domain.startsWith('0-0-')) return word;
    const rest = numbers.slice(5);
    const rid = rest[0];
    const newRid = rid === undefined || Number(rid) < 1000 ? rid : table.sidRid(domain, rid);
    return [
      `${prefix}5-21-${table.sidDomain(domain)}`,
      ...(newRid === undefined ? [] : [newRid]),
      ...rest.slice(1),
    ].join('-');
  }
  if (numbers[0] === '12' && numbers[1] === '1' && numbers.length === 6) {
    const object = numbers.slice(2).join('-');
    return object.startsWith('0-0-0-') ? word : `${prefix}12-1-${table.entraSid(object)}`;
  }
  return word;
}

const KEPT_IPV4 = new Set(['127.0.0.1', '0.0.0.0', '255.255.255.255']);

function redactIpv4(address: string, table: PlaceholderTable): string {
  if (KEPT_IPV4.has(address)) return address;
  if (
    address.startsWith('192.0.2.') ||
    address.startsWith('198.51.100.') ||
    address.startsWith('203.0.113.')
  ) {
    return address;
  }
  return table.ipv4(address);
}

function redactIpv6(address: string, table: PlaceholderTable): string {
  const lower = address.toLowerCase();
  if (lower === '::' || lower === '::1' || lower.startsWith('2001:db8:')) return address;
  return table.ipv6(address);
}

function redactUncHost(host: string, table: PlaceholderTable): string {
  if (isIpv4(host)) return redactIpv4(host, table);
  const learned = learnedWord(host, table);
  if (learned !== undefined) return learned;
  const labels = dnsLabels(host);
  if (labels) return redactDns(host, labels, table, true) ?? host;
  return redactAccountName(host, 'host', table);
}

function redactShare(name: string, table: PlaceholderTable): string {
  if (KEPT_SHARES.has(name.toLowerCase()) || STOP_WORDS.has(name.toLowerCase())) return name;
  const learned = learnedWord(name, table);
  if (learned !== undefined) return learned;
  const dollar = name.endsWith('$') ? '$' : '';
  return inCaseOf(name, table.share(dollar ? name.slice(0, -1) : name)) + dollar;
}

function redactDn(labels: string[], separator: string, keyword: string, table: PlaceholderTable): string {
  const domain = labels.join('.');
  let replaced: string;
  if (labels.length === 1) replaced = learnedWord(domain, table) ?? domain;
  else if (isPublicName(domain.toLowerCase())) replaced = domain;
  else replaced = inCaseOf(domain, table.domain(domain));
  return replaced
    .split('.')
    .map((label) => `${keyword}=${label}`)
    .join(separator);
}

// te-ContosoUserVPN-1a2b3c4d-5e6f-7081-92a3-b4c5d6e7f809, contoso-DC01-CA-1: a GUID inside
// the word, and learned names between its hyphens.
function redactHyphenated(word: string, table: PlaceholderTable): string {
  let out = '';
  let part = 0;
  for (;;) {
    const guid = word.slice(part, part + 36);
    if (isGuid(guid) && (part + 36 === word.length || word[part + 36] === '-')) {
      out += KEPT_GUIDS.has(guid.toLowerCase()) ? guid : inCaseOf(guid, table.guid(guid));
      part += 36;
    } else {
      const dash = word.indexOf('-', part);
      const end = dash < 0 ? word.length : dash;
      const piece = word.slice(part, end);
      out += learnedWord(piece, table) ?? piece;
      part = end;
    }
    if (part >= word.length) return out;
    out += '-';
    part += 1;
  }
}
