import type { CheckResult, EvidenceItem, TrustModel } from '@contract/types';
import { checkOsBuild } from '../checks/check-os-build';
import { derivePolicy } from '../facts/derive-policy';
import { evidence, type FactSet, factsOf } from '../facts/fact-set';
import { type SessionAuth, sessionAuthOf } from '../facts/session-auth';

export interface TrustModelInference {
  trustModel: TrustModel;
  reason: string;
  evidence: EvidenceItem[];
}

export interface TrustModels {
  /** What this logon session used: what a migration proof rests on. */
  session: TrustModelInference;
  /** What the policy asks for. */
  policy: TrustModelInference;
  auth: SessionAuth;
}

/**
 * The trust models, from the facts and, when the checklist already ran, its results (so no
 * check runs twice); without them, the one check read here is evaluated on its own.
 */
export function inferTrustModels(set: FactSet, checks?: readonly CheckResult[]): TrustModels {
  const auth = sessionAuthOf(set);
  const decisive = auth.signals.filter((s) => s.decisive);
  return {
    session: {
      trustModel: auth.trustModel,
      reason: auth.trustReason,
      evidence: decisive.map((s) => evidence(set, s.probeId, [s.line], s.says)),
    },
    policy: policyTrustModel(set, checks),
    auth,
  };
}

/**
 * Certificate trust (device scope) wins; then cloud Kerberos trust (device scope, this
 * tenant, a build that supports it); Hello enabled with neither → key trust; Hello turned
 * off → none.
 */
export function policyTrustModel(set: FactSet, checks?: readonly CheckResult[]): TrustModelInference {
  const policy = derivePolicy(set);
  const { certTrust, cloudTrust, helloEnabled } = policy;
  if (certTrust?.value === 1) {
    return {
      trustModel: 'certificate-trust',
      reason:
        '"Use certificate for on-premises authentication" is enabled for the device, and it wins over cloud trust.',
      evidence: [evidence(set, certTrust.probeId, [certTrust.line])],
    };
  }
  if (cloudTrust?.value === 1 && osBuildStatus(set, checks) === 'fail') {
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
  if (helloEnabled?.value === 0) {
    return {
      trustModel: 'none',
      reason: 'Windows Hello for Business is turned off by policy.',
      evidence: [evidence(set, helloEnabled.probeId, [helloEnabled.line])],
    };
  }
  if (policy.incomplete) {
    return {
      trustModel: 'unknown',
      reason: `Can't read the policy: ${policy.missingReasons[0]}.`,
      evidence: [],
    };
  }
  const ngcSet = factsOf(set, 'dsregcmd-status')?.ngcSet;
  return {
    trustModel: 'key-trust',
    reason: 'Neither cloud trust nor certificate trust is applied to the device, so Hello uses key trust.',
    evidence: ngcSet ? [evidence(set, 'dsregcmd-status', [ngcSet.line])] : [],
  };
}

/** The Windows build check's status: from the checklist when it ran, else evaluated here. */
function osBuildStatus(set: FactSet, checks: readonly CheckResult[] | undefined): string {
  const ran = checks?.find((check) => check.id === checkOsBuild.id);
  return ran ? ran.status : checkOsBuild.evaluate(set).status;
}
