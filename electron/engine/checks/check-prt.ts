import { evidence, factsOf } from '../facts/fact-set';
import type { CheckOutcome } from '../types';
import type { CheckDefinition } from './check-definition';
import { DOCS } from './doc-links';
import { unknownUnlessAny } from './outcomes';

/** CloudAP renews the PRT about every 4 hours; older means renewal is failing. */
const STALE_AFTER_HOURS = 4;

/** dsregcmd prints "2025-03-09 11:00:27.000 UTC". */
export function parseDsregcmdTime(text: string): Date | undefined {
  const match = /^(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2}:\d{2}(?:\.\d+)?)\s*(UTC|Z)?$/i.exec(text.trim());
  if (!match) return undefined;
  const date = new Date(`${match[1]}T${match[2]}Z`);
  return Number.isNaN(date.getTime()) ? undefined : date;
}

export const checkPrt: CheckDefinition = {
  id: 'prt',
  title: 'Primary Refresh Token (PRT)',
  explanation:
    'At sign-in Microsoft Entra ID gives the device a Primary Refresh Token. The partial Kerberos ticket for the ' +
    'on-premises domain comes with it, so without a fresh PRT there is no cloud Kerberos ticket.',
  needs: ['dsregcmd-status'],
  dependsOn: ['join-state', 'user-context'],
  evaluate(set): CheckOutcome {
    const unknown = unknownUnlessAny(set, ['dsregcmd-status'], 'whether the user has a PRT');
    if (unknown) return unknown;
    const ds = factsOf(set, 'dsregcmd-status');
    const prt = ds?.azureAdPrt;
    const docs = [DOCS.prt, DOCS.dsregcmd];
    if (!prt) {
      return {
        status: 'unknown',
        summary: 'dsregcmd did not report AzureAdPrt.',
        evidence: [evidence(set, 'dsregcmd-status', [])],
      };
    }
    if (!prt.value) {
      const error = ds?.prtErrorDescription;
      return {
        status: 'fail',
        summary: error
          ? `The user has no PRT: ${error.value.split('.')[0]}.`
          : 'The user has no Primary Refresh Token from Microsoft Entra ID.',
        evidence: [evidence(set, 'dsregcmd-status', [prt.line, error?.line])],
        remediation:
          'Refresh the PRT (dsregcmd /refreshprt), wait 1–2 minutes, then sign out and back in. If it stays NO, ' +
          'the AcquirePrtDiagnostics error in dsregcmd /status names the cause (for example AADSTS50126: wrong password).',
        fixes: ['refresh-prt'],
        docs,
      };
    }
    const updated = ds?.azureAdPrtUpdateTime;
    const updatedAt = updated ? parseDsregcmdTime(updated.value) : undefined;
    const proof = [evidence(set, 'dsregcmd-status', [prt.line, updated?.line])];
    if (updatedAt) {
      const hours = (set.now.getTime() - updatedAt.getTime()) / 3_600_000;
      if (hours > STALE_AFTER_HOURS) {
        return {
          status: 'warn',
          summary: `The PRT was last renewed ${Math.floor(hours)} hours ago; it should renew about every 4 hours.`,
          evidence: proof,
          remediation:
            'A PRT that is not renewed points to a sign-in or network problem with Microsoft Entra ID. Refresh it ' +
            '(dsregcmd /refreshprt), wait 1–2 minutes, then sign out and back in.',
          fixes: ['refresh-prt'],
          docs,
        };
      }
    }
    return { status: 'pass', summary: 'The user has a current Primary Refresh Token.', evidence: proof };
  },
};
