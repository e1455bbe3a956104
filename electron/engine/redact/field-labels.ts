// Which labelled fields name what, by label (lower case, no spaces: see line-fields.ts).
// Localized outputs keep these labels except klist's, whose principals are read by shape.
import type { GuidKind } from './placeholder-table';

/** Fields whose value is a computer: a name, an FQDN, \\DC01, "time.windows.com,0x9". */
export const HOST_LABELS: ReadonlySet<string> = new Set([
  'devicename',
  'dc',
  'computer',
  'computername',
  'workstationname',
  'workstation',
  'keyupdatedfrom',
  'source',
  'hostname',
  'dnshostname',
  'machinename',
  'kdccalled',
  'kdcllamado',
  'kdcappelé',
  'kdcaufgerufen',
]);

/** Fields whose value is an AD or DNS domain, NetBIOS or DNS. */
export const DOMAIN_LABELS: ReadonlySet<string> = new Set([
  'domainname',
  'domname',
  'forestname',
  'domaindnsname',
  'clouddomaindnsname',
  'targetdomainname',
  'subjectdomainname',
  'dnsdomainname',
  'dnsforestname',
  'userdnsdomain',
  'userdomain',
  'domain',
  'realm',
]);

/** Fields whose value is an account: DOMAIN\user, user@domain, a SAM name, or several of them. */
export const ACCOUNT_LABELS: ReadonlySet<string> = new Set([
  'targetusername',
  'subjectusername',
  'username',
  'samaccountname',
  'lastloggedonsamuser',
  'lastloggedonuser',
  'executingaccountname',
  'useraccount',
  'computeraccount',
  'accountname',
  'useridentity',
  'useremail',
  'userprincipalname',
  'upn',
  'user',
]);

/** Fields whose value is an AD site name. */
export const SITE_LABELS: ReadonlySet<string> = new Set([
  'dcsitename',
  'oursitename',
  'sitename',
  'clientsitename',
]);

/** Fields whose GUID is a tenant, a device or a key. */
export const GUID_LABELS: ReadonlyMap<string, GuidKind> = new Map([
  ['tenantid', 'tenant'],
  ['workplacetenantid', 'tenant'],
  ['deviceid', 'device'],
  ['workplacedeviceid', 'device'],
  ['azureaddeviceid', 'device'],
  ['ngckeyid', 'keyid'],
  ['keycontainerid', 'keyid'],
  ['keyid', 'keyid'],
]);

/** Fields whose whole value is free text naming a tenant, a person or an organisation. */
export const PHRASE_LABELS: ReadonlyMap<string, 'tenant' | 'name' | 'org'> = new Map([
  ['tenantname', 'tenant'],
  ['workplacetenantname', 'tenant'],
  ['lastloggedondisplayname', 'name'],
  ['registeredowner', 'name'],
  ['registeredorganization', 'org'],
  ['subject', 'name'],
]);
