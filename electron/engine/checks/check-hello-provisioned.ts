import { evidence, factsOf } from '../facts/fact-set';
import type { CheckOutcome } from '../types';
import type { CheckDefinition } from './check-definition';
import { DOCS } from './doc-links';
import { unknownUnlessAny } from './outcomes';

const PREREQ_LABELS = {
  isDeviceJoined: 'the device is not joined',
  isUserAzureAD: 'the user did not sign in with a Microsoft Entra account',
  policyEnabled: 'the Hello policy is not enabled',
  postLogonEnabled: 'provisioning after sign-in is turned off',
  deviceEligible: 'the device does not meet the hardware requirements (TPM)',
  sessionIsNotRemote: 'the session is a Remote Desktop session',
} as const;

export const checkHelloProvisioned: CheckDefinition = {
  id: 'hello-provisioned',
  title: 'Hello set up for this user',
  explanation:
    "Windows Hello for Business keeps the user's key in a Hello container on this device. It is created when the " +
    'user sets up a PIN after signing in; dsregcmd reports it as NgcSet.',
  needs: ['dsregcmd-status'],
  dependsOn: ['join-state', 'user-context', 'whfb-policy'],
  evaluate(set): CheckOutcome {
    const unknown = unknownUnlessAny(set, ['dsregcmd-status'], 'whether Hello is set up');
    if (unknown) return unknown;
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
    const blockers = (Object.keys(PREREQ_LABELS) as (keyof typeof PREREQ_LABELS)[])
      .filter((key) => prereq?.[key]?.value === false)
      .map((key) => ({ reason: PREREQ_LABELS[key], line: prereq?.[key]?.line }));
    const reasons = blockers.map((b) => b.reason);
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
      ],
      remediation:
        'Hello provisioning starts after sign-in when every prerequisite is met. Fix what the prerequisite check ' +
        'reports, then sign out and sign in again and follow the PIN setup. Event 358/360 in the User Device ' +
        'Registration log says why provisioning did or did not start.',
      fixes: ['open-event-log'],
      docs: [DOCS.dsregcmd, DOCS.cloudTrustDeploy],
    };
  },
};
