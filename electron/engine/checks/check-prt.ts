import type { CheckOutcome, DocLink } from '@contract/types';
import { evidence, type FactSet, factsOf } from '../facts/fact-set';
import type { ProbeFactsMap } from '../facts/probe-parsers';
import { userScopeCaveat } from '../facts/run-context';
import type { PrtDiagnostics } from '../parsers/parse-dsregcmd';
import type { CheckDefinition } from './check-definition';
import { DOCS } from './doc-links';
import { unknownUnlessAny } from './outcomes';

/** A PRT is valid for 14 days (Microsoft Learn, "What is a Primary Refresh Token?"). */
const PRT_LIFETIME_DAYS = 14;
const HOUR = 3_600_000;

/** dsregcmd prints "2025-03-09 11:00:27.000 UTC". */
export function parseDsregcmdTime(text: string): Date | undefined {
  const match = /^(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2}:\d{2}(?:\.\d+)?)\s*(UTC|Z)?$/i.exec(text.trim());
  if (!match) return undefined;
  const date = new Date(`${match[1]}T${match[2]}Z`);
  return Number.isNaN(date.getTime()) ? undefined : date;
}

function age(hours: number): string {
  if (hours < 0) return 'after the capture time';
  if (hours < 1) return 'less than an hour ago';
  if (hours < 2) return '1 hour ago';
  if (hours < 48) return `${Math.floor(hours)} hours ago`;
  return `${Math.floor(hours / 24)} days ago`;
}

function diagnosticsLines(d: PrtDiagnostics | undefined): string[] {
  if (!d) return [];
  return [d.line, d.previousAttempt?.line, d.attemptStatus?.line, d.serverErrorDescription?.line].filter(
    (line): line is string => line !== undefined,
  );
}

const REFRESH =
  'Refresh the PRT (dsregcmd /refreshprt), wait 1–2 minutes, then lock the device and sign in again with the PIN. ' +
  'If it does not renew, the AcquirePrtDiagnostics/RefreshPrtDiagnostics error in dsregcmd /status names the cause ' +
  '(for example AADSTS50126: wrong password, AADSTS50034/AADSTS135010: the account or its UPN changed).';

type Dsregcmd = NonNullable<ProbeFactsMap['dsregcmd-status']>;

/** The last failed renewal attempt, if any, and its error as the summary shows it. */
interface Renewal {
  failed: PrtDiagnostics | undefined;
  which: 'refresh' | 'acquisition';
  error: string;
}

/** The user has a PRT: expired, failing to renew, or valid (with its age when dsregcmd gives it). */
function prtHeld(
  set: FactSet,
  ds: Dsregcmd,
  prtLine: string,
  renewal: Renewal,
  docs: DocLink[],
): CheckOutcome {
  const { failed, error } = renewal;
  const updated = ds.azureAdPrtUpdateTime;
  const expiry = ds.azureAdPrtExpiryTime;
  const updatedAt = updated ? parseDsregcmdTime(updated.value) : undefined;
  const expiresAt = expiry
    ? parseDsregcmdTime(expiry.value)
    : updatedAt
      ? new Date(updatedAt.getTime() + PRT_LIFETIME_DAYS * 24 * HOUR)
      : undefined;
  const lines = [prtLine, updated?.line, expiry?.line];
  if (expiry && !parseDsregcmdTime(expiry.value)) {
    return {
      status: 'unknown',
      summary: `The user has a PRT, but its expiry time "${expiry.value}" could not be read, so whether it is still valid is not known.`,
      evidence: [evidence(set, 'dsregcmd-status', lines)],
      docs,
    };
  }
  if (expiresAt && expiresAt.getTime() <= set.now.getTime()) {
    const inferred = expiry
      ? ''
      : ` (inferred: last renewed ${age((set.now.getTime() - (updatedAt?.getTime() ?? 0)) / HOUR)}, and a PRT lives ${PRT_LIFETIME_DAYS} days)`;
    return {
      status: 'fail',
      summary: `The PRT expired on ${expiresAt.toISOString().slice(0, 16).replace('T', ' ')} UTC${inferred}: no new cloud Kerberos ticket comes with it${failed ? `. Its last renewal failed${error}` : ''}.`,
      evidence: [evidence(set, 'dsregcmd-status', [...lines, ...diagnosticsLines(failed)])],
      remediation: `The PRT renews at sign-in and unlock while the device reaches Microsoft Entra ID. ${REFRESH}`,
      fixes: ['refresh-prt'],
      docs,
    };
  }
  // dsregcmd shows these blocks only when an attempt failed after the last successful update.
  if (failed) {
    const which = renewal.which;
    return {
      status: 'warn',
      summary: `The PRT is still valid, but its last ${which} failed${error}: once it expires, cloud Kerberos tickets stop.`,
      evidence: [evidence(set, 'dsregcmd-status', [...lines, ...diagnosticsLines(failed)])],
      remediation: REFRESH,
      fixes: ['refresh-prt'],
      docs,
    };
  }
  if (!updated && !expiry) {
    return {
      status: 'pass',
      summary:
        'The user has a Primary Refresh Token; dsregcmd printed neither its update nor its expiry time, so its age is not known.',
      evidence: [evidence(set, 'dsregcmd-status', lines)],
    };
  }
  const when = updatedAt ? ` (renewed ${age((set.now.getTime() - updatedAt.getTime()) / HOUR)})` : '';
  if (updated && !updatedAt) {
    return {
      status: 'pass',
      summary: `The user has a Primary Refresh Token; its update time "${updated.value}" could not be read, so its age is unknown.`,
      evidence: [evidence(set, 'dsregcmd-status', lines)],
    };
  }
  return {
    status: 'pass',
    summary: `The user has a valid Primary Refresh Token${when}.`,
    evidence: [evidence(set, 'dsregcmd-status', lines)],
  };
}

export const checkPrt: CheckDefinition = {
  id: 'prt',
  title: 'Primary Refresh Token (PRT)',
  explanation:
    'At sign-in Microsoft Entra ID gives the device a Primary Refresh Token, valid for 14 days and renewed at ' +
    'sign-in and unlock. The partial Kerberos ticket for the on-premises domain comes with it, so without a valid ' +
    'PRT there is no cloud Kerberos ticket.',
  needs: ['dsregcmd-status'],
  dependsOn: ['join-state', 'user-context'],
  critical: true,
  evaluate(set): CheckOutcome {
    const docs = [DOCS.prt, DOCS.dsregcmd];
    const unknown = unknownUnlessAny(set, ['dsregcmd-status'], 'whether the user has a PRT');
    if (unknown) return unknown;
    const caveat = userScopeCaveat(set);
    if (caveat)
      return {
        status: 'unknown',
        summary: `Can't tell whether the user has a PRT: ${caveat}.`,
        evidence: [],
        docs,
      };
    const ds = factsOf(set, 'dsregcmd-status');
    const prt = ds?.azureAdPrt;
    if (!prt) {
      return {
        status: 'unknown',
        summary: 'dsregcmd did not report AzureAdPrt.',
        evidence: [evidence(set, 'dsregcmd-status', [])],
        docs,
      };
    }
    const acquire = ds?.acquirePrtDiagnostics;
    const refresh = ds?.refreshPrtDiagnostics;
    const failed = refresh ?? acquire;
    const errorText = failed?.serverErrorDescription?.value ?? ds?.prtErrorDescription?.value;
    const error = errorText ? `: ${errorText.split('.')[0]}` : '';
    if (!prt.value) {
      return {
        status: 'fail',
        summary: `The user has no Primary Refresh Token from Microsoft Entra ID${error}.`,
        evidence: [
          evidence(set, 'dsregcmd-status', [
            prt.line,
            ds?.prtErrorDescription?.line,
            ...diagnosticsLines(failed),
          ]),
        ],
        remediation: REFRESH,
        fixes: ['refresh-prt'],
        docs,
      };
    }
    return prtHeld(set, ds, prt.line, { failed, which: refresh ? 'refresh' : 'acquisition', error }, docs);
  },
};
