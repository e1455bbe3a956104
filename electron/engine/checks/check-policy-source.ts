import { derivePolicy, describeSource } from '../facts/derive-policy';
import { evidence } from '../facts/fact-set';
import type { CheckOutcome } from '../types';
import type { CheckDefinition } from './check-definition';
import { DOCS } from './doc-links';

export const checkPolicySource: CheckDefinition = {
  id: 'policy-source',
  title: 'Hello configured in one place',
  explanation:
    'Hello can be configured by Group Policy or by Intune (MDM). When both configure it, Windows applies Group ' +
    'Policy and ignores the Intune settings, which surprises people who changed only Intune.',
  needs: ['policy-mdm', 'policy-gpo-machine', 'policy-gpo-user'],
  dependsOn: ['whfb-policy'],
  evaluate(set): CheckOutcome {
    const policy = derivePolicy(set);
    const docs = [DOCS.configureHello];
    const lines = (prefix: string) => policy.settings.filter((s) => s.source.startsWith(prefix));
    if (policy.gpoConfigured && policy.mdmConfigured) {
      const gpo = lines('gpo');
      const mdm = lines('mdm');
      return {
        status: 'warn',
        summary: 'Both Group Policy and Intune configure Hello: the Intune (CSP) settings are not applied.',
        evidence: [
          evidence(
            set,
            'policy-gpo-machine',
            gpo.filter((s) => s.probeId === 'policy-gpo-machine').map((s) => s.line),
          ),
          evidence(
            set,
            'policy-gpo-user',
            gpo.filter((s) => s.probeId === 'policy-gpo-user').map((s) => s.line),
          ),
          evidence(
            set,
            'policy-mdm',
            mdm.map((s) => s.line),
          ),
        ].filter((item) => item.lines.length > 0),
        remediation:
          'Configure Windows Hello for Business in one place: remove the Group Policy or the Intune profile.',
        docs,
      };
    }
    if (policy.incomplete) {
      return {
        status: 'unknown',
        summary: `Can't tell where Hello is configured: ${policy.missingReasons[0]}.`,
        evidence: [],
        docs,
      };
    }
    const sources = [...new Set(policy.settings.map((s) => describeSource(s.source)))];
    if (sources.length === 0) {
      return {
        status: 'pass',
        summary: 'No Hello policy values on the device (tenant-wide settings apply).',
        evidence: [],
      };
    }
    return {
      status: 'pass',
      summary: `Hello is configured by ${sources.join(' and ')} only.`,
      evidence: [evidence(set, policy.settings[0]?.probeId ?? 'policy-mdm', [policy.settings[0]?.keyPath])],
    };
  },
};
