import type { Parsed, Sourced } from '../types';

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
}

export function parseNltestDsgetdc(text: string): Parsed<NltestDsgetdcFacts> {
  throw new Error(`not implemented: ${text.length}`);
}
