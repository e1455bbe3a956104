import type { Parsed } from '../types';

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

export function parseKlistTickets(text: string): Parsed<KlistTicketsFacts> {
  throw new Error(`not implemented: ${text.length}`);
}
