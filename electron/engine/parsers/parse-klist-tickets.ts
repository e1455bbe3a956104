import type { Parsed } from '@contract/types';
import { PARSE_BUDGETS, parseWithin } from './parse-budget';
import { contentLines, oneLine, readKeyValue } from './text-lines';

export interface KerberosTicket {
  /** The number after '#', e.g. 0 for "#0>". */
  index: number;
  /** Client as printed, e.g. "claire.durand @ NOVACORP.TEST". */
  client: string;
  /** Server principal without realm, e.g. "krbtgt/NOVACORP.TEST", "cifs/fs01.contoso.com". */
  server: string;
  /** Realm after '@' in the server line, e.g. "NOVACORP.TEST". */
  realm: string;
  /** Service class: the part of `server` before the first '/', lower-cased ("krbtgt", "cifs"). */
  service: string;
  /** The part of `server` after the first '/', e.g. "NOVACORP.TEST" or "fs01.contoso.com". */
  target: string;
  encryptionType?: string;
  /** Flag words after "->", e.g. ["forwardable", "renewable"]. */
  flags: string[];
  /** "Kdc Called" (any language): DC name, "TicketSuppliedAtLogon", "KdcProxy:...", or "" when empty. */
  kdcCalled?: string;
  /** The ticket's lines, trimmed, for evidence. */
  lines: string[];
}

export interface KlistTicketsFacts {
  /** e.g. "0:0x14d718". */
  logonId?: string;
  /** The "(N)" count printed in the header, when present. */
  declaredCount?: number;
  tickets: KerberosTicket[];
}

// klist is localized; these parts of its output are not: "#0>", "0x... ->", "(N)", "KDC".
// What follows "#0>" and "->" is taken with string methods: "\s*(.*)$" after them is
// quadratic on a long run of spaces.
const TICKET_START = /^#(\d+)>/;
const FLAGS = /\b0x[0-9a-f]+\s*->/i;
const FLAGS_WITHOUT_LABEL_COLON = /^[^:]*\b0x[0-9a-f]+\s*->/i;
// "KerbTicket Encryption Type", "Type de chiffrement KerbTicket", "Tipo de cifrado de vale
// Kerberos", "KerbTicket (Verschlüsselungstyp)" (also when the umlaut was mis-decoded).
const ENCRYPTION_LABEL = /kerbticket|kerberos|encrypt|chiffrement|cifrado|verschl|crittograf|criptograf/i;
const CACHE_FLAGS_LABEL = /cach/i;
// Lines per ticket in klist's fixed layout, from "#N>" to "Kdc Called".
const TICKET_LINE_COUNT = 10;

interface KlistLine {
  /** As read, trimmed: what evidence shows. */
  text: string;
  /** With full-width colons made ASCII, for matching. */
  norm: string;
}

interface Block {
  index: number;
  lines: KlistLine[];
}

interface Scan {
  logonId?: string;
  lastLogonId?: string;
  declaredCount?: number;
  blocks: Block[];
  sawHeader: boolean;
  listings: number;
  failures: string[];
}

/** The "0:0x14d718" logon session id (LUID) klist prints inside a localized sentence, if the line has one. */
export function readLogonId(line: string): string | undefined {
  return /(?:^|[^\w:])(\d+:0x[0-9a-f]+)\b/i.exec(line)?.[1];
}

function emptyFacts(): KlistTicketsFacts {
  return { tickets: [] };
}

function toKlistLines(text: string): KlistLine[] {
  return contentLines(text).map((line) => ({ text: line, norm: line.replace(/\uFF1A/g, ': ') }));
}

const COUNT = /^\(\s*(\d+)\s*\)$/;

/** "Cached Tickets: (2)", "Tickets mis en cache : (2)", "Zwischengespeicherte Tickets: (1)". */
function readDeclaredCount(line: string): number | undefined {
  const pair = readKeyValue(line);
  const count = pair ? COUNT.exec(pair.value)?.[1] : readLabelledCount(line);
  return count === undefined ? undefined : Number(count);
}

/**
 * "Tickets (2)" without a colon: a label with a letter and no parentheses, then the count.
 * A lone "(3)" is not a header. Split by string methods: one expression for the whole line
 * (label, parenthesis, count) is quadratic on a long label.
 */
function readLabelledCount(line: string): string | undefined {
  const open = line.lastIndexOf('(');
  if (open < 0) return undefined;
  const label = line.slice(0, open);
  if (label.includes('(') || label.includes(')') || !/\p{L}/u.test(label)) return undefined;
  return COUNT.exec(line.slice(open))?.[1];
}

/** The text after a ticket's "#0>" (the client label and name), trimmed. */
function afterTicketStart(line: string): string | undefined {
  const start = TICKET_START.exec(line);
  return start ? line.slice(start[0].length).trim() : undefined;
}

/** The flag words after "0x40e10000 ->", or undefined when the line has no flags. */
function readFlagWords(line: string): string[] | undefined {
  const flags = FLAGS.exec(line);
  if (!flags) return undefined;
  return line
    .slice(flags.index + flags[0].length)
    .split(/\s+/)
    .filter(Boolean);
}

/** A line that can belong to a ticket block: "Label: value" or the colon-less flags line. */
function isTicketField(line: string): boolean {
  return readKeyValue(line) !== null || FLAGS.test(line);
}

function isKdcLine(line: string): boolean {
  const key = readKeyValue(line)?.key;
  return key !== undefined && /kdc/i.test(key);
}

/** Splits the lines into ticket blocks and reads the header lines around them. */
function scanLines(lines: KlistLine[]): Scan {
  const scan: Scan = { blocks: [], sawHeader: false, listings: 0, failures: [] };
  let open: Block | undefined;
  for (const line of lines) {
    const start = TICKET_START.exec(line.norm);
    const count = start ? undefined : readDeclaredCount(line.norm);
    if (start) {
      open = { index: Number(start[1]), lines: [line] };
      scan.blocks.push(open);
    } else if (open && count === undefined && isTicketField(line.norm)) {
      open.lines.push(line);
      // "Kdc Called" ends the ticket: what follows may be another command's output.
      if (isKdcLine(line.norm)) open = undefined;
    } else {
      open = undefined;
      readHeaderLine(scan, line.norm, count);
    }
  }
  return scan;
}

function readHeaderLine(scan: Scan, line: string, count: number | undefined): void {
  const logonId = readLogonId(line);
  if (count !== undefined) {
    // A second listing in one paste (klist run twice): the later one is the current state,
    // with the logon id printed just before its header.
    if (scan.blocks.length > 0) scan.blocks = [];
    scan.declaredCount = count;
    scan.sawHeader = true;
    scan.listings += 1;
    scan.logonId = scan.lastLogonId ?? scan.logonId;
  } else if (logonId) {
    scan.logonId ??= logonId;
    scan.lastLogonId = logonId;
  } else if (/failed with 0x|error 0x/i.test(line)) {
    scan.failures.push(oneLine(line));
  }
}

function fieldValue(line: string): string {
  return readKeyValue(line)?.value ?? line.slice(line.indexOf(':') + 1).trim();
}

/** "krbtgt/NOVACORP.TEST @ NOVACORP.TEST" -> server, realm, service, target. */
function splitServer(value: string): Pick<KerberosTicket, 'server' | 'realm' | 'service' | 'target'> {
  const at = value.lastIndexOf('@');
  const server = (at >= 0 ? value.slice(0, at) : value).trim();
  const realm = at >= 0 ? value.slice(at + 1).trim() : '';
  const slash = server.indexOf('/');
  return {
    server,
    realm,
    service: slash >= 0 ? server.slice(0, slash).toLowerCase() : '',
    target: slash >= 0 ? server.slice(slash + 1) : '',
  };
}

function findServerLine(fields: string[]): number {
  return fields.findIndex((line) => {
    const value = readKeyValue(line)?.value ?? '';
    return value.includes('/') && value.includes('@');
  });
}

function findFlagsLine(fields: string[]): string | undefined {
  return (
    fields.find((line) => FLAGS_WITHOUT_LABEL_COLON.test(line)) ??
    fields.find((line) => FLAGS.test(line) && !CACHE_FLAGS_LABEL.test(readKeyValue(line)?.key ?? ''))
  );
}

/** By label when it names encryption; else the line after the server line, as klist orders them. */
function findEncryptionType(fields: string[], serverAt: number): string | undefined {
  const byLabel = fields.find((line) => ENCRYPTION_LABEL.test(readKeyValue(line)?.key ?? ''));
  if (byLabel) return fieldValue(byLabel);
  const next = fields[serverAt + 1];
  if (next === undefined || FLAGS.test(next)) return undefined;
  return readKeyValue(next)?.value;
}

/** "KDC" survives translation; without it, only a complete block's last line is trusted. */
function findKdcCalled(block: Block): string | undefined {
  const fields = block.lines.slice(1).map((line) => line.norm);
  const byLabel = fields.find(isKdcLine);
  if (byLabel !== undefined) return fieldValue(byLabel);
  const last = fields.at(-1);
  if (block.lines.length < TICKET_LINE_COUNT || last === undefined) return undefined;
  return readKeyValue(last)?.value;
}

function readClient(firstLine: string): string {
  const rest = afterTicketStart(firstLine) ?? '';
  const pair = readKeyValue(rest);
  if (pair) return pair.value;
  const colon = rest.indexOf(':');
  return colon >= 0 ? rest.slice(colon + 1).trim() : rest;
}

function readTicket(block: Block): KerberosTicket | undefined {
  const first = block.lines[0]?.norm ?? '';
  const fields = block.lines.slice(1).map((line) => line.norm);
  const serverAt = findServerLine(fields);
  const serverLine = fields[serverAt];
  if (serverLine === undefined) return undefined;
  const flagsLine = findFlagsLine(fields);
  const ticket: KerberosTicket = {
    index: block.index,
    client: readClient(first),
    ...splitServer(fieldValue(serverLine)),
    flags: flagsLine ? (readFlagWords(flagsLine) ?? []) : [],
    lines: block.lines.map((line) => line.text),
  };
  const encryptionType = findEncryptionType(fields, serverAt);
  if (encryptionType !== undefined) ticket.encryptionType = encryptionType;
  const kdcCalled = findKdcCalled(block);
  if (kdcCalled !== undefined) ticket.kdcCalled = kdcCalled;
  return ticket;
}

function listProblems(scan: Scan, tickets: KerberosTicket[]): string[] {
  const problems: string[] = [];
  const skipped = scan.blocks.length - tickets.length;
  if (skipped > 0) problems.push(`${skipped} ticket(s) without a readable server line were skipped.`);
  if (scan.listings > 1) problems.push('The text holds several ticket listings; the last one was read.');
  if (scan.declaredCount !== undefined && scan.declaredCount !== tickets.length) {
    problems.push(`The header announces ${scan.declaredCount} ticket(s) but ${tickets.length} were read.`);
  }
  return problems;
}

/** Parses `klist` (ticket list) output in any display language. Never throws. */
export function parseKlistTickets(text: string): Parsed<KlistTicketsFacts> {
  return parseWithin(PARSE_BUDGETS.klistTickets, 'the klist output', text, emptyFacts, readKlist);
}

function readKlist(text: string): Parsed<KlistTicketsFacts> {
  if (typeof text !== 'string' || text.trim() === '') {
    return { facts: emptyFacts(), recognized: false, problems: ['The klist output is empty.'] };
  }
  const scan = scanLines(toKlistLines(text));
  const tickets = scan.blocks.map(readTicket).filter((ticket) => ticket !== undefined);
  // A logon id alone is not enough: `klist cloud_debug` and `klist purge` print one too.
  const recognized = tickets.length > 0 || scan.sawHeader;
  if (!recognized) {
    const reason = scan.failures[0]
      ? `klist reported: ${scan.failures[0]}`
      : 'No klist ticket list was found.';
    return { facts: emptyFacts(), recognized: false, problems: [reason] };
  }
  const facts: KlistTicketsFacts = { tickets };
  if (scan.logonId !== undefined) facts.logonId = scan.logonId;
  if (scan.declaredCount !== undefined) facts.declaredCount = scan.declaredCount;
  return { facts, recognized: true, problems: [...scan.failures, ...listProblems(scan, tickets)] };
}
