import type { CheckOutcome } from '@contract/types';
import { userAdDomain } from '../facts/ad-domain';
import { evidence, factsOf } from '../facts/fact-set';
import type { CheckDefinition } from './check-definition';
import { DOCS } from './doc-links';
import { unknownUnlessAny } from './outcomes';

/** Past this age the Entra Kerberos server key is due for rotation (-RotateServerKey). */
export const KEY_ROTATION_WARN_DAYS = 180;

export const checkEntraKerberosServer: CheckDefinition = {
  id: 'entra-kerberos-server',
  title: 'Entra Kerberos server object in AD',
  explanation:
    'An administrator must create the Microsoft Entra Kerberos server object in every domain that has users ' +
    '(Set-AzureADKerberosServer). It appears in AD as the computer AzureADKerberos in Domain Controllers and the ' +
    "user krbtgt_AzureAD, whose key Entra ID uses to sign the partial tickets. What matters is the user's domain, " +
    "not the device's.",
  needs: ['entra-kerberos-object', 'klist-tickets', 'whoami-user'],
  dependsOn: [],
  critical: false,
  evaluate(set): CheckOutcome {
    const docs = [DOCS.entraKerberosServer, DOCS.cloudTrustDeploy];
    const unknown = unknownUnlessAny(
      set,
      ['entra-kerberos-object'],
      'whether the Kerberos server object exists',
    );
    if (unknown) return { ...unknown, docs };
    const found = factsOf(set, 'entra-kerberos-object');
    const proof = [evidence(set, 'entra-kerberos-object', [found?.line])];
    if (found?.failure) {
      return {
        status: 'unknown',
        summary: `The directory query failed: ${found.failure}`,
        evidence: proof,
        docs,
      };
    }
    const domain = found?.domain ?? 'the domain';
    const user = userAdDomain(set);
    if (found?.domain && user?.domain.includes('.') && user.domain !== found.domain.toLowerCase()) {
      return {
        status: 'unknown',
        summary: `The query looked in ${found.domain}, but the user belongs to ${user.domain}: the object must exist in the user's domain.`,
        evidence: [...proof, evidence(set, user.source, [user.line])],
        docs,
      };
    }
    if (!found?.computer || !found.krbtgt) {
      const missing = [
        !found?.computer && 'the AzureADKerberos computer',
        !found?.krbtgt && 'the krbtgt_AzureAD user',
      ]
        .filter(Boolean)
        .join(' and ');
      return {
        status: 'fail',
        summary: `The Microsoft Entra Kerberos server object is missing in ${domain} (${missing} not found).`,
        evidence: proof,
        remediation:
          'A domain and Entra administrator must run Set-AzureADKerberosServer (module ' +
          'AzureADHybridAuthenticationManagement) once for this domain, for example on the Entra Connect server.',
        fixes: ['create-entra-kerberos-server'],
        docs,
      };
    }
    const setAt = found.krbtgt.pwdLastSet ? new Date(found.krbtgt.pwdLastSet) : undefined;
    if (setAt && !Number.isNaN(setAt.getTime())) {
      const days = Math.floor((set.now.getTime() - setAt.getTime()) / 86_400_000);
      if (days < 0) {
        return {
          status: 'pass',
          summary: `The Microsoft Entra Kerberos server object exists in ${domain} (its key was set after the capture time, so its age is not known).`,
          evidence: proof,
        };
      }
      if (days > KEY_ROTATION_WARN_DAYS) {
        return {
          status: 'warn',
          summary: `The Kerberos server object exists, but its key was last rotated ${days} days ago.`,
          evidence: proof,
          remediation:
            'Rotate the key regularly: Set-AzureADKerberosServer -RotateServerKey, run by a domain and Entra administrator.',
          fixes: ['rotate-entra-kerberos-key'],
          docs,
        };
      }
      return {
        status: 'pass',
        summary: `The Microsoft Entra Kerberos server object exists in ${domain} (key set ${days} days ago).`,
        evidence: proof,
      };
    }
    return {
      status: 'pass',
      summary: `The Microsoft Entra Kerberos server object exists in ${domain}.`,
      evidence: proof,
    };
  },
};
