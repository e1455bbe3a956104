import { derivePolicy, describeSource } from '../facts/derive-policy';
import { evidence, factsOf } from '../facts/fact-set';
import type { CheckOutcome } from '../types';
import type { CheckDefinition } from './check-definition';
import { DOCS } from './doc-links';
import { latestProvisioningEvent } from './provisioning-event';

const REMEDIATION =
  'Set "Use certificate for on-premises authentication" to Not configured (Intune Settings Catalog or Group ' +
  'Policy) and sync the device. Then, as the user and not elevated, delete the Hello container ' +
  '(certutil -deletehellocontainer), sign out, sign in and set up the PIN again: the new container uses cloud ' +
  'Kerberos trust.';

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
    if (setting?.value === 1 || (eventItem && /^yes/i.test(eventItem.value))) {
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
    const enrollment = certEnrollment?.value.toLowerCase();
    if (enrollment && enrollment !== 'none') {
      return {
        status: 'warn',
        summary: `No certificate trust policy now, but Windows still reports certificate enrollment ("${certEnrollment?.value}").`,
        evidence: enrollmentProof,
        remediation:
          'The Hello container may have been provisioned for certificate trust earlier. If cloud Kerberos trust ' +
          `does not work, re-provision: ${REMEDIATION}`,
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
