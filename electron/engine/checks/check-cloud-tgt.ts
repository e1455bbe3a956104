import type { CheckOutcome, DocLink, EvidenceItem, Sourced } from '@contract/types';
import { evidence, type FactSet, factsOf } from '../facts/fact-set';
import { userScopeCaveat } from '../facts/run-context';
import { sessionAuthOf } from '../facts/session-auth';
import type { CheckDefinition } from './check-definition';
import { DOCS } from './doc-links';
import { latestProvisioningEvent } from './provisioning-event';

const AZURE_FILES_NOTE =
  'Not a problem: "Cloud Kerberos enabled by policy" is the Azure Files setting (CloudKerberosTicketRetrievalEnabled), not needed for Hello.';

/** Entra ID issued the ticket (dsregcmd says so or this logon holds it): pass, or warn for a Hello logon without it. */
function issued(
  set: FactSet,
  onPremTgt: Sourced<boolean> | undefined,
  primary: Sourced<number> | undefined,
  proof: EvidenceItem[],
  docs: DocLink[],
): CheckOutcome {
  const sessionLacksIt = primary?.value === 0;
  const auth = sessionAuthOf(set);
  // A key-trust or certificate-trust logon never takes the cloud ticket: onprem-tgt says so.
  const otherTrust = auth.trustModel === 'key-trust' || auth.trustModel === 'certificate-trust';
  const helloSession = auth.trustModel === 'cloud-kerberos-trust' || auth.trustModel === 'unknown';
  if (sessionLacksIt && auth.credential === 'hello' && helloSession) {
    return {
      status: 'warn',
      summary:
        'Microsoft Entra ID issued the cloud ticket (OnPremTgt : YES), but this Hello logon session does not hold it.',
      evidence: proof,
      remediation:
        'Lock the device and sign in again with the PIN: the ticket is handed to the logon session at sign-in and unlock.',
      fixes: ['lock-and-sign-in-with-pin'],
      docs,
    };
  }
  const note = !sessionLacksIt
    ? ''
    : otherTrust
      ? ` This logon used ${auth.trustModel === 'key-trust' ? 'key trust' : 'certificate trust'} instead, so it does not hold it.`
      : auth.credential === 'unknown'
        ? ' This logon session does not hold it; how it was signed in is not known.'
        : ' This logon session does not hold it, as expected after a non-Hello sign-in.';
  const disagreement =
    onPremTgt?.value === false
      ? ' (dsregcmd says OnPremTgt : NO, but this logon session holds the ticket.)'
      : '';
  return {
    status: 'pass',
    summary: `Microsoft Entra ID issued the cloud Kerberos ticket for the on-premises domain.${note}${disagreement}`,
    evidence: proof,
    docs,
  };
}

export const checkCloudTgt: CheckDefinition = {
  id: 'cloud-tgt',
  title: 'Partial TGT from Microsoft Entra ID',
  explanation:
    'With cloud Kerberos trust, Microsoft Entra ID hands out a partial Kerberos ticket (TGT) for the on-premises ' +
    'domain together with the PRT; no domain controller is involved. dsregcmd shows it as OnPremTgt : YES and ' +
    'klist cloud_debug as "Cloud Primary (Hybrid logon) TGT available: 1". Entra ID issues it only for users ' +
    'synced from AD whose domain has a Kerberos server object.',
  needs: ['klist-cloud-debug', 'dsregcmd-status', 'events-udr'],
  dependsOn: ['os-build', 'join-state', 'user-context', 'prt', 'entra-kerberos-server'],
  critical: true,
  evaluate(set): CheckOutcome {
    const docs = [DOCS.cloudTrustDeploy];
    const caveat = userScopeCaveat(set);
    if (caveat) {
      return {
        status: 'unknown',
        summary: `Can't tell whether the user has the cloud ticket: ${caveat}.`,
        evidence: [],
        docs,
      };
    }
    const debug = factsOf(set, 'klist-cloud-debug');
    const ds = factsOf(set, 'dsregcmd-status');
    const primary = debug?.cloudPrimaryTgtAvailable;
    const onPremTgt = ds?.onPremTgt ?? ds?.ngcPrereq.onPremTgt;
    const cloudTgt = ds?.cloudTgt;
    const eventItem = latestProvisioningEvent(set)?.item(/user account has cloud tgt/i);
    const proof: EvidenceItem[] = [
      evidence(set, 'dsregcmd-status', [onPremTgt?.line, cloudTgt?.line]),
      evidence(set, 'klist-cloud-debug', [primary?.line]),
    ];
    const policyNote = debug?.cloudKerberosEnabledByPolicy;
    if (policyNote?.value === 0)
      proof.push(evidence(set, 'klist-cloud-debug', [policyNote.line], AZURE_FILES_NOTE));

    if (onPremTgt?.value === true || primary?.value === 1)
      return issued(set, onPremTgt, primary, proof, docs);
    if (onPremTgt?.value === false && cloudTgt?.value === true) {
      return {
        status: 'fail',
        summary:
          'Microsoft Entra ID issues Kerberos tickets to this user for Azure (CloudTgt : YES) but none for the ' +
          "on-premises domain (OnPremTgt : NO): the user is not synced from AD, or the user's domain has no Kerberos " +
          'server object.',
        evidence: [...proof, ...(eventItem ? [evidence(set, 'events-udr', [eventItem.line])] : [])],
        remediation:
          'Cloud Kerberos trust works only for hybrid users: synced from AD by Entra Connect with their on-premises ' +
          'SID, sAMAccountName and domain. Check that the user is synced (not cloud-only), and that ' +
          'Set-AzureADKerberosServer was run for the domain the USER belongs to (every domain with users needs its ' +
          'own object). Then sign out and in.',
        // No fix button: the cause is on the administrators' side (sync or the object), not on this device.
        docs: [...docs, DOCS.entraKerberosServer],
        explainedBy: ['entra-kerberos-server', 'prt'],
      };
    }
    // klist describes this logon only: after a non-Hello sign-in its 0 says nothing about Entra ID.
    if (onPremTgt === undefined && primary?.value === 0 && sessionAuthOf(set).credential !== 'hello') {
      return {
        status: 'unknown',
        summary:
          'This logon session holds no cloud ticket, but it was not a Hello sign-in and dsregcmd did not say whether Entra ID issues one.',
        evidence: proof,
        docs,
      };
    }
    if (onPremTgt?.value === false || primary?.value === 0) {
      return {
        status: 'fail',
        summary: 'Microsoft Entra ID has not issued a cloud Kerberos ticket for the on-premises domain.',
        evidence: [...proof, ...(eventItem ? [evidence(set, 'events-udr', [eventItem.line])] : [])],
        remediation:
          'The ticket comes with the PRT. Refresh the PRT (dsregcmd /refreshprt), wait 1–2 minutes, then lock the ' +
          'device and sign in with the PIN. If OnPremTgt stays NO, check that the Kerberos server object exists for ' +
          "the user's domain and that the user is synced from AD.",
        fixes: ['refresh-prt', 'lock-and-sign-in-with-pin'],
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
