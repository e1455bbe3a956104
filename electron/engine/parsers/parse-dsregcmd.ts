import type { Parsed, Sourced } from '@contract/types';
import { PARSE_BUDGETS, parseWithin } from './parse-budget';
import { contentLines, normalizeKey, oneLine, readKeyValue, readYesNo } from './text-lines';

/**
 * One "AcquirePrtDiagnostics : PRESENT" or "RefreshPrtDiagnostics : PRESENT" block of SSO State:
 * the last failed attempt to get or renew the Microsoft Entra PRT after its last update (on a
 * shared device possibly another user's). Values as printed.
 */
export interface PrtDiagnostics {
  /** The "AcquirePrtDiagnostics : PRESENT" line. */
  line: string;
  /** "Previous Prt Attempt", e.g. "2020-07-18 20:10:33.789 UTC". */
  previousAttempt?: Sourced<string>;
  /** The client error (HRESULT/NTSTATUS), e.g. "0xc000006d". */
  attemptStatus?: Sourced<string>;
  /** e.g. "Password", or the Hello credential. */
  credentialType?: Sourced<string>;
  /** The UPN the attempt was made for. */
  userIdentity?: Sourced<string>;
  correlationId?: Sourced<string>;
  endpointUri?: Sourced<string>;
  httpMethod?: Sourced<string>;
  /** The WinHttp transport error, e.g. "0x0", "0x80072ee7". */
  httpError?: Sourced<string>;
  /** e.g. "400". */
  httpStatus?: Sourced<string>;
  /** e.g. "invalid_grant". */
  serverErrorCode?: Sourced<string>;
  /** e.g. "AADSTS50126: Error validating credentials due to invalid username or password." */
  serverErrorDescription?: Sourced<string>;
}

/** Facts from `dsregcmd /status`. YES/NO fields become booleans; other values (UNKNOWN, ERROR (0x...)) stay only in `fields`. */
export interface DsregcmdFacts {
  azureAdJoined?: Sourced<boolean>;
  enterpriseJoined?: Sourced<boolean>;
  domainJoined?: Sourced<boolean>;
  domainName?: Sourced<string>;
  deviceName?: Sourced<string>;
  deviceId?: Sourced<string>;
  tpmProtected?: Sourced<boolean>;
  tenantId?: Sourced<string>;
  tenantName?: Sourced<string>;
  ngcSet?: Sourced<boolean>;
  azureAdPrt?: Sourced<boolean>;
  /** As printed, e.g. "2025-03-09 11:00:27.000 UTC". */
  azureAdPrtUpdateTime?: Sourced<string>;
  /** As printed, e.g. "2025-03-23 11:01:41.000 UTC" (a PRT lives 14 days). */
  azureAdPrtExpiryTime?: Sourced<string>;
  /** SSO State: the failed acquisition of the Microsoft Entra PRT shown after AzureAdPrt, if any. */
  acquirePrtDiagnostics?: PrtDiagnostics;
  /** SSO State: the failed renewal of the Microsoft Entra PRT shown after AzureAdPrt, if any. */
  refreshPrtDiagnostics?: PrtDiagnostics;
  /** User State "CanReset": "DestructiveAndNonDestructive", "NonDestructiveOnly", "DestructiveOnly", ... */
  canReset?: Sourced<string>;
  /** e.g. "AADSTS50126: Error validating credentials ..." */
  prtErrorDescription?: Sourced<string>;
  /** SSO State: cloud Kerberos partial TGT for on-premises resources. */
  onPremTgt?: Sourced<boolean>;
  /** SSO State: Entra Kerberos TGT for cloud resources (Azure Files). */
  cloudTgt?: Sourced<boolean>;
  /** Diagnostic Data "User Context", e.g. "UN-ELEVATED User", "SYSTEM". */
  userContext?: Sourced<string>;
  executingAccountName?: Sourced<string>;
  /** Diagnostic Data "Client Time" as printed. */
  clientTime?: Sourced<string>;
  ngcPrereq: {
    isDeviceJoined?: Sourced<boolean>;
    isUserAzureAD?: Sourced<boolean>;
    policyEnabled?: Sourced<boolean>;
    postLogonEnabled?: Sourced<boolean>;
    deviceEligible?: Sourced<boolean>;
    sessionIsNotRemote?: Sourced<boolean>;
    /** e.g. "none", "enrollment authority". */
    certEnrollment?: Sourced<string>;
    /** Named `CloudTGT` before Windows 11 23H2 and `OnPremTGT` after: same fact. */
    onPremTgt?: Sourced<boolean>;
    /** e.g. "WillProvision", "WillNotProvision". */
    preReqResult?: Sourced<string>;
  };
  /** Every field as read: section title -> field name -> value. */
  fields: Record<string, Record<string, Sourced<string>>>;
}

type NgcFacts = DsregcmdFacts['ngcPrereq'];
type BoolFact =
  | 'azureAdJoined'
  | 'enterpriseJoined'
  | 'domainJoined'
  | 'tpmProtected'
  | 'ngcSet'
  | 'azureAdPrt'
  | 'onPremTgt'
  | 'cloudTgt';
type StringFact =
  | 'domainName'
  | 'deviceName'
  | 'deviceId'
  | 'tenantId'
  | 'tenantName'
  | 'azureAdPrtUpdateTime'
  | 'azureAdPrtExpiryTime'
  | 'canReset'
  | 'userContext'
  | 'executingAccountName'
  | 'clientTime';
type NgcBoolFact = Exclude<keyof NgcFacts, 'certEnrollment' | 'preReqResult'>;
type NgcStringFact = 'certEnrollment' | 'preReqResult';

// Keys are normalizeKey() forms, so "Device Name" and "DeviceName" both match. Maps, not
// object literals: a pasted key such as "constructor" must not hit Object.prototype.
const BOOL_FACTS = new Map<string, BoolFact>([
  ['azureadjoined', 'azureAdJoined'],
  ['enterprisejoined', 'enterpriseJoined'],
  ['domainjoined', 'domainJoined'],
  ['tpmprotected', 'tpmProtected'],
  ['ngcset', 'ngcSet'],
  ['azureadprt', 'azureAdPrt'],
  // SSO State; the Ngc Prerequisite Check fields of the same names are handled first.
  ['onpremtgt', 'onPremTgt'],
  ['cloudtgt', 'cloudTgt'],
]);
const STRING_FACTS = new Map<string, StringFact>([
  ['domainname', 'domainName'],
  ['devicename', 'deviceName'],
  ['deviceid', 'deviceId'],
  ['tenantid', 'tenantId'],
  ['tenantname', 'tenantName'],
  ['azureadprtupdatetime', 'azureAdPrtUpdateTime'],
  ['azureadprtexpirytime', 'azureAdPrtExpiryTime'],
  ['canreset', 'canReset'],
  ['usercontext', 'userContext'],
  ['executingaccountname', 'executingAccountName'],
  ['clienttime', 'clientTime'],
]);
const NGC_BOOL_FACTS = new Map<string, NgcBoolFact>([
  ['isdevicejoined', 'isDeviceJoined'],
  ['isuserazuread', 'isUserAzureAD'],
  ['policyenabled', 'policyEnabled'],
  ['postlogonenabled', 'postLogonEnabled'],
  ['deviceeligible', 'deviceEligible'],
  ['sessionisnotremote', 'sessionIsNotRemote'],
]);
const NGC_STRING_FACTS = new Map<string, NgcStringFact>([
  ['certenrollment', 'certEnrollment'],
  ['prereqresult', 'preReqResult'],
]);

const NGC_SECTION = 'ngcprerequisitecheck';
const SSO_SECTION = 'ssostate';
const KNOWN_SECTIONS = new Set([
  'devicestate',
  'devicedetails',
  'tenantdetails',
  'userstate',
  SSO_SECTION,
  'diagnosticdata',
  'ieproxyconfigforsystemaccount',
  'ieproxyconfigforcurrentuser',
  'urlspecificproxyconfig',
  'winhttpdefaultproxyconfig',
  NGC_SECTION,
]);
// Fields without a typed fact that still prove the text is dsregcmd output.
const OTHER_KNOWN_KEYS = new Set([
  'workplacejoined',
  'wamdefaultset',
  'ngckeyid',
  'enterpriseprt',
  'keysigntest',
  'aadrecoveryenabled',
  'thumbprint',
  'keycontainerid',
  'devicecertificatevalidity',
  'ngcprereq',
  'servererrordescription',
  'acquireprtdiagnostics',
  'refreshprtdiagnostics',
  'previousprtattempt',
  'attemptstatus',
]);

type DiagnosticsFact = 'acquirePrtDiagnostics' | 'refreshPrtDiagnostics';
type DiagnosticsField = Exclude<keyof PrtDiagnostics, 'line'>;
const DIAGNOSTICS_HEADERS = new Map<string, DiagnosticsFact>([
  ['acquireprtdiagnostics', 'acquirePrtDiagnostics'],
  ['refreshprtdiagnostics', 'refreshPrtDiagnostics'],
]);
// The fields dsregcmd prints under a diagnostics header; the first other field ends the block.
const DIAGNOSTICS_FIELDS = new Map<string, DiagnosticsField>([
  ['previousprtattempt', 'previousAttempt'],
  ['attemptstatus', 'attemptStatus'],
  ['useridentity', 'userIdentity'],
  ['credentialtype', 'credentialType'],
  ['correlationid', 'correlationId'],
  ['endpointuri', 'endpointUri'],
  ['httpmethod', 'httpMethod'],
  ['httperror', 'httpError'],
  ['httpstatus', 'httpStatus'],
  ['servererrorcode', 'serverErrorCode'],
  ['servererrordescription', 'serverErrorDescription'],
]);

// Console chatter dsregcmd prints between fields; neither a field nor a continuation.
const NOISE_LINES = [/^Waiting for Diagnostics Task/i, /^For more information, please visit/i];
// A wrapped line is as wide as the console (80+); minus the key alignment that may have been collapsed.
const MIN_WRAPPED_LENGTH = 50;
const MAX_REPORTED_LINES = 3;

interface Field {
  section: string;
  key: string;
  value: string;
  line: string;
}

interface Scan {
  fields: Field[];
  sections: string[];
  unread: string[];
}

function emptyFacts(): DsregcmdFacts {
  return { ngcPrereq: {}, fields: {} };
}

function isBoxBorder(line: string): boolean {
  return /^\+-{3,}\+?$/.test(line);
}

/** "| Device State |" -> "Device State". Not /^\|\s*(.*?)\s*\|$/, which is cubic on "|" and spaces. */
function readSectionTitle(line: string): string | undefined {
  if (line.length < 2 || !line.startsWith('|') || !line.endsWith('|')) return undefined;
  return line.slice(1, -1).trim() || undefined;
}

/** dsregcmd keys are words, spaces, dashes and parentheses: "sing WPAD. code" is not one. */
function isFieldKey(key: string): boolean {
  return key.length <= 48 && /^[A-Za-z][A-Za-z0-9 _()-]*$/.test(key);
}

/** Walks the lines once: section titles, fields, wrapped continuations. */
function scanLines(text: string): Scan {
  const scan: Scan = { fields: [], sections: [], unread: [] };
  let section = '';
  let last: Field | undefined;
  let lastLineLength = 0;
  for (const line of contentLines(text)) {
    const title = readSectionTitle(line);
    const pair = readKeyValue(line);
    if (isBoxBorder(line) || title !== undefined) {
      if (title !== undefined) {
        section = title;
        scan.sections.push(title);
      }
      last = undefined;
    } else if (pair && isFieldKey(pair.key)) {
      last = { section, key: pair.key, value: pair.value, line: pair.line };
      scan.fields.push(last);
    } else if (NOISE_LINES.some((pattern) => pattern.test(line))) {
      last = undefined;
    } else if (last && last.value !== '' && lastLineLength >= MIN_WRAPPED_LENGTH) {
      // Hard-wrapped at console width: the break falls anywhere, even inside a word.
      last.value += line;
      last.line += line;
    } else {
      scan.unread.push(line);
      last = undefined;
    }
    lastLineLength = line.length;
  }
  return scan;
}

function setOnce<T extends object, K extends keyof T>(target: T, key: K, value: T[K]): void {
  if (target[key] === undefined) target[key] = value;
}

function assignBoolean(facts: DsregcmdFacts, field: Field, key: string): boolean {
  const value = readYesNo(field.value);
  const line = field.line;
  const inNgc = normalizeKey(field.section) === NGC_SECTION;
  // CloudTGT (before 23H2) and OnPremTGT (after) are one fact in the Ngc check, two in SSO State.
  if (inNgc && (key === 'onpremtgt' || key === 'cloudtgt')) {
    if (value !== undefined) setOnce(facts.ngcPrereq, 'onPremTgt', { value, line });
    return true;
  }
  const target = BOOL_FACTS.get(key);
  const ngcTarget = NGC_BOOL_FACTS.get(key);
  if (target) {
    if (value !== undefined) setOnce(facts, target, { value, line });
    return true;
  }
  if (ngcTarget) {
    if (value !== undefined) setOnce(facts.ngcPrereq, ngcTarget, { value, line });
    return true;
  }
  return false;
}

function assignString(facts: DsregcmdFacts, field: Field, key: string): boolean {
  const sourced = { value: field.value, line: field.line };
  const target = STRING_FACTS.get(key);
  const ngcTarget = NGC_STRING_FACTS.get(key);
  const section = normalizeKey(field.section);
  // An empty value ("TenantName :") tells nothing; it stays in `fields` only.
  if (field.value === '') return target !== undefined || ngcTarget !== undefined;
  if (target) setOnce(facts, target, sourced);
  else if (ngcTarget) setOnce(facts.ngcPrereq, ngcTarget, sourced);
  // "Server Error Description" also names join errors elsewhere; only SSO State's is the PRT's.
  else if (key === 'servererrordescription' && (section === '' || section === SSO_SECTION))
    setOnce(facts, 'prtErrorDescription', sourced);
  else return false;
  return true;
}

/** Fills the typed facts and `fields`; returns whether any field was one dsregcmd prints. */
function buildFacts(scan: Scan): { facts: DsregcmdFacts; known: boolean } {
  const facts = emptyFacts();
  let known = scan.sections.some((title) => KNOWN_SECTIONS.has(normalizeKey(title)));
  for (const field of scan.fields) {
    const key = normalizeKey(field.key);
    const typed = assignBoolean(facts, field, key) || assignString(facts, field, key);
    known ||= typed || OTHER_KNOWN_KEYS.has(key);
  }
  readPrtDiagnostics(facts, scan.fields);
  facts.fields = groupFields(scan.fields);
  return { facts, known };
}

/**
 * The diagnostics blocks of SSO State (or of fields pasted without a section title). Blocks
 * after the EnterprisePrt fields are the enterprise (AD FS) PRT's, not the Microsoft Entra
 * PRT's: they are left in `fields` only. The first block of each kind wins.
 */
function readPrtDiagnostics(facts: DsregcmdFacts, fields: Field[]): void {
  let section: string | undefined;
  let block: PrtDiagnostics | undefined;
  let enterprise = false;
  for (const field of fields) {
    if (field.section !== section) {
      section = field.section;
      block = undefined;
      enterprise = false;
    }
    const inSso = normalizeKey(field.section) === SSO_SECTION || field.section === '';
    if (!inSso) continue;
    const key = normalizeKey(field.key);
    const header = DIAGNOSTICS_HEADERS.get(key);
    const target = DIAGNOSTICS_FIELDS.get(key);
    if (header) {
      block = enterprise || field.value.toUpperCase() !== 'PRESENT' ? undefined : { line: field.line };
      if (block && facts[header] === undefined) facts[header] = block;
      else block = undefined;
    } else if (target) {
      if (block && field.value !== '') setOnce(block, target, { value: field.value, line: field.line });
    } else {
      block = undefined;
      if (key.startsWith('enterpriseprt')) enterprise = true;
      else if (key.startsWith('azureadprt')) enterprise = false;
    }
  }
}

/** section -> key -> value, first occurrence wins. Built from Maps so "__proto__" stays a plain key. */
function groupFields(fields: Field[]): DsregcmdFacts['fields'] {
  const sections = new Map<string, Map<string, Sourced<string>>>();
  for (const field of fields) {
    const bySection = sections.get(field.section) ?? new Map<string, Sourced<string>>();
    sections.set(field.section, bySection);
    if (!bySection.has(field.key)) bySection.set(field.key, { value: field.value, line: field.line });
  }
  return Object.fromEntries([...sections].map(([section, byKey]) => [section, Object.fromEntries(byKey)]));
}

function describeUnread(unread: string[]): string[] {
  const shown = unread.slice(0, MAX_REPORTED_LINES).map((line) => `Line not understood: "${oneLine(line)}"`);
  const more = unread.length - shown.length;
  return more > 0 ? [...shown, `${more} more lines not understood`] : shown;
}

/**
 * Parses `dsregcmd /status` output, whole or pasted in part. Never throws. Fields found
 * before any section title are kept in `fields['']`.
 */
export function parseDsregcmd(text: string): Parsed<DsregcmdFacts> {
  return parseWithin(PARSE_BUDGETS.dsregcmd, 'the dsregcmd /status output', text, emptyFacts, readDsregcmd);
}

function readDsregcmd(text: string): Parsed<DsregcmdFacts> {
  if (typeof text !== 'string' || text.trim() === '') {
    return { facts: emptyFacts(), recognized: false, problems: ['The dsregcmd /status output is empty.'] };
  }
  const scan = scanLines(text);
  const { facts, known } = buildFacts(scan);
  if (!known) {
    return {
      facts: emptyFacts(),
      recognized: false,
      problems: ['No dsregcmd /status section or field was found in the text.'],
    };
  }
  return { facts, recognized: true, problems: describeUnread(scan.unread) };
}
