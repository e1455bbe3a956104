import { derivePolicy, describeSource } from '../facts/derive-policy';
import { evidence } from '../facts/fact-set';
import type { CheckOutcome } from '../types';
import type { CheckDefinition } from './check-definition';
import { DOCS } from './doc-links';
import { latestProvisioningEvent } from './provisioning-event';

const HOW_TO_SET =
  'In Intune, set "Use Cloud Trust For On Prem Auth" to Enabled in a Settings Catalog profile assigned to ' +
  'devices (or the OMA-URI ./Device/Vendor/MSFT/PassportForWork/{TenantId}/Policies/UseCloudTrustForOnPremAuth); ' +
  'with Group Policy, enable "Use cloud trust for on-premises authentication". Then sync the device and sign in again.';

export const checkCloudTrustPolicy: CheckDefinition = {
  id: 'cloud-trust-policy',
  title: 'Cloud Kerberos trust policy applied',
  explanation:
    'The policy "Use cloud trust for on-premises authentication" tells Windows to get Kerberos tickets for the ' +
    'on-premises domain from Microsoft Entra ID. It is a device setting: a value written for a user has no effect.',
  needs: ['policy-mdm', 'policy-gpo-machine', 'policy-gpo-user', 'events-udr'],
  dependsOn: ['whfb-policy'],
  evaluate(set): CheckOutcome {
    const policy = derivePolicy(set);
    const eventItem = latestProvisioningEvent(set)?.item(/cloud trust for on premise auth/i);
    const eventProof = eventItem ? [evidence(set, 'events-udr', [eventItem.line])] : [];
    const docs = [DOCS.cloudTrustDeploy, DOCS.passportCsp];
    const setting = policy.cloudTrust;
    if (setting?.value === 1) {
      return {
        status: 'pass',
        summary: `Cloud trust for on-premises authentication is on (${describeSource(setting.source)}).`,
        evidence: [evidence(set, setting.probeId, [setting.keyPath, setting.line]), ...eventProof],
        docs,
      };
    }
    if (setting) {
      return {
        status: 'fail',
        summary: `Cloud trust for on-premises authentication is turned off by ${describeSource(setting.source)}.`,
        evidence: [evidence(set, setting.probeId, [setting.keyPath, setting.line]), ...eventProof],
        remediation: HOW_TO_SET,
        fixes: ['sync-device-policy'],
        docs,
      };
    }
    const userScoped = policy.cloudTrustOnlyInUserScope;
    if (userScoped) {
      return {
        status: 'fail',
        summary:
          'Cloud trust is set for the user only, where Windows ignores it (typical of an Account Protection policy).',
        evidence: [evidence(set, userScoped.probeId, [userScoped.keyPath, userScoped.line]), ...eventProof],
        remediation:
          'An Intune Account Protection policy writes its values for the user, but cloud trust is a device-only ' +
          `setting. ${HOW_TO_SET}`,
        fixes: ['sync-device-policy'],
        docs,
      };
    }
    const ignoredMdm = policy.settings.find(
      (s) =>
        s.source === 'mdm-device' &&
        s.name.toLowerCase() === 'usecloudtrustforonpremauth' &&
        policy.gpoConfigured,
    );
    if (ignoredMdm) {
      return {
        status: 'fail',
        summary:
          'Cloud trust is set in Intune, but Group Policy also configures Hello, so the Intune value is ignored.',
        evidence: [evidence(set, ignoredMdm.probeId, [ignoredMdm.keyPath, ignoredMdm.line]), ...eventProof],
        remediation:
          'When Group Policy configures Windows Hello for Business, Windows does not apply the Intune (CSP) ' +
          'settings. Configure Hello in one place only, or enable "Use cloud trust for on-premises authentication" ' +
          'in the Group Policy too.',
        fixes: ['sync-device-policy'],
        docs: [...docs, DOCS.configureHello],
      };
    }
    if (policy.incomplete) {
      if (eventItem && /^yes/i.test(eventItem.value)) {
        return {
          status: 'pass',
          summary: 'Windows reports the cloud trust policy as enabled.',
          evidence: eventProof,
          docs,
        };
      }
      return {
        status: 'unknown',
        summary: `Can't tell whether the cloud trust policy is applied: ${policy.missingReasons[0]}.`,
        evidence: eventProof,
        docs,
      };
    }
    return {
      status: 'fail',
      summary:
        'The cloud trust policy is not configured, so Hello uses key trust instead of cloud Kerberos trust.',
      evidence: [
        evidence(
          set,
          'policy-mdm',
          policy.settings.filter((s) => s.probeId === 'policy-mdm').map((s) => s.line),
        ),
        ...eventProof,
      ],
      remediation: HOW_TO_SET,
      fixes: ['sync-device-policy'],
      docs,
    };
  },
};
