import type { Parsed } from '@contract/types';
import { z } from 'zod';
import { PARSE_BUDGETS, parseWithin } from './parse-budget';
import { oneLine } from './text-lines';

/**
 * Facts from the `entra-kerberos-object` probe: a PowerShell/ADSI query whose JSON output
 * format is ours (see electron/engine/probes/entra-kerberos-query.ts).
 */
export interface EntraKerberosObjectFacts {
  /** The AD domain searched, e.g. "corp.contoso.com". */
  domain?: string;
  /** The AzureADKerberos computer object, null when searched and absent. */
  computer?: { distinguishedName: string; whenCreated?: string } | null;
  /** The krbtgt_AzureAD user, null when searched and absent. pwdLastSet gives the key age. */
  krbtgt?: { distinguishedName: string; pwdLastSet?: string; keyVersion?: number } | null;
  /**
   * The never-reveal list of the AzureADKerberos object's password replication policy
   * (msDS-NeverRevealGroup): a user in any of these groups, directly or nested, gets no full
   * TGT from the partial one. By default the Denied RODC Password Replication Group and the
   * privileged groups. Absent when not read (older output, object absent, read failed); an
   * empty list can also mean this user may not read the attribute.
   */
  neverReveal?: DirectoryGroupRef[];
  /** msDS-RevealOnDemandGroup of the same object, read the same way. */
  revealOnDemand?: DirectoryGroupRef[];
  /**
   * The account that ran the query (the signed-in user) as AD sees it in the searched
   * domain; null when searched and not found there (a user of another domain, a local
   * account); absent when not read (older output, lookup or domain query failed).
   */
  user?: DirectoryUser | null;
  /** Why the user lookup (or its tokenGroups) failed, as ADSI said it. */
  userError?: string;
  /** LDAP/ADSI failure message, when the query itself failed. */
  failure?: string;
  /** The JSON text, for evidence. */
  line: string;
}

/** A group named in the replication policy, with its SID when it could be resolved. */
export interface DirectoryGroupRef {
  /** e.g. "CN=Domain Admins,CN=Users,DC=corp,DC=contoso,DC=com". */
  dn: string;
  /** e.g. "S-1-5-21-1004336348-1177238915-682003330-512"; null when not resolved. */
  sid: string | null;
}

/** The user's AD account, read over LDAP. */
export interface DirectoryUser {
  dn: string;
  /** The account's SID, upper-case S-1-5-... text. */
  sid: string;
  /**
   * tokenGroups: the SIDs of every security group the user is in, transitively, the
   * domain's built-in groups (S-1-5-32-544 Administrators, -548 Account Operators ...)
   * included. Absent when it could not be read (userError says why): unknown, not "none".
   */
  tokenGroups?: string[];
  /** 1 when the account is or was protected by AdminSDHolder (a privileged group). */
  adminCount?: number;
  /** ISO time of the last password change. */
  pwdLastSet?: string;
  userAccountControl?: number;
}

/** Hostile or broken output cannot make the lists grow without bound. */
export const MAX_TOKEN_GROUPS = 5000;
export const MAX_GROUP_REFS = 1000;

// S-1-<authority>-<sub-authority>...: at most 15 sub-authorities of at most 10 digits.
const SID = /^S-1-\d{1,15}(?:-\d{1,10}){0,15}$/i;

// Windows PowerShell 5.1 ConvertTo-Json writes dates as "\/Date(1706781600000)\/".
const MS_JSON_DATE = /^\/Date\((-?\d+)(?:[+-]\d{4})?\)\/$/;
// FILETIME epoch offset: 100 ns ticks between 1601-01-01 and 1970-01-01.
const FILETIME_UNIX_EPOCH = 116444736000000000n;

/** A time as ISO text: accepts ISO strings, PowerShell 5.1 JSON dates and raw FILETIME numbers. */
const timeText = z.union([z.string(), z.number()]).transform((value) => readTime(value));

const keyVersion = z
  .union([z.number().int(), z.string().regex(/^\d+$/)])
  .transform((value) => Number(value))
  .nullish();

const schema = z.object({
  domain: z.string().nullish(),
  computer: z.object({ distinguishedName: z.string().min(1), whenCreated: timeText.nullish() }).nullish(),
  krbtgt: z
    .object({ distinguishedName: z.string().min(1), pwdLastSet: timeText.nullish(), keyVersion })
    .nullish(),
  error: z.string().nullish(),
  // Read leniently (readGroupRefs, readUser): a damaged part is dropped with a problem,
  // never costs the object facts above.
  neverReveal: z.unknown().optional(),
  revealOnDemand: z.unknown().optional(),
  user: z.unknown().optional(),
  userError: z.unknown().optional(),
});

type Output = z.infer<typeof schema>;

export function parseEntraKerberosObject(text: string): Parsed<EntraKerberosObjectFacts> {
  return parseWithin(
    PARSE_BUDGETS.entraKerberosObject,
    'Entra Kerberos object query output',
    text,
    () => ({ line: '' }),
    readObject,
  );
}

function readObject(text: string): Parsed<EntraKerberosObjectFacts> {
  const json = findJson(text);
  if (json === undefined) return unreadable('no JSON object found');
  const result = schema.safeParse(json.value);
  if (!result.success) {
    const issues = result.error.issues.map(
      (issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`,
    );
    return unreadable(`unexpected JSON shape: ${oneLine(issues.join('; '), 300)}`);
  }
  const problems: string[] = [];
  return { facts: toFacts(result.data, json.line, problems), recognized: true, problems };
}

function unreadable(problem: string): Parsed<EntraKerberosObjectFacts> {
  return { facts: { line: '' }, recognized: false, problems: [problem] };
}

/** The JSON object in the text, ignoring a BOM, prompt lines and other text around it. */
function findJson(text: string): { value: unknown; line: string } | undefined {
  const clean = text.replace(/^\uFEFF/, '');
  const candidates = [clean.slice(clean.indexOf('{'), clean.lastIndexOf('}') + 1)];
  // Several lines with braces (e.g. a prompt echoing a script): try each "{...}" line too.
  for (const line of clean.split(/\r\n|\r|\n/)) {
    const trimmed = line.trim();
    if (trimmed.startsWith('{') && trimmed.endsWith('}')) candidates.push(trimmed);
  }
  for (const candidate of candidates) {
    try {
      const value: unknown = JSON.parse(candidate);
      if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
        return { value, line: candidate.trim() };
      }
    } catch {
      // Not this candidate; try the next one.
    }
  }
  return undefined;
}

function toFacts(output: Output, line: string, problems: string[]): EntraKerberosObjectFacts {
  const facts: EntraKerberosObjectFacts = { line };
  if (output.domain) facts.domain = output.domain;
  if (output.error) facts.failure = output.error;
  // When the query failed, a null object means "unknown", not "absent".
  if (output.computer !== undefined && !(output.error && output.computer === null)) {
    facts.computer = output.computer && withoutEmpty(output.computer);
  }
  if (output.krbtgt !== undefined && !(output.error && output.krbtgt === null)) {
    facts.krbtgt = output.krbtgt && withoutEmpty(output.krbtgt);
  }
  const neverReveal = readGroupRefs(output.neverReveal, 'neverReveal', problems);
  if (neverReveal) facts.neverReveal = neverReveal;
  const revealOnDemand = readGroupRefs(output.revealOnDemand, 'revealOnDemand', problems);
  if (revealOnDemand) facts.revealOnDemand = revealOnDemand;
  if (typeof output.userError === 'string' && output.userError.trim() !== '') {
    facts.userError = output.userError;
  } else if (output.userError !== undefined && output.userError !== null) {
    problems.push('userError: not a string; ignored');
  }
  // null is "not found" only when the lookup ran and did not fail.
  if (output.user === null && !facts.userError && !output.error) facts.user = null;
  else if (output.user !== undefined && output.user !== null) {
    const user = readUser(output.user, problems);
    if (user) facts.user = user;
  }
  return facts;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A list as printed; also Windows PowerShell 5.1's {"value":[...],"Count":n} wrapping of an array. */
function asList(value: unknown): unknown[] | undefined {
  if (Array.isArray(value)) return value;
  if (isRecord(value) && Array.isArray(value.value)) return value.value;
  return undefined;
}

/** Upper-case SID text, or undefined when the value is not a SID. */
function readSid(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const text = value.trim();
  return SID.test(text) ? text.toUpperCase() : undefined;
}

/** The first `max` items; a problem names how many more were ignored. */
function clamp(items: unknown[], max: number, name: string, problems: string[]): unknown[] {
  if (items.length <= max) return items;
  problems.push(`${name}: ${items.length} entries, only the first ${max} were read`);
  return items.slice(0, max);
}

function readGroupRefs(value: unknown, name: string, problems: string[]): DirectoryGroupRef[] | undefined {
  if (value === undefined || value === null) return undefined;
  const list = asList(value);
  if (!list) {
    problems.push(`${name}: not a list; ignored`);
    return undefined;
  }
  const refs: DirectoryGroupRef[] = [];
  let dropped = 0;
  let badSids = 0;
  for (const item of clamp(list, MAX_GROUP_REFS, name, problems)) {
    const dn = isRecord(item) && typeof item.dn === 'string' ? item.dn.trim() : '';
    if (!isRecord(item) || dn === '') {
      dropped += 1;
      continue;
    }
    const sid = item.sid === null || item.sid === undefined ? null : (readSid(item.sid) ?? null);
    if (sid === null && item.sid !== null && item.sid !== undefined) badSids += 1;
    refs.push({ dn, sid });
  }
  if (dropped > 0) problems.push(`${name}: ${dropped} entry(ies) without a group DN were dropped`);
  if (badSids > 0) problems.push(`${name}: ${badSids} value(s) that are not SIDs were read as unresolved`);
  return refs;
}

const count = z
  .union([z.number().int(), z.string().regex(/^-?\d{1,12}$/)])
  .transform((value) => Number(value));

function readUser(value: unknown, problems: string[]): DirectoryUser | undefined {
  const dn = isRecord(value) && typeof value.dn === 'string' ? value.dn.trim() : '';
  const sid = isRecord(value) ? readSid(value.sid) : undefined;
  if (!isRecord(value) || dn === '' || sid === undefined) {
    problems.push('user: no DN and SID; the account was not read');
    return undefined;
  }
  const user: DirectoryUser = { dn, sid };
  const tokenGroups = readTokenGroups(value.tokenGroups, problems);
  if (tokenGroups) user.tokenGroups = tokenGroups;
  for (const key of ['adminCount', 'userAccountControl'] as const) {
    if (value[key] === undefined || value[key] === null) continue;
    const read = count.safeParse(value[key]);
    if (read.success) user[key] = read.data;
    else problems.push(`user.${key}: not a number; ignored`);
  }
  const pwdLastSet = timeText.safeParse(value.pwdLastSet);
  if (pwdLastSet.success) user.pwdLastSet = pwdLastSet.data;
  else if (value.pwdLastSet !== undefined && value.pwdLastSet !== null) {
    problems.push('user.pwdLastSet: not a time; ignored');
  }
  return user;
}

function readTokenGroups(value: unknown, problems: string[]): string[] | undefined {
  if (value === undefined || value === null) return undefined;
  const list = asList(value);
  if (!list) {
    problems.push('user.tokenGroups: not a list; ignored');
    return undefined;
  }
  const sids: string[] = [];
  for (const item of clamp(list, MAX_TOKEN_GROUPS, 'user.tokenGroups', problems)) {
    const sid = readSid(item);
    if (sid !== undefined) sids.push(sid);
  }
  const dropped = Math.min(list.length, MAX_TOKEN_GROUPS) - sids.length;
  if (dropped > 0) problems.push(`user.tokenGroups: ${dropped} value(s) that are not SIDs were dropped`);
  return sids;
}

/** Drops null/undefined properties so optional fields are simply absent. */
function withoutEmpty<T extends object>(value: T): { [K in keyof T]: Exclude<T[K], null> } {
  return Object.fromEntries(
    Object.entries(value).filter(([, item]) => item !== null && item !== undefined),
  ) as {
    [K in keyof T]: Exclude<T[K], null>;
  };
}

function readTime(value: string | number): string {
  if (typeof value === 'number') return fromFiletime(value) ?? String(value);
  const msDate = MS_JSON_DATE.exec(value.trim());
  if (msDate?.[1]) return new Date(Number(msDate[1])).toISOString();
  if (/^\d{15,}$/.test(value.trim())) return fromFiletime(Number(value)) ?? value;
  return value;
}

/** pwdLastSet as a raw AD FILETIME (100 ns since 1601) converted to ISO. */
function fromFiletime(ticks: number): string | undefined {
  if (!Number.isFinite(ticks) || ticks <= 0) return undefined;
  try {
    const ms = Number((BigInt(Math.trunc(ticks)) - FILETIME_UNIX_EPOCH) / 10000n);
    const date = new Date(ms);
    return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
  } catch {
    return undefined;
  }
}
