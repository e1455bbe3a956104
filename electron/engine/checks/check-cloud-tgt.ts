import { evidence, factsOf } from '../facts/fact-set';
import type { CheckOutcome, EvidenceItem } from '../types';
import type { CheckDefinition } from './check-definition';
import { DOCS } from './doc-links';

export const checkCloudTgt: CheckDefinition = {
  id: 'cloud-tgt',
  title: 'Cloud Kerberos ticket from Microsoft Entra ID',
  explanation:
    'With cloud Kerberos trust, Microsoft Entra ID hands the device a partial Kerberos ticket (TGT) for the ' +
    'on-premises domain at Hello sign-in. klist cloud_debug shows it as "Cloud Primary (Hybrid logon) TGT ' +
    'available: 1"; dsregcmd shows OnPremTgt : YES.',
  needs: ['klist-cloud-debug', 'dsregcmd-status'],
  dependsOn: [
    'os-build',
    'cloud-trust-policy',
    'cert-trust-conflict',
    'hello-provisioned',
    'hello-signin',
    'prt',
    'entra-kerberos-server',
  ],
  evaluate(set): CheckOutcome {
    const debug = factsOf(set, 'klist-cloud-debug');
    const ds = factsOf(set, 'dsregcmd-status');
    const primary = debug?.cloudPrimaryTgtAvailable;
    const onPremTgt = ds?.onPremTgt ?? ds?.ngcPrereq.onPremTgt;
    const proof: EvidenceItem[] = [
      evidence(set, 'klist-cloud-debug', [primary?.line]),
      evidence(set, 'dsregcmd-status', [onPremTgt?.line]),
    ];
    const policyNote = debug?.cloudKerberosEnabledByPolicy;
    if (policyNote?.value === 0) {
      proof.push(
        evidence(
          set,
          'klist-cloud-debug',
          [policyNote.line],
          'Not a problem: "Cloud Kerberos enabled by policy" is the Azure Files setting (CloudKerberosTicketRetrievalEnabled), not needed for Hello.',
        ),
      );
    }
    const docs = [DOCS.cloudTrustDeploy];
    const available = primary ? primary.value === 1 : onPremTgt?.value;
    if (available === true) {
      return {
        status: 'pass',
        summary: 'Microsoft Entra ID issued the cloud Kerberos ticket for the on-premises domain.',
        evidence: proof,
        docs,
      };
    }
    if (available === false) {
      return {
        status: 'fail',
        summary: 'There is no cloud Kerberos ticket for the on-premises domain in this session.',
        evidence: proof,
        remediation:
          'When the steps above pass, this usually clears after a fresh Hello sign-in: lock the device and sign ' +
          'in with the PIN. If not, refresh the PRT (dsregcmd /refreshprt), wait 1–2 minutes, sign out and in.',
        fixes: ['lock-and-sign-in-with-pin', 'refresh-prt'],
        docs,
      };
    }
    const probe = set.probes['klist-cloud-debug'];
    return {
      status: 'unknown',
      summary:
        probe.state === 'ok'
          ? 'Neither klist cloud_debug nor dsregcmd reported the cloud Kerberos ticket.'
          : `Can't tell whether the cloud Kerberos ticket exists: ${probe.reason}.`,
      evidence: proof,
      docs,
    };
  },
};
