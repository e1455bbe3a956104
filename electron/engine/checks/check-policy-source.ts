import type { CheckOutcome } from '@contract/types';
import { derivePolicy, describeSource } from '../facts/derive-policy';
import { evidence } from '../facts/fact-set';
import type { CheckDefinition } from './check-definition';
import { DOCS } from './doc-links';

export const checkPolicySource: CheckDefinition = {
  id: 'policy-source',
  title: 'Where Hello is configured',
  explanation:
    'Hello can be configured by Group Policy or by Intune (MDM). When both set the same setting, Windows applies ' +
    'the Group Policy value and not the Intune one, which surprises people who changed only Intune.',
  needs: ['policy-mdm', 'policy-gpo-machine', 'policy-gpo-user'],
  dependsOn: [],
  critical: false,
  evaluate(set): CheckOutcome {
    const policy = derivePolicy(set);
    const docs = [DOCS.configureHello];
    const lines = (prefix: string) => policy.settings.filter((s) => s.source.startsWith(prefix));
    if (policy.gpoConfigured && policy.mdmConfigured) {
      const gpo = lines('gpo');
      const mdm = lines('mdm');
      return {
        status: 'warn',
        summary:
          policy.overriddenByGpo.length > 0
            ? `Both Group Policy and Intune configure Hello: Group Policy overrides ${[...new Set(policy.overriddenByGpo.map((s) => s.name))].join(', ')} from Intune.`
            : 'Both Group Policy and Intune configure Hello (different settings); the conflicting ones would not be applied from Intune.',
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
        summary: 'No Hello policy values on the device (Hello may be enabled tenant-wide, at enrollment).',
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
