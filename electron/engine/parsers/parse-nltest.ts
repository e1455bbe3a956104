import type { Parsed, Sourced } from '../types';
import { contentLines, guardParse, normalizeKey, readKeyValue } from './text-lines';

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
  /** The domain GUID ("Dom Guid"). */
  domainGuid?: Sourced<string>;
  /** True when nltest printed "The command completed successfully". */
  completed?: boolean;
}

type TextField = 'dc' | 'address' | 'domainName' | 'forestName' | 'dcSiteName' | 'ourSiteName' | 'domainGuid';

const FIELDS: Record<string, TextField> = {
  dc: 'dc',
  address: 'address',
  domname: 'domainName',
  forestname: 'forestName',
  dcsitename: 'dcSiteName',
  oursitename: 'ourSiteName',
  domguid: 'domainGuid',
};

// "Getting DC name failed: Status = 1355 0x54b ERROR_NO_SUCH_DOMAIN" (also other nltest calls).
const FAILURE = /\bStatus\s*=\s*(\d+)\s+0x[0-9a-f]+(?:\s+([A-Z][A-Z0-9_]+))?/i;
const COMPLETED = /^The command completed successfully/i;
// A flags line wrapped at console width continues with bare flag words.
const FLAG_WORDS = /^[A-Z][A-Z0-9_]*(?: [A-Z][A-Z0-9_]*)*$/;

export function parseNltestDsgetdc(text: string): Parsed<NltestDsgetdcFacts> {
  return guardParse(
    'nltest output',
    () => ({}),
    () => readNltest(text),
  );
}

function readNltest(text: string): Parsed<NltestDsgetdcFacts> {
  const facts: NltestDsgetdcFacts = {};
  let previousWasFlags = false;
  for (const line of contentLines(text)) {
    const wasFlags = previousWasFlags;
    previousWasFlags = false;
    if (COMPLETED.test(line)) {
      facts.completed = true;
      continue;
    }
    const failure = FAILURE.exec(line);
    if (failure) {
      facts.failure = { value: line, line };
      if (failure[2]) facts.errorName = failure[2];
      continue;
    }
    if (wasFlags && facts.flags && FLAG_WORDS.test(line)) {
      facts.flags = {
        value: [...facts.flags.value, ...line.split(' ')],
        line: `${facts.flags.line} ${line}`,
      };
      previousWasFlags = true;
      continue;
    }
    previousWasFlags = readField(facts, line);
  }
  const recognized = Object.keys(facts).length > 0;
  const problems = recognized ? missing(facts) : ['no nltest /dsgetdc fields found'];
  return { facts, recognized, problems };
}

/** Reads one "Name: value" line into facts; true when it was the Flags line. */
function readField(facts: NltestDsgetdcFacts, line: string): boolean {
  const pair = readKeyValue(line);
  if (!pair) return false;
  const key = normalizeKey(pair.key);
  if (key === 'flags') {
    facts.flags = { value: pair.value.split(/\s+/).filter(Boolean), line: pair.line };
    return true;
  }
  const field = FIELDS[key];
  if (field && pair.value !== '') {
    // DC and address are printed as UNC names ("\\DC01", "\\10.0.0.10").
    const value = field === 'dc' || field === 'address' ? pair.value.replace(/^\\+/, '') : pair.value;
    facts[field] = { value, line: pair.line };
  }
  return false;
}

function missing(facts: NltestDsgetdcFacts): string[] {
  if (facts.failure || facts.dc) return [];
  return ['no DC line found'];
}
