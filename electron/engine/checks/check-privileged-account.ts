import type { CheckOutcome, DocLink, EvidenceItem } from '@contract/types';
import { evidence, type FactSet, factsOf } from '../facts/fact-set';
import type { ProbeFactsMap } from '../facts/probe-parsers';
import { userScopeCaveat } from '../facts/run-context';
import { hasExchangedTgt, sessionAuthOf } from '../facts/session-auth';
import { DENIED_BUILTIN_SIDS, DENIED_DOMAIN_RIDS, domainRid } from '../facts/well-known-sids';
import type { CheckDefinition } from './check-definition';
import { DOCS } from './doc-links';

const LOCAL_ADMINISTRATORS = 'S-1-5-32-544';

type Group = NonNullable<ProbeFactsMap['whoami-groups']>['groups'][number];
type Directory = ProbeFactsMap['entra-kerberos-object'];
interface Denied {
  name: string;
  line: string;
}

/** The user's groups that the object's password replication policy denies, from the token and from AD. */
function deniedGroups(
  groups: Group[],
  directory: Directory | undefined,
): { fromToken: Denied[]; fromDirectory: Denied[] } {
  const tokenGroups = directory?.user?.tokenGroups ?? [];
  const neverReveal = (directory?.neverReveal ?? [])
    .map((g) => g.sid)
    .filter((sid): sid is string => typeof sid === 'string');
  const neverRevealSet = new Set(neverReveal.map((sid) => sid.toUpperCase()));

  // The policy the object really has wins over the default list when it could be read.
  const deniedName = (sid: string): string | undefined => {
    const upper = sid.toUpperCase();
    if (neverRevealSet.size > 0) {
      if (!neverRevealSet.has(upper)) return undefined;
      const dn = directory?.neverReveal?.find((g) => g.sid?.toUpperCase() === upper)?.dn;
      return dn ? (/^CN=([^,]+)/i.exec(dn)?.[1] ?? dn) : sid;
    }
    const rid = domainRid(upper);
    return rid !== undefined ? DENIED_DOMAIN_RIDS.get(rid) : undefined;
  };
  const fromToken = groups.flatMap((g) => {
    // The workstation's own Administrators group shares the built-in SID: never a domain group here.
    if (g.sid.toUpperCase() === LOCAL_ADMINISTRATORS) return [];
    const name = deniedName(g.sid);
    return name ? [{ name: g.name || name, line: g.line }] : [];
  });
  const fromDirectory = tokenGroups.flatMap((sid) => {
    const name =
      deniedName(sid) ?? (neverRevealSet.size === 0 ? DENIED_BUILTIN_SIDS.get(sid.toUpperCase()) : undefined);
    return name ? [{ name, line: `tokenGroups: ${sid}` }] : [];
  });
  return { fromToken, fromDirectory };
}

/** No denied group found: a pass when something shows the groups were read or the exchange worked. */
function notDenied(set: FactSet, groups: Group[], readDirectory: boolean, docs: DocLink[]): CheckOutcome {
  const domainGroups = groups.filter((g) => domainRid(g.sid) !== undefined);
  // A domain controller exchanged the cloud ticket, so the replication policy let this account through.
  const auth = sessionAuthOf(set);
  if (
    domainGroups.length === 0 &&
    !readDirectory &&
    auth.trustModel === 'cloud-kerberos-trust' &&
    hasExchangedTgt(set)
  ) {
    return {
      status: 'pass',
      summary:
        groups.length > 0
          ? 'The token carries no AD groups (as on a Microsoft Entra joined device), but a domain controller exchanged the cloud ticket, so the password replication policy allows this account.'
          : "The user's groups were not read, but a domain controller exchanged the cloud ticket, so the password replication policy allows this account.",
      evidence: auth.signals.filter((s) => s.decisive).map((s) => evidence(set, s.probeId, [s.line], s.says)),
    };
  }
  if (domainGroups.length === 0 && !readDirectory) {
    return {
      status: 'unknown',
      summary:
        groups.length > 0
          ? "The token carries no AD groups (as on a Microsoft Entra joined device) and the user's AD groups were not read."
          : "Can't tell the user's groups: whoami /groups was not read.",
      evidence: [evidence(set, 'whoami-groups', []), evidence(set, 'entra-kerberos-object', [])],
      docs,
    };
  }
  const localAdmin = groups.find((g) => g.sid.toUpperCase() === LOCAL_ADMINISTRATORS);
  const checked = readDirectory
    ? "No group in the token or in the user's AD groups is denied by the password replication policy."
    : 'No denied domain group in the token (the built-in operator groups of the domain show only in AD, which was not read).';
  const local = localAdmin ? ' Being a local administrator of this computer does not matter.' : '';
  return {
    status: 'pass',
    summary: `Not a privileged account. ${checked}${local}`,
    evidence: [evidence(set, 'whoami-groups', [localAdmin?.line])],
  };
}

export const checkPrivilegedAccount: CheckDefinition = {
  id: 'privileged-account',
  title: 'Account privileges',
  explanation:
    'The Microsoft Entra Kerberos server object acts like a read-only domain controller. Its password replication ' +
    'policy denies privileged accounts (Domain Admins, Enterprise Admins, Schema Admins, the built-in Administrators ' +
    'and operator groups, the Denied RODC Password Replication Group), so those accounts never get a full ticket ' +
    'from the cloud ticket. Being a local administrator of this computer does not matter.',
  needs: ['whoami-groups', 'entra-kerberos-object'],
  dependsOn: ['user-context'],
  critical: true,
  evaluate(set): CheckOutcome {
    const docs = [DOCS.cloudTrustDeploy, DOCS.entraKerberosServer];
    const caveat = userScopeCaveat(set);
    if (caveat) {
      return { status: 'unknown', summary: `Can't tell the user's groups: ${caveat}.`, evidence: [], docs };
    }
    const groups = factsOf(set, 'whoami-groups')?.groups ?? [];
    const directory = factsOf(set, 'entra-kerberos-object');
    const { fromToken, fromDirectory } = deniedGroups(groups, directory);
    const denied = [...fromToken, ...fromDirectory];
    if (denied.length > 0) {
      const proof: EvidenceItem[] = [
        evidence(
          set,
          'whoami-groups',
          fromToken.map((d) => d.line),
        ),
        ...(fromDirectory.length > 0
          ? [
              evidence(
                set,
                'entra-kerberos-object',
                fromDirectory.map((d) => d.line),
              ),
            ]
          : []),
      ];
      const names = [...new Set(denied.map((d) => d.name))].join(', ');
      return {
        status: 'fail',
        summary: `The account is in a privileged group (${names}) that the Kerberos server object's password replication policy denies: it cannot use cloud Kerberos trust.`,
        evidence: proof,
        remediation:
          'This is by design: privileged accounts are not allowed to get a full ticket from the cloud ticket. Use a ' +
          'regular, non-privileged account for daily sign-in with Hello and a separate admin account where needed. ' +
          'Do not remove these groups from the never-reveal list of the AzureADKerberos object: that would let ' +
          'Microsoft Entra ID issue tickets for domain administrators.',
        docs,
        explainedBy: [],
      };
    }
    return notDenied(set, groups, directory?.user?.tokenGroups !== undefined, docs);
  },
};
