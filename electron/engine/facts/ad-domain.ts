import { type FactSet, factsOf } from './fact-set';

export const ENTRA_KERBEROS_REALM = 'KERBEROS.MICROSOFTONLINE.COM';

/** The on-premises AD DNS domain, from the most direct evidence available. */
export function adDomain(set: FactSet): string | undefined {
  const fromDc = factsOf(set, 'nltest-dsgetdc')?.domainName?.value;
  if (fromDc?.includes('.')) return fromDc.toLowerCase();
  const fromObject = factsOf(set, 'entra-kerberos-object')?.domain;
  if (fromObject) return fromObject.toLowerCase();
  const deviceName = factsOf(set, 'dsregcmd-status')?.deviceName?.value;
  const suffix = deviceName?.includes('.') ? deviceName.slice(deviceName.indexOf('.') + 1) : undefined;
  if (suffix) return suffix.toLowerCase();
  const realm = factsOf(set, 'klist-tickets')?.tickets.find(
    (t) => t.service === 'krbtgt' && t.target.toUpperCase() !== ENTRA_KERBEROS_REALM,
  )?.target;
  if (realm) return realm.toLowerCase();
  // NetBIOS name, printed only on domain joined devices; nltest accepts it too.
  return factsOf(set, 'dsregcmd-status')?.domainName?.value;
}
