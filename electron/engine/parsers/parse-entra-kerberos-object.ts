import type { Parsed } from '../types';

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

export function parseEntraKerberosObject(text: string): Parsed<EntraKerberosObjectFacts> {
  throw new Error(`not implemented: ${text.length}`);
}
