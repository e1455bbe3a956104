import { checkCertTrustConflict } from '../checks/check-cert-trust-conflict';
import { checkOsBuild } from '../checks/check-os-build';
import { derivePolicy } from '../facts/derive-policy';
import { evidence, type FactSet, factsOf } from '../facts/fact-set';
import type { EvidenceItem, TrustModel } from '../types';

export interface TrustModelInference {
  trustModel: TrustModel;
  reason: string;
  evidence: EvidenceItem[];
}

/** Certificate trust wins; then cloud Kerberos trust; neither → key trust; no Hello container → none. */
export function inferTrustModel(set: FactSet): TrustModelInference {
  const ngcSet = factsOf(set, 'dsregcmd-status')?.ngcSet;
  if (ngcSet?.value === false) {
    return {
      trustModel: 'none',
      reason: 'Hello is not set up for this user (NgcSet : NO).',
      evidence: [evidence(set, 'dsregcmd-status', [ngcSet.line])],
    };
  }
  const policy = derivePolicy(set);
  const { certTrust, cloudTrust } = policy;
  if (certTrust?.value === 1) {
    return {
      trustModel: 'certificate-trust',
      reason: '"Use certificate for on-premises authentication" is enabled, and it wins over cloud trust.',
      evidence: [evidence(set, certTrust.probeId, [certTrust.line])],
    };
  }
  const certificateLeftover = checkCertTrustConflict.evaluate(set);
  if (certificateLeftover.status === 'fail') {
    return {
      trustModel: 'certificate-trust',
      reason:
        "Certificate trust is off in policy, but this user's Hello container still signs in with a certificate.",
      evidence: certificateLeftover.evidence,
    };
  }
  if (cloudTrust?.value === 1 && checkOsBuild.evaluate(set).status === 'fail') {
    return {
      trustModel: 'key-trust',
      reason:
        'Cloud trust is configured, but this Windows build cannot use it, so Hello falls back to key trust.',
      evidence: [evidence(set, cloudTrust.probeId, [cloudTrust.line])],
    };
  }
  if (cloudTrust?.value === 1) {
    return {
      trustModel: 'cloud-kerberos-trust',
      reason: '"Use cloud trust for on-premises authentication" is applied to the device.',
      evidence: [evidence(set, cloudTrust.probeId, [cloudTrust.line])],
    };
  }
  if (!ngcSet || policy.incomplete) {
    const why = !ngcSet ? 'whether Hello is set up is not known' : policy.missingReasons[0];
    return { trustModel: 'unknown', reason: `Can't infer the trust model: ${why}.`, evidence: [] };
  }
  return {
    trustModel: 'key-trust',
    reason: 'Hello is set up, and neither cloud trust nor certificate trust is applied to the device.',
    evidence: [evidence(set, 'dsregcmd-status', [ngcSet.line])],
  };
}
