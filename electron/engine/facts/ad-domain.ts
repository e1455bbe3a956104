import type { ProbeId } from '@contract/types';
import { type FactSet, factsOf } from './fact-set';

export const ENTRA_KERBEROS_REALM = 'KERBEROS.MICROSOFTONLINE.COM';

/** The user's ticket-granting tickets for an AD realm (not the Entra Kerberos realm). */
export function domainTgts(set: FactSet) {
  return (factsOf(set, 'klist-tickets')?.tickets ?? []).filter(
    (t) => t.service === 'krbtgt' && t.target.toUpperCase() !== ENTRA_KERBEROS_REALM,
  );
}

/**
 * Realms and NetBIOS names that are never an on-premises AD domain: Microsoft Entra
 * Kerberos, the "AzureAD" realm and account domain of Entra users, the Microsoft account
 * domain and the local security authority's own names.
 */
const NOT_AD_DOMAINS = new Set([
  ENTRA_KERBEROS_REALM,
  'AZUREAD',
  'MICROSOFTACCOUNT',
  'NT AUTHORITY',
  'BUILTIN',
]);

// Letters, digits and '-' per label, as in DNS and NetBIOS domain names. Anything else
// (spaces, '<>', quotes) is not a domain, whatever a damaged line says.
const DOMAIN_NAME = /^(?=.{1,253}$)[A-Za-z0-9][A-Za-z0-9-]{0,62}(?:\.[A-Za-z0-9][A-Za-z0-9-]{0,62})*$/;

// NetBIOS computer names are the first 15 characters of the host name.
const NETBIOS_LENGTH = 15;

/**
 * The on-premises AD domain of the DEVICE (the domain it is joined to), DNS (contoso.com)
 * preferred, else NetBIOS (CONTOSO), from the most direct evidence available: nltest's
 * answer, the domain the Entra Kerberos query searched (when that was the device's
 * domain), the DNS suffix of dsregcmd's Device Name, the realm of an AD ticket-granting
 * ticket (the only hint on an Entra joined device), dsregcmd's NetBIOS DomainName.
 *
 * Not the signed-in user's domain, which can differ (a user from a child or trusted
 * domain): see userAdDomain.
 */
export function adDomain(set: FactSet): string | undefined {
  const fromDc = factsOf(set, 'nltest-dsgetdc')?.domainName?.value;
  if (fromDc?.includes('.')) return fromDc.toLowerCase();
  const fromObject = factsOf(set, 'entra-kerberos-object')?.domain;
  // The query searches the user's domain when one is known: then it says nothing of the device's.
  if (fromObject && !isUserDomainHint(set, fromObject)) return fromObject.toLowerCase();
  const deviceName = factsOf(set, 'dsregcmd-status')?.deviceName?.value;
  const suffix = deviceName?.includes('.') ? deviceName.slice(deviceName.indexOf('.') + 1) : undefined;
  if (suffix) return suffix.toLowerCase();
  const realm = domainTgts(set)[0]?.target;
  if (realm) return realm.toLowerCase();
  // NetBIOS name, printed only on domain joined devices; nltest accepts it too.
  return factsOf(set, 'dsregcmd-status')?.domainName?.value;
}

/** An AD domain with the command output line that named it. */
export interface SourcedDomain {
  /** Lower-case DNS name ("eu.contoso.com"), or the NetBIOS name ("EU") when that is all there is. */
  domain: string;
  source: ProbeId;
  line: string;
}

/**
 * The AD domain of the signed-in USER, which cloud Kerberos trust needs the Entra Kerberos
 * server object in. From the most direct evidence:
 * 1. the client realm of an AD ticket-granting ticket in `klist` ("Client: alice @
 *    EU.CONTOSO.COM"): the realm the KDC issued the user's TGT in;
 * 2. the NetBIOS domain of `whoami /user` ("contoso\alice"): when it is the device's own
 *    (dsregcmd DomainName), the device's DNS domain (adDomain); when it is another domain
 *    of a domain joined device (not the computer's own name: a local account), that
 *    NetBIOS name.
 * Undefined otherwise. The UPN suffix is never used: it need not be an AD domain name.
 */
export function userAdDomain(set: FactSet): SourcedDomain | undefined {
  const fromTicket = ticketClientRealm(set);
  if (fromTicket) return fromTicket;
  const fromWhoami = whoamiDomain(set);
  if (!fromWhoami) return undefined;
  const deviceNetbios = factsOf(set, 'dsregcmd-status')?.domainName?.value;
  if (deviceNetbios?.toUpperCase() === fromWhoami.domain) {
    const device = adDomain(set);
    const domain = device?.includes('.') ? device.toLowerCase() : fromWhoami.domain;
    return { ...fromWhoami, domain };
  }
  return isOtherDomainOfThisDevice(set, fromWhoami.domain) ? fromWhoami : undefined;
}

function ticketClientRealm(set: FactSet): SourcedDomain | undefined {
  for (const ticket of factsOf(set, 'klist-tickets')?.tickets ?? []) {
    if (ticket.service !== 'krbtgt') continue;
    const at = ticket.client.lastIndexOf('@');
    const realm = at >= 0 ? ticket.client.slice(at + 1).trim() : '';
    if (!isAdDomainName(realm)) continue;
    return { domain: realm.toLowerCase(), source: 'klist-tickets', line: ticket.lines[0] ?? ticket.client };
  }
  return undefined;
}

/** The NetBIOS domain part of "CONTOSO\alice", upper-cased (whoami prints it lower-case). */
function whoamiDomain(set: FactSet): SourcedDomain | undefined {
  const userName = factsOf(set, 'whoami-user')?.userName;
  if (!userName) return undefined;
  const slash = userName.value.indexOf('\\');
  const netbios = slash > 0 ? userName.value.slice(0, slash).trim().toUpperCase() : '';
  if (!isAdDomainName(netbios) || netbios.includes('.')) return undefined;
  return { domain: netbios, source: 'whoami-user', line: userName.line };
}

/**
 * A NetBIOS domain other than the device's is a trusted domain's only on a domain joined
 * device, and only when it is not the computer's own name (a local account).
 */
function isOtherDomainOfThisDevice(set: FactSet, netbios: string): boolean {
  const dsregcmd = factsOf(set, 'dsregcmd-status');
  const deviceNetbios = dsregcmd?.domainName?.value;
  const host = dsregcmd?.deviceName?.value.split('.')[0]?.trim().toUpperCase();
  if (!deviceNetbios || !host) return false;
  return netbios !== host && netbios !== host.slice(0, NETBIOS_LENGTH);
}

function isAdDomainName(value: string): boolean {
  return DOMAIN_NAME.test(value) && !NOT_AD_DOMAINS.has(value.toUpperCase());
}

/** Whether a domain name is what the user-domain evidence (klist client realm, whoami) names. */
function isUserDomainHint(set: FactSet, domain: string): boolean {
  const upper = domain.toUpperCase();
  return ticketClientRealm(set)?.domain.toUpperCase() === upper || whoamiDomain(set)?.domain === upper;
}
