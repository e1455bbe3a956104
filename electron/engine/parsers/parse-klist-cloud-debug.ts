import type { Parsed, Sourced } from '@contract/types';
import { PARSE_BUDGETS, parseWithin } from './parse-budget';
import { readLogonId } from './parse-klist-tickets';
import { contentLines, normalizeKey, oneLine, readKeyValue } from './text-lines';

/** Facts from `klist cloud_debug`; numeric flags as printed (0/1, credential type number). */
export interface KlistCloudDebugFacts {
  logonId?: string;
  cloudKerberosEnabledByPolicy?: Sourced<number>;
  asRepCallbackReceived?: Sourced<number>;
  asRepCallbackUsed?: Sourced<number>;
  cloudReferralTgtPresent?: Sourced<number>;
  spnOracleConfigured?: Sourced<number>;
  kdcProxyPresent?: Sourced<number>;
  publicKeyCredentialPresent?: Sourced<number>;
  passwordDerivedKeysPresent?: Sourced<number>;
  plaintextPasswordPresent?: Sourced<number>;
  asRepCredentialType?: Sourced<number>;
  /** "Cloud Primary (Hybrid logon) TGT available": 1 is the healthy value. */
  cloudPrimaryTgtAvailable?: Sourced<number>;
  /** Every "label: value" line as read. */
  fields: Record<string, Sourced<string>>;
}

type NumericFact = Exclude<keyof KlistCloudDebugFacts, 'logonId' | 'fields'>;

// Labels reduced to letters and digits, so "AS_REP", "Password-derived" and "(Hybrid logon)"
// match however they were spaced. A Map, so a pasted "constructor" label matches nothing.
const NUMERIC_FACTS = new Map<string, NumericFact>([
  ['cloudkerberosenabledbypolicy', 'cloudKerberosEnabledByPolicy'],
  ['asrepcallbackreceived', 'asRepCallbackReceived'],
  ['asrepcallbackused', 'asRepCallbackUsed'],
  ['cloudreferraltgtpresentincache', 'cloudReferralTgtPresent'],
  ['cloudreferraltgtpresent', 'cloudReferralTgtPresent'],
  ['spnoracleconfigured', 'spnOracleConfigured'],
  ['kdcproxypresentincache', 'kdcProxyPresent'],
  ['kdcproxypresent', 'kdcProxyPresent'],
  ['publickeycredentialpresent', 'publicKeyCredentialPresent'],
  ['passwordderivedkeyspresent', 'passwordDerivedKeysPresent'],
  ['plaintextpasswordpresent', 'plaintextPasswordPresent'],
  ['asrepcredentialtype', 'asRepCredentialType'],
  ['cloudprimaryhybridlogontgtavailable', 'cloudPrimaryTgtAvailable'],
  ['cloudprimarytgtavailable', 'cloudPrimaryTgtAvailable'],
]);
const DEBUG_TITLE = 'cloudkerberosdebuginfo';

function emptyFacts(): KlistCloudDebugFacts {
  return { fields: {} };
}

function labelKey(label: string): string {
  return normalizeKey(label).replace(/[^a-z0-9]/g, '');
}

/** "1", "0", "2"; also a hex form, in case a build prints one. */
function readNumber(value: string): number | undefined {
  if (/^-?\d+$/.test(value)) return Number(value);
  if (/^0x[0-9a-f]+$/i.test(value)) return Number.parseInt(value, 16);
  return undefined;
}

interface Scan {
  facts: KlistCloudDebugFacts;
  fields: Map<string, Sourced<string>>;
  problems: string[];
  sawTitle: boolean;
}

function readLine(scan: Scan, line: string): void {
  const logonId = readLogonId(line);
  if (logonId !== undefined && scan.facts.logonId === undefined) scan.facts.logonId = logonId;
  const pair = readKeyValue(line);
  if (!pair) return;
  const key = labelKey(pair.key);
  scan.sawTitle ||= key === DEBUG_TITLE;
  // The "Cloud Kerberos Debug info:" title has no value; nothing to keep.
  if (pair.value === '') return;
  if (!scan.fields.has(pair.key)) scan.fields.set(pair.key, { value: pair.value, line: pair.line });
  const fact = NUMERIC_FACTS.get(key);
  if (fact === undefined || scan.facts[fact] !== undefined) return;
  const value = readNumber(pair.value);
  if (value === undefined)
    scan.problems.push(`"${oneLine(pair.key)}" is not a number: "${oneLine(pair.value)}".`);
  else scan.facts[fact] = { value, line: pair.line };
}

/** Parses `klist cloud_debug` output. Never throws. */
export function parseKlistCloudDebug(text: string): Parsed<KlistCloudDebugFacts> {
  return parseWithin(
    PARSE_BUDGETS.klistCloudDebug,
    'the klist cloud_debug output',
    text,
    emptyFacts,
    readCloudDebug,
  );
}

/** klist's usage text: a line naming both the purge command and tickets (not localized). */
function isUsageLine(line: string): boolean {
  // Two tests, not /\bpurge\b.*\btickets\b|.../, which is quadratic on "tickets tickets ...".
  return /\bpurge\b/.test(line) && /\btickets\b/.test(line);
}

function readCloudDebug(text: string): Parsed<KlistCloudDebugFacts> {
  if (typeof text !== 'string' || text.trim() === '') {
    return { facts: emptyFacts(), recognized: false, problems: ['The klist cloud_debug output is empty.'] };
  }
  const lines = contentLines(text);
  const scan: Scan = { facts: emptyFacts(), fields: new Map(), problems: [], sawTitle: false };
  for (const line of lines) readLine(scan, line);
  const { facts } = scan;
  const recognized = scan.sawTitle || [...NUMERIC_FACTS.values()].some((fact) => facts[fact] !== undefined);
  if (!recognized) {
    // Builds without cloud Kerberos support answer with klist's usage text (command names are not localized).
    const why =
      /\bcloud_debug\b/.test(text) || !lines.some(isUsageLine)
        ? 'no klist cloud_debug fields were found'
        : 'klist printed its usage text: this Windows build does not know cloud_debug';
    return { facts: emptyFacts(), recognized: false, problems: [why] };
  }
  // From a Map: a "__proto__" label stays a plain key.
  facts.fields = Object.fromEntries(scan.fields);
  return { facts, recognized: true, problems: scan.problems };
}
