import type { EvidenceItem } from '@contract/types';
import { evidence, type FactSet, factsOf } from './fact-set';
import { ELEVATED_LABEL_SIDS, REMOTE_INTERACTIVE_SID, SYSTEM_SID } from './well-known-sids';

/**
 * Who the probes ran as. dsregcmd's User State, SSO State and Ngc Prerequisite sections,
 * klist and whoami describe the account and logon session that ran them, so they say
 * something about the signed-in user only from the user's own, unelevated session
 * (Microsoft Learn, "Troubleshoot devices by using the dsregcmd command").
 */
export type RunAs = 'user' | 'elevated' | 'system' | 'other-account' | 'unknown';

export interface RunContext {
  runAs: RunAs;
  /** A Remote Desktop logon session (S-1-5-14 or SessionIsNotRemote : NO). */
  remote: boolean;
  /** Who the app ran as, e.g. "contoso\\alice". */
  account?: string;
  /** Why, in plain words, when runAs is not 'user'. */
  reason?: string;
  evidence: EvidenceItem[];
}

export function runContextOf(set: FactSet): RunContext {
  // Most checks ask whether the user-scope facts can be trusted: decide once per fact set.
  const known = decided.get(set);
  if (known) return known;
  const context = decide(set);
  decided.set(set, context);
  return context;
}

const decided = new WeakMap<FactSet, RunContext>();

function decide(set: FactSet): RunContext {
  const user = factsOf(set, 'whoami-user');
  const groups = factsOf(set, 'whoami-groups')?.groups ?? [];
  const ds = factsOf(set, 'dsregcmd-status');
  const logon = factsOf(set, 'logonui-last-provider');
  const group = (sid: string) => groups.find((g) => g.sid.toUpperCase() === sid);
  const context = ds?.userContext?.value.toUpperCase() ?? '';
  const account = user?.userName?.value;
  const remoteGroup = group(REMOTE_INTERACTIVE_SID);
  const prereqRemote = ds?.ngcPrereq.sessionIsNotRemote;
  const remote = remoteGroup !== undefined || prereqRemote?.value === false;
  const base = { remote, ...(account ? { account } : {}) };

  if (user?.sid?.value === SYSTEM_SID || context === 'SYSTEM') {
    return {
      ...base,
      runAs: 'system',
      reason: 'the app ran as SYSTEM',
      evidence: [
        evidence(set, 'whoami-user', [user?.sid?.line]),
        evidence(set, 'dsregcmd-status', [ds?.userContext?.line]),
      ],
    };
  }
  const elevated = ELEVATED_LABEL_SIDS.map(group).find((g) => g !== undefined);
  if (elevated || context === 'ELEVATED USER') {
    return {
      ...base,
      runAs: 'elevated',
      reason: `the app ran elevated ("Run as administrator") as ${account ?? 'an administrator'}`,
      evidence: [
        evidence(set, 'whoami-groups', [elevated?.line]),
        evidence(set, 'dsregcmd-status', [ds?.userContext?.line]),
      ],
    };
  }
  // Inference: LogonUI remembers the last account that signed in at this device's sign-in
  // screen. A different SID than the one running the app means "Run as another user".
  const lastSid = logon?.lastUserSid?.value;
  const ownSid = user?.sid?.value;
  if (lastSid && ownSid && lastSid.toUpperCase() !== ownSid.toUpperCase() && !remote) {
    return {
      ...base,
      runAs: 'other-account',
      reason: `the app ran as ${account ?? ownSid}, but the last account to sign in at this device is ${logon?.lastUser?.value ?? lastSid}`,
      evidence: [
        evidence(set, 'whoami-user', [user?.userName?.line, user?.sid?.line]),
        evidence(set, 'logonui-last-provider', [logon?.lastUserSid?.line, logon?.lastUser?.line]),
      ],
    };
  }
  const known = user !== undefined || ds?.userContext !== undefined || groups.length > 0;
  return {
    ...base,
    runAs: known ? 'user' : 'unknown',
    evidence: remote
      ? [
          evidence(set, 'whoami-groups', [remoteGroup?.line]),
          evidence(set, 'dsregcmd-status', [prereqRemote?.line]),
        ]
      : [
          evidence(set, 'whoami-user', [user?.userName?.line]),
          evidence(set, 'dsregcmd-status', [ds?.userContext?.line]),
        ],
  };
}

/**
 * Why the user-scope facts (Hello container, PRT, tickets, NGC prerequisites) do not
 * describe the signed-in user, or undefined when they do (or when nothing says otherwise).
 */
export function userScopeCaveat(set: FactSet): string | undefined {
  const context = runContextOf(set);
  if (context.runAs === 'user' || context.runAs === 'unknown') return undefined;
  return `${context.reason}, so this describes that account's session, not the signed-in user's`;
}
