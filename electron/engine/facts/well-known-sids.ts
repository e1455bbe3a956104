// Well-known SIDs the verdicts read from the logon token ([MS-DTYP] 2.4.2.4).

/** Authentication authority asserted identity: the KDC vouched for the logon. */
export const AUTHENTICATION_AUTHORITY_ASSERTED_SID = 'S-1-18-1';
/** Key trust identity: proof of possession of a key from msDS-KeyCredentialLink (key-trust PKINIT). */
export const KEY_TRUST_IDENTITY_SID = 'S-1-18-4';
/** Key property MFA: the key was created with multi-factor proof (set beside S-1-18-4). */
export const KEY_PROPERTY_MFA_SID = 'S-1-18-5';
/** This Organization Certificate: the PAC carried NTLM supplemental credentials, i.e. any certificate PKINIT (smart cards too). */
export const THIS_ORGANIZATION_CERTIFICATE_SID = 'S-1-5-65-1';
export const SYSTEM_SID = 'S-1-5-18';
export const REMOTE_INTERACTIVE_SID = 'S-1-5-14';
/** High and System mandatory levels: the process is elevated. */
export const ELEVATED_LABEL_SIDS = ['S-1-16-12288', 'S-1-16-16384'];

/**
 * Domain groups whose members the AzureADKerberos object's password replication policy
 * denies by default (Domain Admins, Cert Publishers, Schema Admins, Enterprise Admins,
 * Group Policy Creator Owners, Domain Controllers, Read-only Domain Controllers, Denied
 * RODC Password Replication Group), by relative id under the domain SID.
 */
export const DENIED_DOMAIN_RIDS = new Map<number, string>([
  [512, 'Domain Admins'],
  [517, 'Cert Publishers'],
  [518, 'Schema Admins'],
  [519, 'Enterprise Admins'],
  [520, 'Group Policy Creator Owners'],
  [521, 'Read-only Domain Controllers'],
  [516, 'Domain Controllers'],
  [572, 'Denied RODC Password Replication Group'],
]);

/**
 * The domain's built-in groups on the default never-reveal list. They appear in the user's
 * AD tokenGroups, never in a member workstation's token (there S-1-5-32-544 is the
 * workstation's own Administrators group, which does not matter).
 */
export const DENIED_BUILTIN_SIDS = new Map<string, string>([
  ['S-1-5-32-544', 'Administrators (domain built-in)'],
  ['S-1-5-32-548', 'Account Operators'],
  ['S-1-5-32-549', 'Server Operators'],
  ['S-1-5-32-550', 'Print Operators'],
  ['S-1-5-32-551', 'Backup Operators'],
]);

const DOMAIN_SID = /^S-1-5-21-\d+-\d+-\d+-(\d+)$/i;

/** The relative id of a domain account or group SID (S-1-5-21-a-b-c-RID), else undefined. */
export function domainRid(sid: string): number | undefined {
  const match = DOMAIN_SID.exec(sid.trim());
  return match?.[1] ? Number(match[1]) : undefined;
}
