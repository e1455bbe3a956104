import type { ProbeId } from '@contract/types';
import type { RegistryFacts } from '../parsers/parse-registry';
import { type FactSet, factsOf } from './fact-set';

export type PolicySource = 'gpo-user' | 'gpo-machine' | 'mdm-user' | 'mdm-device';

export interface PolicySetting {
  name: string;
  value: number;
  source: PolicySource;
  probeId: ProbeId;
  keyPath: string;
  line: string;
  /** MDM only: the tenant id in the key path (PassportForWork\<TenantId>\...). */
  tenantId?: string;
}

/** Hello for Business policy as this device applies it (Microsoft Learn, "Configure Windows Hello for Business"). */
export interface PolicyView {
  /** Every PassportForWork value that applies to this tenant, in precedence order (user GPO first). */
  settings: PolicySetting[];
  /** Which delivery channels configure anything. */
  gpoConfigured: boolean;
  mdmConfigured: boolean;
  /** The effective values after precedence (and the device-only rule for cloud and certificate trust). */
  helloEnabled?: PolicySetting;
  cloudTrust?: PolicySetting;
  certTrust?: PolicySetting;
  /** UseCloudTrustForOnPremAuth set only under a user-SID path (Intune Account Protection pitfall). */
  cloudTrustOnlyInUserScope?: PolicySetting;
  /** UseCertificateForOnPremAuth set for the user only: not read at logon (the CSP lists it as device-only). */
  certTrustUserScope?: PolicySetting;
  /** Intune values not applied because Group Policy sets the same setting (conflicting CSP settings). */
  overriddenByGpo: PolicySetting[];
  /** Intune values written under another tenant's id than the one the device is joined to. */
  foreignTenant: PolicySetting[];
  /** The device's tenant id from dsregcmd, when known. */
  deviceTenantId?: string;
  /** True when one of the three policy probes could not be read. */
  incomplete: boolean;
  missingReasons: string[];
}

const PRECEDENCE: PolicySource[] = ['gpo-user', 'gpo-machine', 'mdm-user', 'mdm-device'];
const PROBE_OF: Record<'gpo-user' | 'gpo-machine' | 'mdm', ProbeId> = {
  'gpo-user': 'policy-gpo-user',
  'gpo-machine': 'policy-gpo-machine',
  mdm: 'policy-mdm',
};
const HELLO_ENABLED_NAMES = ['usepassportforwork', 'enabled'];
const CLOUD_TRUST = 'usecloudtrustforonpremauth';
const CERT_TRUST = 'usecertificateforonpremauth';

/** MDM device scope: ...\PassportForWork\<TenantId>\Device\Policies; user scope: ...\<TenantId>\<UserSid>\Policies. */
function mdmScope(path: string): { source: 'mdm-device' | 'mdm-user'; tenantId: string } | null {
  const match = /\\PassportForWork\\([^\\]+)\\([^\\]+)\\Policies$/i.exec(path);
  if (!match?.[1] || !match[2]) return null;
  if (match[2].toLowerCase() === 'device') return { source: 'mdm-device', tenantId: match[1] };
  return /^S-1-/i.test(match[2]) ? { source: 'mdm-user', tenantId: match[1] } : null;
}

/** GPO values live directly on the PassportForWork key (subkeys hold PIN complexity etc.). */
function isGpoRoot(path: string): boolean {
  return /\\Policies\\Microsoft\\PassportForWork$/i.test(path);
}

function collect(
  facts: RegistryFacts | undefined,
  probeId: ProbeId,
  scopeOf: (path: string) => { source: PolicySource; tenantId?: string } | null,
) {
  const found: PolicySetting[] = [];
  for (const key of facts?.keys ?? []) {
    const scope = scopeOf(key.path);
    if (!scope) continue;
    for (const value of key.values) {
      if (typeof value.data !== 'number') continue;
      found.push({
        name: value.name,
        value: value.data,
        source: scope.source,
        probeId,
        keyPath: key.path,
        line: value.line,
        ...(scope.tenantId ? { tenantId: scope.tenantId } : {}),
      });
    }
  }
  return found;
}

const DEVICE_ONLY = [CLOUD_TRUST, CERT_TRUST];

/** One name per setting: the GPO's `Enabled` is the CSP's `UsePassportForWork`. */
function settingKey(name: string): string {
  const lower = name.toLowerCase();
  return HELLO_ENABLED_NAMES.includes(lower) ? 'usepassportforwork' : lower;
}

const isDeviceScope = (s: PolicySetting) => s.source === 'gpo-machine' || s.source === 'mdm-device';
const isUserScope = (s: PolicySetting) => !isDeviceScope(s);
const named = (s: PolicySetting, names: string[]) => names.includes(s.name.toLowerCase());

/** Five checks and the trust model read the policy: derive it once per fact set. */
export function derivePolicy(set: FactSet): PolicyView {
  const known = derived.get(set);
  if (known) return known;
  const view = derive(set);
  derived.set(set, view);
  return view;
}

const derived = new WeakMap<FactSet, PolicyView>();

function derive(set: FactSet): PolicyView {
  const missingReasons: string[] = [];
  for (const id of Object.values(PROBE_OF)) {
    const probe = set.probes[id];
    if (probe.state !== 'ok') missingReasons.push(probe.reason);
  }
  const gpoOnly = (source: PolicySource) => (p: string) => (isGpoRoot(p) ? { source } : null);
  const all = [
    ...collect(factsOf(set, 'policy-gpo-user'), 'policy-gpo-user', gpoOnly('gpo-user')),
    ...collect(factsOf(set, 'policy-gpo-machine'), 'policy-gpo-machine', gpoOnly('gpo-machine')),
    ...collect(factsOf(set, 'policy-mdm'), 'policy-mdm', mdmScope),
  ].sort((a, b) => PRECEDENCE.indexOf(a.source) - PRECEDENCE.indexOf(b.source));

  // The CSP path carries the tenant id: values under another tenant's id do not apply here.
  const deviceTenantId = factsOf(set, 'dsregcmd-status')?.tenantId?.value;
  const foreign = (s: PolicySetting) =>
    s.tenantId !== undefined &&
    deviceTenantId !== undefined &&
    s.tenantId.toLowerCase() !== deviceTenantId.toLowerCase();
  const foreignTenant = all.filter(foreign);
  const settings = all.filter((s) => !foreign(s));

  const gpoConfigured = settings.some((s) => s.source.startsWith('gpo'));
  const mdmConfigured = settings.some((s) => s.source.startsWith('mdm'));
  // Group Policy wins per setting: the conflicting CSP values are not applied. A device-only
  // setting conflicts only with the computer GPO (a user GPO value of it has no effect).
  const overrides = (mdm: PolicySetting, gpo: PolicySetting) =>
    settingKey(gpo.name) === settingKey(mdm.name) &&
    (!DEVICE_ONLY.includes(settingKey(mdm.name)) || gpo.source === 'gpo-machine');
  const gpoSettings = settings.filter((s) => s.source.startsWith('gpo'));
  const overriddenByGpo = settings.filter(
    (s) => s.source.startsWith('mdm') && gpoSettings.some((g) => overrides(s, g)),
  );
  const applied = settings.filter((s) => !overriddenByGpo.includes(s));
  const first = (names: string[], from = applied) => from.find((s) => named(s, names));

  // Cloud trust and certificate trust are device settings: a user-scope value has no effect.
  const deviceScoped = applied.filter(isDeviceScope);
  const cloudTrust = first([CLOUD_TRUST], deviceScoped);
  const userScopeCloudTrust = first([CLOUD_TRUST], settings.filter(isUserScope));
  const certTrust = first([CERT_TRUST], deviceScoped);
  const userScopeCert = first([CERT_TRUST], settings.filter(isUserScope));

  return {
    settings,
    gpoConfigured,
    mdmConfigured,
    helloEnabled: first(HELLO_ENABLED_NAMES),
    cloudTrust,
    certTrust,
    cloudTrustOnlyInUserScope:
      !cloudTrust && userScopeCloudTrust?.value === 1 ? userScopeCloudTrust : undefined,
    certTrustUserScope: userScopeCert?.value === 1 ? userScopeCert : undefined,
    overriddenByGpo,
    foreignTenant,
    ...(deviceTenantId ? { deviceTenantId } : {}),
    incomplete: missingReasons.length > 0,
    missingReasons,
  };
}

export function describeSource(source: PolicySource): string {
  switch (source) {
    case 'gpo-user':
      return 'user Group Policy';
    case 'gpo-machine':
      return 'computer Group Policy';
    case 'mdm-user':
      return 'Intune/MDM user policy';
    case 'mdm-device':
      return 'Intune/MDM device policy';
  }
}
