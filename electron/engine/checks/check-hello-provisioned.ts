import type { CheckId, CheckOutcome } from '@contract/types';
import { evidence, factsOf } from '../facts/fact-set';
import { userScopeCaveat } from '../facts/run-context';
import type { CheckDefinition } from './check-definition';
import { DOCS } from './doc-links';
import { unknownUnlessAny } from './outcomes';
import { itemAnswer, latestProvisioningEvent } from './provisioning-event';

/** Each NGC prerequisite: what NO means, and the upstream step that would explain it (if any). */
const PREREQS = {
  isDeviceJoined: { reason: 'the device is not joined', explainedBy: 'join-state' },
  isUserAzureAD: { reason: 'the user did not sign in with a Microsoft Entra account', explainedBy: null },
  policyEnabled: { reason: 'the Hello policy is not enabled', explainedBy: 'whfb-policy' },
  postLogonEnabled: { reason: 'provisioning after sign-in is turned off', explainedBy: null },
  deviceEligible: { reason: 'the device does not meet the hardware requirements (TPM)', explainedBy: null },
  sessionIsNotRemote: { reason: 'the session is a Remote Desktop session', explainedBy: 'user-context' },
  onPremTgt: {
    reason:
      'Windows has no cloud Kerberos ticket for the user, which hybrid devices need before provisioning',
    explainedBy: 'cloud-tgt',
  },
} as const satisfies Record<string, { reason: string; explainedBy: CheckId | null }>;

type PrereqKey = keyof typeof PREREQS;

const DEPENDS_ON: CheckId[] = ['join-state', 'user-context', 'whfb-policy', 'cloud-tgt'];

export const checkHelloProvisioned: CheckDefinition = {
  id: 'hello-provisioned',
  title: 'Hello container for this user',
  explanation:
    "Windows Hello for Business keeps the user's key in a Hello container on this device. It is created when the " +
    'user sets up a PIN after signing in; dsregcmd reports it as NgcSet. On hybrid joined devices with cloud trust, ' +
    'Windows sets it up only once Microsoft Entra ID has issued the cloud Kerberos ticket for the user.',
  needs: ['dsregcmd-status', 'events-udr'],
  dependsOn: DEPENDS_ON,
  critical: true,
  evaluate(set): CheckOutcome {
    const unknown = unknownUnlessAny(set, ['dsregcmd-status'], 'whether Hello is set up');
    if (unknown) return unknown;
    const caveat = userScopeCaveat(set);
    if (caveat) {
      return {
        status: 'unknown',
        summary: `Can't tell whether the user has Hello: ${caveat}.`,
        evidence: [],
      };
    }
    const ds = factsOf(set, 'dsregcmd-status');
    const ngcSet = ds?.ngcSet;
    if (!ngcSet) {
      return {
        status: 'unknown',
        summary: 'dsregcmd did not report NgcSet (run it as the signed-in user).',
        evidence: [evidence(set, 'dsregcmd-status', [])],
      };
    }
    if (ngcSet.value) {
      return {
        status: 'pass',
        summary: 'The user has a Windows Hello for Business container on this device.',
        evidence: [evidence(set, 'dsregcmd-status', [ngcSet.line])],
      };
    }
    const prereq = ds?.ngcPrereq;
    const hybrid = ds?.domainJoined?.value === true;
    const blockers = (Object.keys(PREREQS) as PrereqKey[])
      .filter((key) => prereq?.[key]?.value === false && (key !== 'onPremTgt' || hybrid))
      .map((key) => ({ ...PREREQS[key], line: prereq?.[key]?.line }));
    // Event 360 ("will not be launched") says the same in its own words; 358 means provisioning went ahead.
    const latest = latestProvisioningEvent(set);
    const cloudTgtItem =
      hybrid && latest?.event.eventId === 360 ? latest.item(/user account has cloud tgt/i) : undefined;
    const eventNoTgt = itemAnswer(cloudTgtItem) === false;
    if (eventNoTgt && !blockers.some((b) => b.explainedBy === 'cloud-tgt')) {
      blockers.push({ ...PREREQS.onPremTgt, line: undefined });
    }
    const reasons = blockers.map((b) => b.reason);
    const own = blockers.some((b) => b.explainedBy === null);
    const explainedBy = [...new Set(blockers.map((b) => b.explainedBy).filter((id) => id !== null))];
    return {
      status: 'fail',
      summary:
        reasons.length > 0
          ? `Hello is not set up for this user: ${reasons.join('; ')}.`
          : 'Hello is not set up for this user.',
      evidence: [
        evidence(set, 'dsregcmd-status', [
          ngcSet.line,
          ...blockers.map((b) => b.line),
          prereq?.preReqResult?.line,
        ]),
        ...(eventNoTgt && cloudTgtItem ? [evidence(set, 'events-udr', [cloudTgtItem.line])] : []),
      ],
      remediation:
        'Hello provisioning starts after sign-in when every prerequisite is met. Fix what the prerequisite check ' +
        'reports, then sign out and sign in again and follow the PIN setup. Event 358/360 in the User Device ' +
        'Registration log says why provisioning did or did not start.',
      fixes: ['open-event-log'],
      docs: [DOCS.dsregcmd, DOCS.cloudTrustDeploy],
      // A reason of its own (TPM, post-logon off) is shown even behind an upstream failure.
      ...(own
        ? { explainedBy: [] }
        : blockers.length > 0
          ? { explainedBy }
          : // Only hybrid joined devices wait for the cloud ticket before provisioning.
            { explainedBy: hybrid ? DEPENDS_ON : DEPENDS_ON.filter((id) => id !== 'cloud-tgt') }),
    };
  },
};
