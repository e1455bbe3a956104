import type { CheckOutcome } from '@contract/types';
import { runContextOf } from '../facts/run-context';
import type { CheckDefinition } from './check-definition';
import { DOCS } from './doc-links';
import { unknownUnlessAny } from './outcomes';

const RUN_AS_USER =
  'Close WHfB Doctor and start it again normally (not "Run as administrator", not as another account, not from a ' +
  "SYSTEM tool) in the signed-in user's own session. The results about Hello, the PRT and the tickets describe " +
  'whoever runs the app.';

export const checkUserContext: CheckDefinition = {
  id: 'user-context',
  title: 'Who the app runs as',
  explanation:
    'Hello, the Primary Refresh Token and Kerberos tickets belong to the user who signed in. The checks only ' +
    'describe that user when the app runs as them, not elevated and not as SYSTEM. Cloud Kerberos trust also does ' +
    'not work in a Remote Desktop session signed in with a password.',
  needs: ['whoami-user', 'whoami-groups', 'dsregcmd-status', 'logonui-last-provider'],
  dependsOn: [],
  critical: true,
  evaluate(set): CheckOutcome {
    const unknown = unknownUnlessAny(
      set,
      ['whoami-user', 'whoami-groups', 'dsregcmd-status'],
      'who the app runs as',
    );
    if (unknown) return unknown;
    const context = runContextOf(set);
    const who = context.account ?? 'this account';
    switch (context.runAs) {
      case 'system':
        return {
          status: 'fail',
          summary: "The app runs as SYSTEM, so it cannot see the signed-in user's Hello, PRT or tickets.",
          evidence: context.evidence,
          remediation: RUN_AS_USER,
          docs: [DOCS.dsregcmd],
        };
      case 'elevated':
        return {
          status: 'fail',
          summary: `The app runs elevated as ${who}: the user's Hello, PRT and ticket results can't be read from an elevated session.`,
          evidence: context.evidence,
          remediation: RUN_AS_USER,
          docs: [DOCS.dsregcmd],
        };
      case 'other-account':
        return {
          status: 'fail',
          summary: `The app runs as another account than the user signed in at this device (${context.reason}).`,
          evidence: context.evidence,
          remediation: `${RUN_AS_USER} (Inferred from the sign-in screen's record of the last account, which a fast user switch can also change.)`,
          docs: [DOCS.dsregcmd],
        };
      default:
        break;
    }
    if (context.runAs === 'unknown') {
      return {
        status: 'unknown',
        summary: 'The outputs read do not say which account the app runs as, or whether it is elevated.',
        evidence: context.evidence,
        docs: [DOCS.dsregcmd],
      };
    }
    if (context.remote) {
      return {
        status: 'fail',
        summary: 'This is a Remote Desktop session: cloud Kerberos trust does not apply to it.',
        evidence: context.evidence,
        remediation:
          'Remote Desktop with supplied credentials is not supported by cloud Kerberos trust, and a password ' +
          'sign-in never uses Hello. Diagnose at the device itself (or over a screen-sharing tool that joins the ' +
          "user's console session) after the user signs in with their PIN.",
        docs: [DOCS.cloudTrustDeploy, DOCS.helloFaq],
      };
    }
    return {
      status: 'pass',
      summary: `Running as ${who}, not elevated, in a local session.`,
      evidence: context.evidence,
    };
  },
};
