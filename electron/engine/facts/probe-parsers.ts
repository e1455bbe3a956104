import type { Parsed, ProbeId } from '@contract/types';
import { type CertutilStoreFacts, parseCertutilStore } from '../parsers/parse-certutil-store';
import { type DsregcmdFacts, parseDsregcmd } from '../parsers/parse-dsregcmd';
import {
  type EntraKerberosObjectFacts,
  parseEntraKerberosObject,
} from '../parsers/parse-entra-kerberos-object';
import {
  type KerberosServerAdminFacts,
  parseKerberosServerAdmin,
} from '../parsers/parse-kerberos-server-admin';
import { type KlistCloudDebugFacts, parseKlistCloudDebug } from '../parsers/parse-klist-cloud-debug';
import { type KlistTicketsFacts, parseKlistTickets } from '../parsers/parse-klist-tickets';
import { type LogonProviderFacts, parseLogonProvider } from '../parsers/parse-logon-provider';
import { type NltestDsgetdcFacts, parseNltestDsgetdc } from '../parsers/parse-nltest';
import { type OsVersionFacts, parseOsVersion } from '../parsers/parse-os-version';
import { parseRegistry, type RegistryFacts } from '../parsers/parse-registry';
import { parseShareAccess, type ShareAccessFacts } from '../parsers/parse-share-access';
import { parseUdrEvents, type UdrEventsFacts } from '../parsers/parse-udr-events';
import {
  parseTimeOffset,
  parseTimeStatus,
  type TimeOffsetFacts,
  type TimeStatusFacts,
} from '../parsers/parse-w32tm';
import {
  parseWhoamiGroups,
  parseWhoamiUser,
  type WhoamiGroupsFacts,
  type WhoamiUserFacts,
} from '../parsers/parse-whoami';

/** The typed facts each probe's parser produces. */
export interface ProbeFactsMap {
  'os-version': OsVersionFacts;
  'dsregcmd-status': DsregcmdFacts;
  'klist-cloud-debug': KlistCloudDebugFacts;
  'klist-tickets': KlistTicketsFacts;
  'events-udr': UdrEventsFacts;
  'policy-mdm': RegistryFacts;
  'policy-gpo-machine': RegistryFacts;
  'policy-gpo-user': RegistryFacts;
  'whoami-user': WhoamiUserFacts;
  'whoami-groups': WhoamiGroupsFacts;
  'nltest-dsgetdc': NltestDsgetdcFacts;
  'nltest-dsgetdc-kdc': NltestDsgetdcFacts;
  'time-status': TimeStatusFacts;
  'time-offset': TimeOffsetFacts;
  'entra-kerberos-object': EntraKerberosObjectFacts;
  'share-access': ShareAccessFacts;
  'certutil-user-store': CertutilStoreFacts;
  'logonui-last-provider': LogonProviderFacts;
  'entra-kerberos-server-admin': KerberosServerAdminFacts;
}

type ParserTable = { [K in ProbeId]: (text: string) => Parsed<ProbeFactsMap[K]> };

/** One parser per probe id: `whfb-doctor parse` and the checklist both go through this table. */
export const PROBE_PARSERS: ParserTable = {
  'os-version': parseOsVersion,
  'dsregcmd-status': parseDsregcmd,
  'klist-cloud-debug': parseKlistCloudDebug,
  'klist-tickets': parseKlistTickets,
  'events-udr': parseUdrEvents,
  'policy-mdm': parseRegistry,
  'policy-gpo-machine': parseRegistry,
  'policy-gpo-user': parseRegistry,
  'whoami-user': parseWhoamiUser,
  'whoami-groups': parseWhoamiGroups,
  'nltest-dsgetdc': parseNltestDsgetdc,
  'nltest-dsgetdc-kdc': parseNltestDsgetdc,
  'time-status': parseTimeStatus,
  'time-offset': parseTimeOffset,
  'entra-kerberos-object': parseEntraKerberosObject,
  'share-access': parseShareAccess,
  'certutil-user-store': parseCertutilStore,
  'logonui-last-provider': parseLogonProvider,
  'entra-kerberos-server-admin': parseKerberosServerAdmin,
};
