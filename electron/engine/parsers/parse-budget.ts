// How much text each parser reads. Real outputs are a few KB: the largest in the practice
// captures and the samples is the registry's CurrentVersion key (12 KB); dsregcmd /status is
// 2-8 KB (about 20 KB with its diagnostics), ten rendered events about 40 KB. The budgets are
// at least 20 times every output seen, and above the largest a tool prints in practice
// (whoami /groups of a token with a thousand groups, about 150 KB; the LDAP reader's 5,000
// token groups, about 250 KB). They bound the work a pasted or captured file can cause: text
// over a budget is cut at the last line break within it and the result says so. Sizes are in
// UTF-16 code units (what String.length counts); the command funnel keeps at most 8 MB of a
// command's output, a capture file is at most 20 MB, a pasted admin output at most 256 KB.

import type { Parsed, ProbeId } from '@contract/types';
import { guardParse } from './text-lines';

export const KB = 1024;
export const MB = 1024 * KB;

/** The largest text each parser reads in full. The probes each parser serves are in comments. */
export const PARSE_BUDGETS = {
  /** os-version (reg query CurrentVersion, or the version line of cmd/systeminfo): 12 KB real. */
  osVersion: 256 * KB,
  /** dsregcmd-status: 2-8 KB real, about 20 KB with the diagnostics. */
  dsregcmd: 256 * KB,
  /** klist-cloud-debug: under 1 KB real. */
  klistCloudDebug: 256 * KB,
  /** klist-tickets: about 600 bytes a ticket, 60 KB for a hundred. */
  klistTickets: 384 * KB,
  /** events-udr: ten events of rendered XML (wevtutil /c:10), 2-8 KB each. */
  udrEvents: 384 * KB,
  /** policy-mdm, policy-gpo-machine, policy-gpo-user: under 2 KB real. */
  registry: 256 * KB,
  /** whoami-user, whoami-groups: about 150 bytes a group, 150 KB for a thousand. */
  whoami: 384 * KB,
  /** nltest-dsgetdc, nltest-dsgetdc-kdc: under 1 KB real. */
  nltest: 256 * KB,
  /** time-status, time-offset: under 1 KB real. */
  w32tm: 256 * KB,
  /**
   * entra-kerberos-object (LDAP objects as one JSON text, cut means unreadable): under 2 KB
   * real, 250 KB with the 5,000 token groups of the user that the parser reads at most.
   */
  entraKerberosObject: 384 * KB,
  /** share-access (our own one-line JSON): under 1 KB real. */
  shareAccess: 256 * KB,
  /** certutil-user-store: about 1 KB a certificate. */
  certutilStore: 384 * KB,
  /** certutil -deletehellocontainer (a fix's output): under 1 KB real. */
  certutilDeleteHello: 256 * KB,
  /** logonui-last-provider: about 1 KB real. */
  logonProvider: 256 * KB,
  /** entra-kerberos-server-admin (pasted Get-AzureADKerberosServer output, at most 256 KB): 1-3 KB real. */
  kerberosServerAdmin: 256 * KB,
} as const;

/** The same budgets by probe: how much of each probe's output is read. */
export const PROBE_PARSE_BUDGETS: Record<ProbeId, number> = {
  'os-version': PARSE_BUDGETS.osVersion,
  'dsregcmd-status': PARSE_BUDGETS.dsregcmd,
  'klist-cloud-debug': PARSE_BUDGETS.klistCloudDebug,
  'klist-tickets': PARSE_BUDGETS.klistTickets,
  'events-udr': PARSE_BUDGETS.udrEvents,
  'policy-mdm': PARSE_BUDGETS.registry,
  'policy-gpo-machine': PARSE_BUDGETS.registry,
  'policy-gpo-user': PARSE_BUDGETS.registry,
  'whoami-user': PARSE_BUDGETS.whoami,
  'whoami-groups': PARSE_BUDGETS.whoami,
  'nltest-dsgetdc': PARSE_BUDGETS.nltest,
  'nltest-dsgetdc-kdc': PARSE_BUDGETS.nltest,
  'time-status': PARSE_BUDGETS.w32tm,
  'time-offset': PARSE_BUDGETS.w32tm,
  'entra-kerberos-object': PARSE_BUDGETS.entraKerberosObject,
  'share-access': PARSE_BUDGETS.shareAccess,
  'certutil-user-store': PARSE_BUDGETS.certutilStore,
  'logonui-last-provider': PARSE_BUDGETS.logonProvider,
  'entra-kerberos-server-admin': PARSE_BUDGETS.kerberosServerAdmin,
};

/** The largest of the budgets: no line helper of the parsers is given more text than this. */
export const LARGEST_PARSE_BUDGET = Math.max(...Object.values(PARSE_BUDGETS));

export interface CutText {
  text: string;
  /** True when the text was longer than the budget and was cut. */
  cut: boolean;
}

/**
 * The text up to `budget` characters, ending at the last line break within it (a partial line
 * could be misread); a single line longer than the budget is cut at the budget.
 */
export function cutToBudget(text: string, budget: number): CutText {
  if (typeof text !== 'string' || text.length <= budget) return { text, cut: false };
  const lineEnd = Math.max(text.lastIndexOf('\n', budget - 1), text.lastIndexOf('\r', budget - 1));
  let end = lineEnd > 0 ? lineEnd : budget;
  // Never end on half a surrogate pair.
  if (lineEnd <= 0 && /[\uD800-\uDBFF]/.test(text[end - 1] ?? '')) end -= 1;
  return { text: text.slice(0, end), cut: true };
}

/** "256 KB", "1.5 MB": sizes in the notes. */
export function sizeLabel(size: number): string {
  return size < MB ? `${Math.round(size / KB)} KB` : `${(size / MB).toFixed(1)} MB`;
}

const CUT_NOTE_START = 'output cut at ';

/** The note a cut result carries: where it was cut, of how much, and that the rest was not read. */
export function cutNote(budget: number, total: number): string {
  return `${CUT_NOTE_START}${sizeLabel(budget)} of ${sizeLabel(total)}; the rest was not read`;
}

/** The cut note among a parse's problems, if the text was cut. */
export function cutNoteOf(problems: readonly string[]): string | undefined {
  return problems.find((problem) => problem.startsWith(CUT_NOTE_START));
}

/**
 * Runs a parser body on the text cut to its budget, with guardParse's protection against
 * exceptions. A cut is noted first among the problems of a recognized result, and last among
 * those of an unrecognized one, whose first problem stays the reason it was not recognized.
 */
export function parseWithin<T>(
  budget: number,
  what: string,
  text: string,
  empty: () => T,
  read: (text: string) => Parsed<T>,
): Parsed<T> {
  const within = cutToBudget(text, budget);
  const result = guardParse(what, empty, () => read(within.text));
  if (!within.cut) return result;
  const note = cutNote(budget, text.length);
  const problems = result.recognized ? [note, ...result.problems] : [...result.problems, note];
  return { ...result, problems };
}
