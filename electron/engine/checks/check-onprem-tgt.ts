import type { CheckOutcome, DocLink, EvidenceItem } from '@contract/types';
import { adDomain, domainTgts } from '../facts/ad-domain';
import { evidence, type FactSet, factsOf } from '../facts/fact-set';
import { userScopeCaveat } from '../facts/run-context';
import { sessionAuthOf } from '../facts/session-auth';
import type { CheckDefinition } from './check-definition';
import { DOCS } from './doc-links';
import { unknownUnlessAny } from './outcomes';

type DomainTgt = ReturnType<typeof domainTgts>[number];

/** The user holds the domain TGT: whether it came from the cloud ticket is the session's trust model. */
function byTrustModel(set: FactSet, tgt: DomainTgt, docs: DocLink[]): CheckOutcome {
  const from = tgt.kdcCalled ? ` from ${tgt.kdcCalled}` : '';
  const ticketProof = evidence(
    set,
    'klist-tickets',
    tgt.lines.slice(0, 3).concat(tgt.lines.filter((l) => /kdc/i.test(l))),
  );
  const auth = sessionAuthOf(set);
  const decisive: EvidenceItem[] = auth.signals
    .filter((s) => s.decisive)
    .map((s) => evidence(set, s.probeId, [s.line], s.says));
  switch (auth.trustModel) {
    case 'cloud-kerberos-trust':
      return {
        status: 'pass',
        summary: `The user holds a ticket-granting ticket for ${tgt.target}${from}, exchanged from the cloud ticket.`,
        evidence: [ticketProof, ...decisive],
      };
    case 'key-trust':
      return {
        status: 'fail',
        summary: `The ticket for ${tgt.target}${from} came from key trust, not from cloud Kerberos trust: ${auth.trustReason}`,
        evidence: [ticketProof, ...decisive],
        remediation:
          'Windows fell back to key trust: typical when the cloud trust policy is not applied, when a hybrid device ' +
          'signed in without a domain controller in reach, or when the exchange failed. Fix the steps above, then ' +
          'lock the device and sign in with the PIN while a domain controller is reachable. (The key trust SID as ' +
          'proof of a key-trust logon is an inference to confirm on the device: see the docs.)',
        fixes: ['lock-and-sign-in-with-pin'],
        docs,
      };
    case 'certificate-trust':
      return {
        status: 'fail',
        summary: `The ticket for ${tgt.target}${from} came from a certificate-trust sign-in, not from cloud Kerberos trust.`,
        evidence: [ticketProof, ...decisive],
        docs,
      };
    case 'none':
      return {
        status: 'fail',
        summary: `The ticket for ${tgt.target}${from} does not come from cloud Kerberos trust: ${auth.trustReason}`,
        evidence: [ticketProof, ...decisive],
        remediation: 'Lock the device and sign in with the Hello PIN or biometrics, then check again.',
        fixes: ['lock-and-sign-in-with-pin'],
        docs,
      };
    default:
      return {
        status: 'unknown',
        summary: `The user holds a ticket for ${tgt.target}${from}, but it is not known whether it came from cloud trust: ${auth.trustReason}`,
        evidence: [ticketProof, ...decisive],
        docs,
      };
  }
}

export const checkOnpremTgt: CheckDefinition = {
  id: 'onprem-tgt',
  title: 'Full TGT for the AD domain',
  explanation:
    'A domain controller turns the cloud ticket into a full ticket-granting ticket (krbtgt/<AD domain>). With it, ' +
    'the user opens file shares and other on-premises resources without being asked for a password. A password, ' +
    'key-trust or smart-card sign-in also gives such a ticket, so the step passes only when it came from the cloud ' +
    'ticket.',
  needs: ['klist-tickets', 'klist-cloud-debug', 'whoami-groups'],
  dependsOn: [
    'cloud-tgt',
    'hello-signin',
    'cloud-trust-policy',
    'cert-trust-conflict',
    'dc-line-of-sight',
    'clock-skew',
    'privileged-account',
    'entra-kerberos-keys',
  ],
  critical: true,
  evaluate(set): CheckOutcome {
    const docs = [DOCS.cloudTrustDeploy];
    const unknown = unknownUnlessAny(set, ['klist-tickets'], 'which Kerberos tickets the user holds');
    if (unknown) return { ...unknown, docs };
    const caveat = userScopeCaveat(set);
    if (caveat)
      return { status: 'unknown', summary: `Can't read the user's tickets: ${caveat}.`, evidence: [], docs };
    const tickets = factsOf(set, 'klist-tickets')?.tickets ?? [];
    const domain = adDomain(set);
    const tgts = domainTgts(set);
    const tgt = tgts.find((t) => !domain || t.target.toLowerCase() === domain) ?? tgts[0];
    if (!tgt) {
      return {
        status: 'fail',
        summary: `There is no ticket-granting ticket for ${domain?.toUpperCase() ?? 'the AD domain'} in this session.`,
        evidence: [
          evidence(
            set,
            'klist-tickets',
            [],
            `${tickets.length} ticket(s) in the cache, none krbtgt/<AD domain>.`,
          ),
        ],
        remediation:
          'When every step above passes, open a file share to make Windows exchange the cloud ticket, then check ' +
          'again. If the ticket still does not appear, lock the device and sign in with the PIN.',
        fixes: ['lock-and-sign-in-with-pin', 'purge-tickets'],
        docs,
      };
    }
    return byTrustModel(set, tgt, docs);
  },
};
