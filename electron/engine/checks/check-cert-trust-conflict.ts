import { derivePolicy, describeSource } from '../facts/derive-policy';
import { evidence, type FactSet, factsOf } from '../facts/fact-set';
import type { CheckOutcome, EvidenceItem } from '../types';
import type { CheckDefinition } from './check-definition';
import { DOCS } from './doc-links';
import { latestProvisioningEvent } from './provisioning-event';

const REMEDIATION =
  'Set "Use certificate for on-premises authentication" to Not configured (Intune Settings Catalog or Group ' +
  'Policy) and sync the device. Then, as the user and not elevated, delete the Hello container ' +
  '(certutil -deletehellocontainer), sign out, sign in and set up the PIN again: the new container uses cloud ' +
  'Kerberos trust.';

const CERTIFICATE_SID = 'S-1-5-65-1';
const KEY_TRUST_SID = 'S-1-18-4';

/**
 * Evidence that the existing container was provisioned for certificate trust: Windows still
 * reports certificate enrollment, the last provisioning event had the certificate policy on,
 * or the sign-in token says "This Organization Certificate" without the key trust identity.
 */
function leftoverCertificateSigns(set: FactSet, eventLine: string | undefined): EvidenceItem[] {
  const ds = factsOf(set, 'dsregcmd-status');
  if (ds?.ngcSet?.value !== true) return [];
  const signs: EvidenceItem[] = [];
  const enrollment = ds.ngcPrereq.certEnrollment;
  if (enrollment && enrollment.value.toLowerCase() !== 'none')
    signs.push(evidence(set, 'dsregcmd-status', [enrollment.line]));
  if (eventLine) signs.push(evidence(set, 'events-udr', [eventLine], 'from the last sign-in'));
  const groups = factsOf(set, 'whoami-groups')?.groups ?? [];
  const certificate = groups.find((g) => g.sid === CERTIFICATE_SID);
  if (certificate && !groups.some((g) => g.sid === KEY_TRUST_SID)) {
    signs.push(evidence(set, 'whoami-groups', [certificate.line], 'signed in with a certificate'));
  }
  return signs;
}

function cloudTicketAvailable(set: FactSet): boolean {
  const primary = factsOf(set, 'klist-cloud-debug')?.cloudPrimaryTgtAvailable?.value;
  return (
    primary === 1 || (primary === undefined && factsOf(set, 'dsregcmd-status')?.onPremTgt?.value === true)
  );
}

export const checkCertTrustConflict: CheckDefinition = {
  id: 'cert-trust-conflict',
  title: 'Certificate trust not enabled',
  explanation:
    '"Use certificate for on-premises authentication" switches Hello to certificate trust, and certificate trust ' +
    'wins over cloud Kerberos trust. Left enabled beside cloud trust, it is a common reason cloud trust never works.',
  needs: ['policy-mdm', 'policy-gpo-machine', 'policy-gpo-user', 'events-udr', 'dsregcmd-status'],
  dependsOn: ['whfb-policy'],
  evaluate(set): CheckOutcome {
    const policy = derivePolicy(set);
    const eventItem = latestProvisioningEvent(set)?.item(/certificate for on premise auth/i);
    const eventProof = eventItem ? [evidence(set, 'events-udr', [eventItem.line])] : [];
    const certEnrollment = factsOf(set, 'dsregcmd-status')?.ngcPrereq.certEnrollment;
    const enrollmentProof = certEnrollment ? [evidence(set, 'dsregcmd-status', [certEnrollment.line])] : [];
    const docs = [DOCS.cloudTrustDeploy, DOCS.configureHello];
    const setting = policy.certTrust;
    const eventSaysCert = eventItem !== undefined && /^yes/i.test(eventItem.value);
    // The event reflects the last sign-in; trust it over the registry only when the registry can't be read.
    if (setting?.value === 1 || (policy.incomplete && eventSaysCert)) {
      const source = setting ? ` (${describeSource(setting.source)})` : '';
      return {
        status: 'fail',
        summary: `Certificate trust is enabled${source}; it takes precedence over cloud Kerberos trust.`,
        evidence: [
          ...(setting ? [evidence(set, setting.probeId, [setting.keyPath, setting.line])] : []),
          ...eventProof,
          ...enrollmentProof,
        ],
        remediation: REMEDIATION,
        fixes: ['sync-device-policy', 'delete-hello-container'],
        docs,
      };
    }
    const leftover = leftoverCertificateSigns(set, eventSaysCert ? eventItem?.line : undefined);
    if (leftover.length > 0) {
      const cloudTicket = cloudTicketAvailable(set);
      return {
        status: cloudTicket ? 'warn' : 'fail',
        summary: cloudTicket
          ? 'Certificate trust is off, but there are signs this Hello container was set up for certificate trust.'
          : "Certificate trust is off now, but this user's Hello container was set up for certificate trust and still is.",
        evidence: leftover,
        remediation:
          'Changing the policy does not change an existing Hello container. As the user (not elevated), delete ' +
          'the container (certutil -deletehellocontainer), sign out, sign in and set up the PIN again: the new ' +
          'container uses cloud Kerberos trust.',
        fixes: ['delete-hello-container'],
        docs,
      };
    }
    if (policy.incomplete && !eventItem) {
      return {
        status: 'unknown',
        summary: `Can't tell whether certificate trust is enabled: ${policy.missingReasons[0]}.`,
        evidence: enrollmentProof,
        docs,
      };
    }
    return {
      status: 'pass',
      summary: 'Certificate trust is not enabled.',
      evidence: [
        ...(setting ? [evidence(set, setting.probeId, [setting.line])] : []),
        ...eventProof,
        ...enrollmentProof,
      ],
    };
  },
};
