import { adDomain } from '../facts/ad-domain';
import { evidence, factsOf } from '../facts/fact-set';
import type { CheckOutcome } from '../types';
import type { CheckDefinition } from './check-definition';
import { DOCS } from './doc-links';
import { unknownUnlessAny } from './outcomes';

export const checkDcLineOfSight: CheckDefinition = {
  id: 'dc-line-of-sight',
  title: 'Domain controller reachable',
  explanation:
    'The cloud ticket is exchanged for a full ticket at a domain controller that supports the key list request ' +
    '(Windows Server 2016 or later, patched). The device must reach one, for example over VPN. A hybrid joined ' +
    'device also needs one for the first sign-in after Hello is set up.',
  needs: ['nltest-dsgetdc', 'dsregcmd-status'],
  dependsOn: ['join-state'],
  evaluate(set): CheckOutcome {
    const docs = [DOCS.cloudTrustDeploy];
    const unknown = unknownUnlessAny(set, ['nltest-dsgetdc'], 'whether a domain controller is reachable');
    if (unknown) return { ...unknown, docs };
    const dc = factsOf(set, 'nltest-dsgetdc');
    const domain = adDomain(set) ?? 'the AD domain';
    const hybrid = factsOf(set, 'dsregcmd-status')?.domainJoined?.value === true;
    if (dc?.failure || !dc?.dc) {
      return {
        status: 'fail',
        summary: `No domain controller for ${domain} answered: the device has no line of sight to the domain.`,
        evidence: [evidence(set, 'nltest-dsgetdc', [dc?.failure?.line])],
        remediation:
          'Connect to the corporate network or VPN and run the checks again.' +
          (hybrid
            ? ' A hybrid joined device that signs in without a domain controller in reach falls back to key trust for that session.'
            : ''),
        fixes: ['connect-vpn'],
        docs,
      };
    }
    const flags = dc.flags?.value ?? [];
    const lines = [dc.dc.line, dc.flags?.line];
    if (!flags.includes('KEYLIST')) {
      return {
        status: 'warn',
        summary: `Reached ${dc.dc.value}, but it did not announce key list support (KEYLIST).`,
        evidence: [evidence(set, 'nltest-dsgetdc', lines)],
        remediation:
          'Cloud Kerberos trust needs domain controllers running Windows Server 2016 with KB4534307, 2019 with ' +
          'KB4534321, or 2022 and later, in every site where users sign in.',
        docs,
      };
    }
    const site = dc.dcSiteName ? ` (site ${dc.dcSiteName.value})` : '';
    return {
      status: 'pass',
      summary: `Reached domain controller ${dc.dc.value}${site}, which supports the key list request.`,
      evidence: [evidence(set, 'nltest-dsgetdc', lines)],
    };
  },
};
