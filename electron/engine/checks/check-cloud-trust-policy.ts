import type { CheckOutcome, DocLink, EvidenceItem } from '@contract/types';
import { derivePolicy, describeSource, type PolicySetting } from '../facts/derive-policy';
import { evidence, type FactSet } from '../facts/fact-set';
import type { CheckDefinition } from './check-definition';
import { DOCS } from './doc-links';
import { windowsPolicyView } from './windows-policy-view';

const HOW_TO_SET =
  'In Intune, set "Use Cloud Trust For On Prem Auth" to Enabled in a Settings Catalog profile assigned to ' +
  'devices (or the OMA-URI ./Device/Vendor/MSFT/PassportForWork/{TenantId}/Policies/UseCloudTrustForOnPremAuth ' +
  'with this tenant\'s id); with Group Policy, enable "Use cloud trust for on-premises authentication". Then sync ' +
  'the device and sign in again.';

const CLOUD_TRUST = 'usecloudtrustforonpremauth';

function proofOf(set: FactSet, setting: PolicySetting): EvidenceItem {
  return evidence(set, setting.probeId, [setting.keyPath, setting.line]);
}

type Policy = ReturnType<typeof derivePolicy>;
type WindowsView = ReturnType<typeof windowsPolicyView>;

/** A device value for cloud trust was found: on (and applied, or not), or off and by whom. */
function fromDeviceSetting(
  set: FactSet,
  setting: PolicySetting,
  overridden: PolicySetting[],
  windows: WindowsView,
  docs: DocLink[],
): CheckOutcome {
  if (setting?.value === 1 && windows.enabled === false) {
    return {
      status: 'fail',
      summary: `The registry turns cloud trust on (${describeSource(setting.source)}), but Windows reported it as not enabled at the last sign-in.`,
      evidence: [proofOf(set, setting), ...windows.evidence],
      remediation:
        'Windows did not apply the value. If it arrived after that sign-in, sign out and in and check again; if ' +
        'event 358 still says "Cloud trust for on premise auth policy is enabled: No", check the policy\'s ' +
        `assignment and path. ${HOW_TO_SET}`,
      fixes: ['sync-device-policy'],
      docs,
    };
  }
  if (setting?.value === 1) {
    return {
      status: 'pass',
      summary: `Cloud trust for on-premises authentication is on (${describeSource(setting.source)}).`,
      evidence: [proofOf(set, setting), ...windows.evidence],
      docs,
    };
  }
  {
    const ignored = overridden.find((s) => s.value === 1);
    return {
      status: 'fail',
      summary: ignored
        ? `Cloud trust is on in Intune, but ${describeSource(setting.source)} turns it off, and Group Policy wins.`
        : `Cloud trust for on-premises authentication is turned off by ${describeSource(setting.source)}.`,
      evidence: [proofOf(set, setting), ...(ignored ? [proofOf(set, ignored)] : []), ...windows.evidence],
      remediation: ignored
        ? 'When Group Policy and Intune set the same Hello setting, Windows applies the Group Policy one. Configure ' +
          'Hello in one place only, or enable "Use cloud trust for on-premises authentication" in the Group Policy.'
        : HOW_TO_SET,
      fixes: ['sync-device-policy'],
      docs: ignored ? [...docs, DOCS.configureHello] : docs,
    };
  }
}

/** No device value: written under another tenant or for the user, or only what Windows reported. */
function withoutDeviceSetting(
  set: FactSet,
  policy: Policy,
  windows: WindowsView,
  docs: DocLink[],
): CheckOutcome {
  const foreign = policy.foreignTenant.find((s) => s.name.toLowerCase() === CLOUD_TRUST && s.value === 1);
  if (foreign) {
    return {
      status: 'fail',
      summary: `Cloud trust is written under another tenant's id (${foreign.tenantId}); this device is joined to ${policy.deviceTenantId}, so Windows ignores it.`,
      evidence: [
        proofOf(set, foreign),
        evidence(set, 'dsregcmd-status', [], `the device's TenantId is ${policy.deviceTenantId}`),
        ...windows.evidence,
      ],
      remediation:
        'A custom OMA-URI must carry the tenant id of the tenant the device is joined to ' +
        '(./Device/Vendor/MSFT/PassportForWork/<TenantId>/Policies/UseCloudTrustForOnPremAuth). Correct the id, or ' +
        `use the Settings Catalog setting instead. ${HOW_TO_SET}`,
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
      evidence: [proofOf(set, userScoped), ...windows.evidence],
      remediation:
        'An Intune Account Protection policy writes its values for the user, but cloud trust is a device-only ' +
        `setting. ${HOW_TO_SET}`,
      fixes: ['sync-device-policy'],
      docs,
    };
  }
  if (windows.enabled === true) {
    return {
      status: 'pass',
      summary: policy.incomplete
        ? 'Windows reported the cloud trust policy as enabled at the last sign-in (the policy registry was not fully read).'
        : 'Windows reported the cloud trust policy as enabled at the last sign-in, though no registry value was found.',
      evidence: windows.evidence,
      docs,
    };
  }
  if (policy.incomplete && windows.enabled === undefined) {
    return {
      status: 'unknown',
      summary: `Can't tell whether the cloud trust policy is applied: ${policy.missingReasons[0]}.`,
      evidence: windows.evidence,
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
      ...windows.evidence,
    ],
    remediation: HOW_TO_SET,
    fixes: ['sync-device-policy'],
    docs,
  };
}

export const checkCloudTrustPolicy: CheckDefinition = {
  id: 'cloud-trust-policy',
  title: 'Cloud trust policy',
  explanation:
    'The policy "Use cloud trust for on-premises authentication" tells Windows to get Kerberos tickets for the ' +
    'on-premises domain from Microsoft Entra ID. It is a device setting: a value written for a user, or under ' +
    "another tenant's id, has no effect. Event 358 shows whether Windows applied it at the last sign-in.",
  needs: ['policy-mdm', 'policy-gpo-machine', 'policy-gpo-user', 'events-udr', 'dsregcmd-status'],
  dependsOn: [],
  critical: true,
  evaluate(set): CheckOutcome {
    const policy = derivePolicy(set);
    const windows = windowsPolicyView(set, /cloud trust for on premise auth/i);
    const docs = [DOCS.cloudTrustDeploy, DOCS.passportCsp];
    const setting = policy.cloudTrust;
    const overridden = policy.overriddenByGpo.filter((s) => s.name.toLowerCase() === CLOUD_TRUST);
    if (setting) return fromDeviceSetting(set, setting, overridden, windows, docs);
    return withoutDeviceSetting(set, policy, windows, docs);
  },
};
