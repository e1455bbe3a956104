import { evidence, factsOf } from '../facts/fact-set';
import type { CheckOutcome } from '../types';
import type { CheckDefinition } from './check-definition';
import { DOCS } from './doc-links';
import { unknownUnlessAny } from './outcomes';

const SYSTEM_SID = 'S-1-5-18';
const REMOTE_INTERACTIVE_SID = 'S-1-5-14';
const ELEVATED_LABELS = ['S-1-16-12288', 'S-1-16-16384'];

export const checkUserContext: CheckDefinition = {
  id: 'user-context',
  title: 'Running as the signed-in user, at the console',
  explanation:
    'Hello, the Primary Refresh Token and Kerberos tickets belong to the user who signed in. The checks only ' +
    'describe that user when the app runs as them, not elevated and not as SYSTEM. Cloud Kerberos trust also does ' +
    'not work in a Remote Desktop session signed in with a password.',
  needs: ['whoami-user', 'whoami-groups', 'dsregcmd-status'],
  dependsOn: [],
  evaluate(set): CheckOutcome {
    const unknown = unknownUnlessAny(
      set,
      ['whoami-user', 'whoami-groups', 'dsregcmd-status'],
      'who the app runs as',
    );
    if (unknown) return unknown;
    const user = factsOf(set, 'whoami-user');
    const groups = factsOf(set, 'whoami-groups')?.groups ?? [];
    const ds = factsOf(set, 'dsregcmd-status');
    const group = (sid: string) => groups.find((g) => g.sid.toUpperCase() === sid);
    const context = ds?.userContext?.value.toUpperCase() ?? '';
    const who = user?.userName?.value ?? 'this account';

    if (user?.sid?.value === SYSTEM_SID || context === 'SYSTEM') {
      return {
        status: 'fail',
        summary: "The app runs as SYSTEM, so it cannot see the signed-in user's Hello, PRT or tickets.",
        evidence: [
          evidence(set, 'whoami-user', [user?.sid?.line]),
          evidence(set, 'dsregcmd-status', [ds?.userContext?.line]),
        ],
        remediation:
          'Run WHfB Doctor as the signed-in user (not "Run as administrator", not from a SYSTEM tool).',
        docs: [DOCS.dsregcmd],
      };
    }
    const remote = group(REMOTE_INTERACTIVE_SID);
    const prereqRemote = ds?.ngcPrereq.sessionIsNotRemote;
    if (remote || prereqRemote?.value === false) {
      return {
        status: 'fail',
        summary: 'This is a Remote Desktop session: cloud Kerberos trust does not apply to it.',
        evidence: [
          evidence(set, 'whoami-groups', [remote?.line]),
          evidence(set, 'dsregcmd-status', [prereqRemote?.line]),
        ],
        remediation:
          'Remote Desktop with supplied credentials is not supported by cloud Kerberos trust, and a password ' +
          'sign-in never uses Hello. Diagnose at the device itself (or over a screen-sharing tool that joins the ' +
          "user's console session) after the user signs in with their PIN.",
        docs: [DOCS.cloudTrustDeploy, DOCS.helloFaq],
      };
    }
    const elevated = ELEVATED_LABELS.map(group).find((g) => g !== undefined);
    if (elevated || context === 'ELEVATED USER') {
      return {
        status: 'warn',
        summary: `The app runs elevated as ${who}: if elevation used another account, user results describe that account.`,
        evidence: [
          evidence(set, 'whoami-user', [user?.userName?.line]),
          evidence(set, 'whoami-groups', [elevated?.line]),
          evidence(set, 'dsregcmd-status', [ds?.userContext?.line]),
        ],
        remediation: 'Start WHfB Doctor normally (not "Run as administrator") in the user\'s own session.',
        docs: [DOCS.dsregcmd],
      };
    }
    return {
      status: 'pass',
      summary: `Running as ${who}, not elevated, in a local session.`,
      evidence: [
        evidence(set, 'whoami-user', [user?.userName?.line]),
        evidence(set, 'dsregcmd-status', [ds?.userContext?.line]),
      ],
    };
  },
};
