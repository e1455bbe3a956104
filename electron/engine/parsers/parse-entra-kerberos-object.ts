import { z } from 'zod';
import type { Parsed } from '../types';
import { guardParse } from './text-lines';

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
  /** LDAP/ADSI failure message, when the query itself failed. */
  failure?: string;
  /** The JSON text, for evidence. */
  line: string;
}

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
});

type Output = z.infer<typeof schema>;

export function parseEntraKerberosObject(text: string): Parsed<EntraKerberosObjectFacts> {
  return guardParse(
    'Entra Kerberos object query output',
    () => ({ line: '' }),
    () => readObject(text),
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
    return unreadable(`unexpected JSON shape: ${issues.join('; ')}`);
  }
  return { facts: toFacts(result.data, json.line), recognized: true, problems: [] };
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

function toFacts(output: Output, line: string): EntraKerberosObjectFacts {
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
  return facts;
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
