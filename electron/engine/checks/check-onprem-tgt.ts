import { adDomain, ENTRA_KERBEROS_REALM } from '../facts/ad-domain';
import { evidence, factsOf } from '../facts/fact-set';
import type { CheckOutcome } from '../types';
import type { CheckDefinition } from './check-definition';
import { DOCS } from './doc-links';
import { unknownUnlessAny } from './outcomes';

export const checkOnpremTgt: CheckDefinition = {
  id: 'onprem-tgt',
  title: 'Full Kerberos ticket for the AD domain',
  explanation:
    'A domain controller turns the cloud ticket into a full ticket-granting ticket (krbtgt/<AD domain>). With it, ' +
    'the user opens file shares and other on-premises resources without being asked for a password.',
  needs: ['klist-tickets'],
  dependsOn: ['cloud-tgt', 'dc-line-of-sight'],
  evaluate(set): CheckOutcome {
    const unknown = unknownUnlessAny(set, ['klist-tickets'], 'which Kerberos tickets the user holds');
    if (unknown) return { ...unknown, docs: [DOCS.cloudTrustDeploy] };
    const tickets = factsOf(set, 'klist-tickets')?.tickets ?? [];
    const domain = adDomain(set);
    const tgts = tickets.filter(
      (t) => t.service === 'krbtgt' && t.target.toUpperCase() !== ENTRA_KERBEROS_REALM,
    );
    const tgt = tgts.find((t) => !domain || t.target.toLowerCase() === domain) ?? tgts[0];
    if (tgt) {
      const from = tgt.kdcCalled ? ` from ${tgt.kdcCalled}` : '';
      return {
        status: 'pass',
        summary: `The user holds a ticket-granting ticket for ${tgt.target}${from}.`,
        evidence: [
          evidence(
            set,
            'klist-tickets',
            tgt.lines.slice(0, 3).concat(tgt.lines.filter((l) => /kdc/i.test(l))),
          ),
        ],
      };
    }
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
        'Open a file share to make Windows exchange the cloud ticket, then check again. If the ticket still does ' +
        'not appear, clear the ticket cache (klist purge), lock the device and sign in with the PIN.',
      fixes: ['purge-tickets', 'lock-and-sign-in-with-pin'],
      docs: [DOCS.cloudTrustDeploy],
    };
  },
};
