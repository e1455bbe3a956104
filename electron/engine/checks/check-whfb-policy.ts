import { derivePolicy, describeSource } from '../facts/derive-policy';
import { evidence, factsOf } from '../facts/fact-set';
import type { CheckOutcome } from '../types';
import type { CheckDefinition } from './check-definition';
import { DOCS } from './doc-links';
import { latestProvisioningEvent } from './provisioning-event';

export const checkWhfbPolicy: CheckDefinition = {
  id: 'whfb-policy',
  title: 'Windows Hello for Business enabled',
  explanation:
    'Windows Hello for Business must be turned on for this device or user: tenant-wide in Intune, by an Intune ' +
    'policy, or by Group Policy. Without it, no Hello container is created.',
  needs: ['policy-mdm', 'policy-gpo-machine', 'policy-gpo-user', 'events-udr', 'dsregcmd-status'],
  dependsOn: [],
  evaluate(set): CheckOutcome {
    const policy = derivePolicy(set);
    const setting = policy.helloEnabled;
    const docs = [DOCS.configureHello];
    if (setting) {
      const proof = [evidence(set, setting.probeId, [setting.keyPath, setting.line])];
      return setting.value === 1
        ? { status: 'pass', summary: `Enabled by ${describeSource(setting.source)}.`, evidence: proof, docs }
        : {
            status: 'fail',
            summary: `Turned off by ${describeSource(setting.source)}.`,
            evidence: proof,
            remediation:
              'Enable Windows Hello for Business in the policy that turns it off, then sync the device.',
            fixes: ['sync-device-policy'],
            docs,
          };
    }
    // No policy value: tenant-wide enrollment settings don't write these keys; ask Windows itself.
    const prereq = factsOf(set, 'dsregcmd-status')?.ngcPrereq.policyEnabled;
    const event = latestProvisioningEvent(set);
    const eventItem = event?.item(/hello for business policy is enabled/i);
    const enabled = prereq?.value ?? (eventItem ? /^yes/i.test(eventItem.value) : undefined);
    const proof = [
      evidence(set, 'dsregcmd-status', [prereq?.line]),
      ...(eventItem ? [evidence(set, 'events-udr', [eventItem.line])] : []),
    ];
    if (enabled === true) {
      return {
        status: 'pass',
        summary: 'Enabled (no local policy value; Windows reports the policy as enabled, e.g. tenant-wide).',
        evidence: proof,
        docs,
      };
    }
    if (enabled === false) {
      return {
        status: 'fail',
        summary: 'Windows Hello for Business is not enabled for this device or user.',
        evidence: [...proof, ...policy.settings.slice(0, 1).map((s) => evidence(set, s.probeId, [s.line]))],
        remediation:
          'Enable Windows Hello for Business (Intune: Devices › Enrollment › Windows Hello for Business, or a ' +
          'Settings Catalog / Account Protection policy; or Group Policy), then sync the device and sign in again.',
        fixes: ['sync-device-policy'],
        docs,
      };
    }
    return {
      status: 'unknown',
      summary: policy.incomplete
        ? `Can't tell whether Hello is enabled: ${policy.missingReasons[0]}.`
        : 'No Hello policy value was found and Windows did not report the policy state.',
      evidence: proof,
      docs,
    };
  },
};
