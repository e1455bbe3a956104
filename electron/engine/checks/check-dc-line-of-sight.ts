import type { CheckOutcome } from '@contract/types';
import { adDomain } from '../facts/ad-domain';
import { evidence, factsOf } from '../facts/fact-set';
import type { CheckDefinition } from './check-definition';
import { DOCS } from './doc-links';
import { unknownUnlessAny } from './outcomes';

const PATCHED_DCS =
  'Cloud Kerberos trust needs domain controllers that answer the key list request: Windows Server 2016 with ' +
  'KB4534307, 2019 with KB4534321, or 2022 and later, writable, in every site where users sign in.';

export const checkDcLineOfSight: CheckDefinition = {
  id: 'dc-line-of-sight',
  title: 'Domain controller with key list support',
  explanation:
    'The cloud ticket is exchanged for a full ticket at a writable domain controller that supports the key list ' +
    'request (Windows Server 2016 or later, patched). The device must reach one, for example over VPN. A hybrid ' +
    'joined device also needs one for the first sign-in after Hello is set up.',
  needs: ['nltest-dsgetdc', 'nltest-dsgetdc-kdc', 'dsregcmd-status'],
  dependsOn: [],
  critical: true,
  evaluate(set): CheckOutcome {
    const docs = [DOCS.cloudTrustDeploy, DOCS.entraKerberosServer];
    const unknown = unknownUnlessAny(set, ['nltest-dsgetdc'], 'whether a domain controller is reachable');
    if (unknown) return { ...unknown, docs };
    const keylist = factsOf(set, 'nltest-dsgetdc');
    const anyKdc = factsOf(set, 'nltest-dsgetdc-kdc');
    const domain = adDomain(set) ?? 'the AD domain';
    const hybrid = factsOf(set, 'dsregcmd-status')?.domainJoined?.value === true;
    if (keylist?.failure || !keylist?.dc) {
      const failed = evidence(set, 'nltest-dsgetdc', [keylist?.failure?.line]);
      // /keylist is a required filter: the second query without it tells the two causes apart.
      if (anyKdc?.dc && !anyKdc.failure) {
        return {
          status: 'fail',
          summary: `Domain controller ${anyKdc.dc.value} answered, but no domain controller for ${domain} supports the key list request.`,
          evidence: [failed, evidence(set, 'nltest-dsgetdc-kdc', [anyKdc.dc.line, anyKdc.flags?.line])],
          remediation: `The network is fine; the domain controllers are not ready. ${PATCHED_DCS}`,
          docs,
          explainedBy: [],
        };
      }
      const bothFailed = anyKdc?.failure !== undefined;
      return {
        status: 'fail',
        summary: bothFailed
          ? `No domain controller for ${domain} answered: the device has no line of sight to the domain.`
          : `No domain controller for ${domain} with key list support answered: either none is in reach or none supports key list.`,
        evidence: [failed, evidence(set, 'nltest-dsgetdc-kdc', [anyKdc?.failure?.line])],
        remediation:
          (bothFailed
            ? 'Connect to the corporate network or VPN and run the checks again.'
            : `Connect to the corporate network or VPN and run the checks again; if a domain controller is in reach, check its version. ${PATCHED_DCS}`) +
          (hybrid
            ? ' A hybrid joined device that signs in without a domain controller in reach falls back to key trust for that session.'
            : ''),
        fixes: ['connect-vpn'],
        docs,
      };
    }
    const flags = keylist.flags?.value ?? [];
    const lines = [keylist.dc.line, keylist.flags?.line];
    if (!flags.includes('KEYLIST')) {
      return {
        status: 'warn',
        summary: `Reached ${keylist.dc.value}, but it did not announce key list support (KEYLIST).`,
        evidence: [evidence(set, 'nltest-dsgetdc', lines)],
        remediation: PATCHED_DCS,
        docs,
      };
    }
    if (keylist.flags && !flags.includes('WRITABLE')) {
      return {
        status: 'warn',
        summary: `Reached ${keylist.dc.value}, which supports key list but is read-only: the exchange needs a writable domain controller.`,
        evidence: [evidence(set, 'nltest-dsgetdc', lines)],
        remediation: PATCHED_DCS,
        docs,
      };
    }
    const site = keylist.dcSiteName ? ` (site ${keylist.dcSiteName.value})` : '';
    return {
      status: 'pass',
      summary: `Reached domain controller ${keylist.dc.value}${site}, which supports the key list request.`,
      evidence: [evidence(set, 'nltest-dsgetdc', lines)],
    };
  },
};
