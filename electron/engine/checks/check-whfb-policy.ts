import type { CheckOutcome } from '@contract/types';
import { derivePolicy, describeSource } from '../facts/derive-policy';
import { evidence } from '../facts/fact-set';
import type { CheckDefinition } from './check-definition';
import { DOCS } from './doc-links';
import { windowsPolicyView } from './windows-policy-view';

const ENABLE =
  'Enable Windows Hello for Business (Intune: Devices › Enrollment › Windows Hello for Business, or a Settings ' +
  'Catalog / Account Protection policy; or Group Policy), then sync the device and sign in again.';

const USER_SCOPE_REGRESSION =
  ' The value is written for the user: on Windows 11 24H2 with the mid-2025 updates (KB5060842, KB5062553) a Hello ' +
  'policy assigned to users stopped applying; install a later cumulative update (KB5065789 or newer) or assign the ' +
  'policy to devices. (Community-reported, not in Microsoft documentation.)';

export const checkWhfbPolicy: CheckDefinition = {
  id: 'whfb-policy',
  title: 'Hello for Business policy',
  explanation:
    'Windows Hello for Business must be turned on for this device or user: tenant-wide in Intune, by an Intune ' +
    'policy, or by Group Policy. Without it, no Hello container is created. What Windows reports (dsregcmd ' +
    'PolicyEnabled, event 358) decides whether the policy is applied.',
  needs: ['policy-mdm', 'policy-gpo-machine', 'policy-gpo-user', 'events-udr', 'dsregcmd-status'],
  dependsOn: ['user-context'],
  critical: true,
  evaluate(set): CheckOutcome {
    const policy = derivePolicy(set);
    const setting = policy.helloEnabled;
    const windows = windowsPolicyView(set, /hello for business policy is enabled/i, 'policyEnabled');
    const docs = [DOCS.configureHello];
    const registryProof = setting ? [evidence(set, setting.probeId, [setting.keyPath, setting.line])] : [];
    if (setting?.value === 0) {
      return {
        status: 'fail',
        summary: `Turned off by ${describeSource(setting.source)}.`,
        evidence: [...registryProof, ...windows.evidence],
        remediation:
          'Enable Windows Hello for Business in the policy that turns it off, then sync the device.',
        fixes: ['sync-device-policy'],
        docs,
        explainedBy: [],
      };
    }
    if (setting && windows.enabled === false) {
      return {
        status: 'fail',
        summary: `The registry enables Hello (${describeSource(setting.source)}), but Windows reports the policy as not enabled.`,
        evidence: [...registryProof, ...windows.evidence],
        remediation:
          'Windows does not apply the value it received.' +
          (setting.source === 'mdm-user'
            ? USER_SCOPE_REGRESSION
            : ' Sync the device, sign out and in, and check again.'),
        fixes: ['sync-device-policy'],
        docs,
        explainedBy: [],
      };
    }
    if (setting) {
      return {
        status: 'pass',
        summary: `Enabled by ${describeSource(setting.source)}${windows.enabled ? ', and Windows reports it as enabled' : ''}.`,
        evidence: [...registryProof, ...windows.evidence],
        docs,
      };
    }
    // No policy value: tenant-wide enrollment settings don't write these keys; ask Windows itself.
    const foreign = policy.foreignTenant.find((s) =>
      ['usepassportforwork', 'enabled'].includes(s.name.toLowerCase()),
    );
    if (windows.enabled === true) {
      return {
        status: 'pass',
        summary: 'Enabled (no local policy value; Windows reports the policy as enabled, e.g. tenant-wide).',
        evidence: windows.evidence,
        docs,
      };
    }
    if (windows.enabled === false) {
      return {
        status: 'fail',
        summary: foreign
          ? `Not enabled: the Hello policy on this device is written under another tenant's id (${foreign.tenantId}).`
          : 'Windows Hello for Business is not enabled for this device or user.',
        evidence: [
          ...windows.evidence,
          ...(foreign ? [evidence(set, foreign.probeId, [foreign.keyPath, foreign.line])] : []),
        ],
        remediation: ENABLE,
        fixes: ['sync-device-policy'],
        docs,
        explainedBy: [],
      };
    }
    return {
      status: 'unknown',
      summary: policy.incomplete
        ? `Can't tell whether Hello is enabled: ${policy.missingReasons[0]}.`
        : 'No Hello policy value was found and Windows did not report the policy state.',
      evidence: windows.evidence,
      docs,
    };
  },
};
