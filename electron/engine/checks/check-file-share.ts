import type { CheckOutcome, EvidenceItem } from '@contract/types';
import { evidence, type FactSet, factsOf } from '../facts/fact-set';
import type { ProbeFactsMap } from '../facts/probe-parsers';
import type { ShareFailure } from '../parsers/parse-share-access';
import type { CheckDefinition } from './check-definition';
import { DOCS } from './doc-links';

const FAILURE_TEXT: Record<ShareFailure, { summary: string; remediation: string }> = {
  denied: {
    summary: 'Windows reached the share but access was denied.',
    remediation:
      'The sign-in worked but this user has no permission on the share or folder: check its permissions.',
  },
  'not-found': {
    summary: 'The share or folder does not exist.',
    remediation: 'Check the spelling of the server, share and folder names.',
  },
  unreachable: {
    summary: 'The file server could not be reached.',
    remediation: 'Check the server name, the network or VPN connection, and that the server is up.',
  },
  'logon-failure': {
    summary: 'The file server rejected the sign-in.',
    remediation:
      "The server did not accept the user's credentials: with cloud Kerberos trust this usually means no Kerberos " +
      'ticket could be obtained. Fix the earlier steps, lock the device and sign in with the PIN.',
  },
  timeout: {
    summary: 'Opening the share did not finish in time.',
    remediation: 'The server or network is too slow or blocked: check connectivity (SMB, port 445).',
  },
  other: {
    summary: 'Opening the share failed.',
    remediation: 'See the message from Windows in the evidence.',
  },
};

type ShareAccess = NonNullable<ProbeFactsMap['share-access']>;

/** The share opened: Kerberos when klist holds a cifs ticket for its host, else NTLM fallback. */
function openedShare(set: FactSet, share: ShareAccess, proof: EvidenceItem[]): CheckOutcome {
  const host = /^\\\\([^\\]+)/.exec(share.path ?? '')?.[1]?.toLowerCase();
  const tickets = set.probes['klist-tickets'];
  if (tickets.state !== 'ok') {
    return {
      status: 'unknown',
      summary: `${share.path} opened, but whether Kerberos was used is not known: ${tickets.reason}.`,
      evidence: [...proof, evidence(set, 'klist-tickets', [])],
      docs: [DOCS.cloudTrustDeploy],
    };
  }
  const cifs = factsOf(set, 'klist-tickets')?.tickets.find(
    (t) =>
      t.service === 'cifs' &&
      (host === undefined ||
        t.target.toLowerCase() === host ||
        t.target.toLowerCase().startsWith(`${host}.`)),
  );
  if (cifs) {
    return {
      status: 'pass',
      summary: `${share.path} opened, and a Kerberos ticket for ${cifs.server} was used.`,
      evidence: [...proof, evidence(set, 'klist-tickets', cifs.lines.slice(0, 2))],
    };
  }
  return {
    status: 'warn',
    summary: `${share.path} opened, but without a Kerberos ticket (Windows fell back to NTLM).`,
    evidence: [
      ...proof,
      evidence(set, 'klist-tickets', [], `no cifs/${host ?? '<server>'} ticket in the cache`),
    ],
    remediation:
      'Usual causes: the path uses an IP address or an alias (CNAME) that has no SPN, so Kerberos cannot be used; ' +
      "or no domain controller was in reach. Use the server's real DNS name and check the earlier steps.",
    docs: [DOCS.cloudTrustDeploy],
  };
}

export const checkFileShare: CheckDefinition = {
  id: 'file-share',
  title: 'File share test',
  explanation:
    'The end-to-end test: open an on-premises file share. With cloud Kerberos trust it opens without a prompt ' +
    'and klist then shows a cifs/<server> service ticket. Without that ticket Windows fell back to NTLM.',
  needs: ['share-access', 'klist-tickets'],
  dependsOn: ['onprem-tgt'],
  critical: false,
  evaluate(set): CheckOutcome {
    const probe = set.probes['share-access'];
    if (probe.state === 'absent' && set.inputs.share) {
      return {
        status: 'skip',
        summary: `The share ${set.inputs.share} was not tested in this capture.`,
        evidence: [],
      };
    }
    if (probe.state === 'absent') {
      return {
        status: 'skip',
        summary: 'No file share was given: type a UNC path such as \\\\server\\share to test one.',
        evidence: [],
      };
    }
    if (probe.state === 'failed' && probe.result.error?.startsWith('skipped')) {
      return {
        status: 'skip',
        summary: 'No file share was tested: type a UNC path such as \\\\server\\share to test one.',
        evidence: [],
      };
    }
    if (probe.state === 'failed') {
      return {
        status: 'unknown',
        summary: `The share test did not run: ${probe.reason}.`,
        evidence: [evidence(set, 'share-access', [])],
      };
    }
    const share = probe.facts;
    const proof = [evidence(set, 'share-access', [share.line])];
    if (!share.listed) {
      const text = FAILURE_TEXT[share.failure ?? 'other'];
      return {
        status: 'fail',
        summary: `${share.path}: ${text.summary}`,
        evidence: proof,
        remediation: share.message
          ? `${text.remediation} Windows said: "${share.message}"`
          : text.remediation,
        docs: [DOCS.cloudTrustDeploy],
      };
    }
    return openedShare(set, share, proof);
  },
};
