// Before anything is replaced, the names that have no shape of their own (a user "alice", a
// NetBIOS domain, a computer "DC01", a site) are learned from the fields and patterns that
// name them, so they are replaced wherever they appear, even in an earlier line.
import { dnDomainAt } from './dn-domains';
import {
  ACCOUNT_LABELS,
  DOMAIN_LABELS,
  GUID_LABELS,
  HOST_LABELS,
  PHRASE_LABELS,
  SITE_LABELS,
} from './field-labels';
import { dnsLabels, isGuid, isIpv4, isNameChar, sidNumbers } from './identifier-shapes';
import { CUSTOMER_DNS_SUFFIXES, PUBLIC_DNS_SUFFIXES, RESERVED_DOMAINS, STOP_WORDS } from './keep-lists';
import { fieldsOf } from './line-fields';
import { phraseSpan } from './phrase-fields';
import type { PlaceholderTable } from './placeholder-table';
import { uncPathAt } from './unc-paths';

/** Learns the names one line of output gives away. */
export function learnLine(line: string, table: PlaceholderTable): void {
  for (const field of fieldsOf(line)) learnField(field.label, line.slice(field.start, field.end), table);
  learnWhoamiRow(line, table);
  learnPrincipals(line, table);
  learnPrompt(line, table);
  learnProfilePaths(line, table);
  learnTokens(line, table);
}

function learnField(label: string, value: string, table: PlaceholderTable): void {
  if (HOST_LABELS.has(label)) learnHost(value, table);
  else if (DOMAIN_LABELS.has(label)) learnDomain(value, table);
  else if (ACCOUNT_LABELS.has(label)) for (const part of value.split(',')) learnAccount(part, table);
  else if (SITE_LABELS.has(label)) learnSite(value, table);
  const guidKind = GUID_LABELS.get(label);
  if (guidKind) {
    const guid = stripBraces(value);
    if (isGuid(guid)) table.noteGuidKind(guid, guidKind);
  }
  const phrase = PHRASE_LABELS.get(label);
  const span = phrase ? phraseSpan(label, value) : undefined;
  if (phrase && span) table.phrase(phrase, value.slice(span.start, span.end));
}

/** DOMAIN\user, user@domain, user or COMPUTER$. */
export function learnAccount(text: string, table: PlaceholderTable): void {
  const value = unquote(text);
  const slash = value.lastIndexOf('\\');
  if (slash >= 0) {
    learnDomain(value.slice(0, slash), table);
    learnAccount(value.slice(slash + 1), table);
  } else if (value.includes('@')) learnEmail(value, table);
  else learnUser(value, table);
}

function learnUser(name: string, table: PlaceholderTable): void {
  if (!isAccountName(name)) return;
  if (name.endsWith('$')) learnHost(name.slice(0, -1), table);
  else if (name.length > 1 && !STOP_WORDS.has(name.toLowerCase())) table.word('user', name);
}

function learnEmail(value: string, table: PlaceholderTable): void {
  const at = value.lastIndexOf('@');
  learnUser(value.slice(0, at), table);
  const domain = value.slice(at + 1);
  if (domain.includes('.')) learnDomain(domain, table);
  else learnHost(domain, table);
}

/** A computer name, FQDN or \\name; a DNS suffix is learned as its domain. */
export function learnHost(text: string, table: PlaceholderTable): void {
  let value = unquote(text);
  while (value.startsWith('\\')) value = value.slice(1);
  value = value.split(',')[0] ?? '';
  value = value.slice(value.lastIndexOf(':') + 1);
  if (value.endsWith('$')) value = value.slice(0, -1);
  // Event providers (Source: Microsoft-Windows-…) name no computer.
  if (value === '' || isIpv4(value) || !isAccountName(value) || value.toLowerCase().startsWith('microsoft-'))
    return;
  if (!value.includes('.')) {
    if (value.length > 1 && !STOP_WORDS.has(value.toLowerCase())) table.word('host', value);
    return;
  }
  const labels = dnsLabels(value);
  if (!labels || learnCustomerName(labels, table) || isPublicName(value.toLowerCase())) return;
  table.word('host', labels[0] as string);
  learnDomain(labels.slice(1).join('.'), table);
}

/** An AD domain: a DNS name, or a NetBIOS name when it has no dot. */
export function learnDomain(text: string, table: PlaceholderTable): void {
  const value = unquote(text);
  const lower = value.toLowerCase();
  if (value === '' || RESERVED_DOMAINS.has(lower) || STOP_WORDS.has(lower)) return;
  if (value.includes('.')) {
    const labels = dnsLabels(value);
    if (labels && !learnCustomerName(labels, table) && !isPublicName(lower)) table.domain(value);
  } else if (isAccountName(value) && !value.includes('$') && value.length > 1) table.word('domain', value);
}

function learnSite(text: string, table: PlaceholderTable): void {
  const value = unquote(text);
  if (isAccountName(value) && !STOP_WORDS.has(value.toLowerCase())) table.word('site', value);
}

// whoami /user: "contoso\alice","S-1-5-21-…" (CSV) or "contoso\alice S-1-5-21-…" (table):
// the account of a row with nothing but a name and a domain SID is the user; group rows
// still give their domain.
function learnWhoamiRow(line: string, table: PlaceholderTable): void {
  const trimmed = line.trim();
  const fields = trimmed.startsWith('"') ? trimmed.slice(1, -1).split('","') : trimmed.split(/\s+/);
  const name = fields[0] ?? '';
  const slash = name.indexOf('\\');
  if (slash <= 0) return;
  const sid = fields.findIndex((field, index) => index > 0 && isOrganisationSid(field));
  if (sid < 0) return;
  if (fields.length === 2 && sid === 1) learnAccount(name, table);
  else learnDomain(name.slice(0, slash), table);
}

function isOrganisationSid(text: string): boolean {
  const numbers = sidNumbers(text);
  return numbers !== undefined && ((numbers[0] === '5' && numbers[1] === '21') || numbers[0] === '12');
}

// klist: "Client: alice @ CORP.CONTOSO.COM", "Server: cifs/fs01.corp.contoso.com @ CORP.CONTOSO.COM".
function learnPrincipals(line: string, table: PlaceholderTable): void {
  let at = line.indexOf(' @ ');
  while (at >= 0) {
    let start = at;
    while (start > 0 && !isSpace(line[start - 1])) start -= 1;
    let end = at + 3;
    while (end < line.length && !isSpace(line[end])) end += 1;
    learnPrincipal(line.slice(start, at), table);
    learnDomain(line.slice(at + 3, end), table);
    at = line.indexOf(' @ ', end);
  }
}

function learnPrincipal(principal: string, table: PlaceholderTable): void {
  const slash = principal.indexOf('/');
  if (slash < 0) {
    learnAccount(principal.includes('@') ? principal.slice(0, principal.indexOf('@')) : principal, table);
    return;
  }
  const service = principal.slice(0, slash).toLowerCase();
  const target = principal.slice(slash + 1).split('/')[0] ?? '';
  if (service === 'krbtgt' || service === 'kadmin') learnDomain(target, table);
  else learnHost(target.split(':')[0] ?? '', table);
}

// An SSH prompt: "za\bob.jenkins@THMJMP2 C:\>".
function learnPrompt(line: string, table: PlaceholderTable): void {
  const trimmed = line.trimStart();
  const space = trimmed.indexOf(' ');
  const token = space < 0 ? trimmed : trimmed.slice(0, space);
  const rest = space < 0 ? '' : trimmed.slice(space + 1);
  if (!token.includes('\\') || !token.includes('@') || rest[1] !== ':' || rest[2] !== '\\') return;
  const at = token.lastIndexOf('@');
  learnAccount(token.slice(0, at), table);
  learnHost(token.slice(at + 1), table);
}

// A profile folder in a prompt or a path: C:\Users\alice>.
function learnProfilePaths(line: string, table: PlaceholderTable): void {
  const lower = line.toLowerCase();
  let at = lower.indexOf('\\users\\');
  while (at >= 0) {
    let end = at + 7;
    while (isNameChar(line[end])) end += 1;
    learnUser(line.slice(at + 7, end), table);
    at = lower.indexOf('\\users\\', end);
  }
}

// Shapes that name something wherever they are: e-mail addresses and UPNs, UNC paths,
// distinguished names, tenant ids in policy paths and sign-in URLs.
function learnTokens(line: string, table: PlaceholderTable): void {
  let i = 0;
  while (i < line.length) {
    const c = line[i];
    if (c === '\\') {
      const unc = uncPathAt(line, i);
      if (unc) {
        learnHost(line.slice(unc.hostStart, unc.hostEnd), table);
        i = unc.end;
        continue;
      }
    }
    if (!isNameChar(c) && c !== '@') {
      i += 1;
      continue;
    }
    let end = i;
    while (isNameChar(line[end]) || line[end] === '@') end += 1;
    const dn = dnDomainAt(line, i);
    if (dn) {
      learnDomain(dn.labels.join('.'), table);
      i = dn.end;
      continue;
    }
    learnRun(line, i, end, table);
    i = end;
  }
}

function learnRun(line: string, start: number, end: number, table: PlaceholderTable): void {
  const run = trimDots(line.slice(start, end));
  const at = run.indexOf('@');
  if (at > 0 && at === run.lastIndexOf('@') && at < run.length - 1 && run.includes('.', at)) {
    learnEmail(run, table);
    return;
  }
  if (isGuid(run)) {
    const before = line.slice(Math.max(0, start - 21), start).toLowerCase();
    if (
      before.endsWith('passportforwork\\') ||
      before.endsWith('microsoftonline.com/') ||
      before.endsWith('/webauthn/') ||
      before.endsWith('/manage/')
    ) {
      table.noteGuidKind(run, 'tenant');
    }
  }
}

/** Names a host, user or domain can have: name characters only, with a letter or digit. */
function isAccountName(text: string): boolean {
  if (text.length === 0 || text.length > 64) return false;
  for (const c of text) if (!isNameChar(c)) return false;
  return /[\p{L}\p{N}]/u.test(text);
}

/**
 * Learns the customer's label of a name under a Microsoft suffix: a tenant (contoso.onmicrosoft.com)
 * or a storage account (acct.file.core.windows.net). False for any other name.
 */
function learnCustomerName(labels: string[], table: PlaceholderTable): boolean {
  const lower = labels.join('.').toLowerCase();
  const suffix = CUSTOMER_DNS_SUFFIXES.find((s) => lower.endsWith(`.${s}`));
  if (!suffix) return false;
  const tenant = suffix === 'onmicrosoft.com' || suffix === 'sharepoint.com';
  table.word(tenant ? 'domain' : 'host', labels[0] as string);
  return true;
}

export function isPublicName(lower: string): boolean {
  if (CUSTOMER_DNS_SUFFIXES.some((suffix) => lower.endsWith(`.${suffix}`))) return false;
  return PUBLIC_DNS_SUFFIXES.some((suffix) => lower === suffix || lower.endsWith(`.${suffix}`));
}

const isSpace = (c: string | undefined) => c === ' ' || c === '\t';

function unquote(text: string): string {
  let value = text.trim();
  while (value.length > 0 && (value[0] === '"' || value[0] === "'")) value = value.slice(1);
  while (value.length > 0 && (value.endsWith('"') || value.endsWith("'"))) value = value.slice(0, -1);
  return value.trim();
}

function stripBraces(text: string): string {
  const value = text.trim();
  const open = value.indexOf('{');
  const close = value.indexOf('}');
  return open >= 0 && close > open ? value.slice(open + 1, close).trim() : (value.split(' ')[0] ?? '');
}

export function trimDots(text: string): string {
  let start = 0;
  let end = text.length;
  while (start < end && text[start] === '.') start += 1;
  while (end > start && text[end - 1] === '.') end -= 1;
  return text.slice(start, end);
}
