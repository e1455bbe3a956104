import type { RegistryFacts } from '../parsers/parse-registry';
import type { ProbeId } from '../types';
import { type FactSet, factsOf } from './fact-set';

export type PolicySource = 'gpo-user' | 'gpo-machine' | 'mdm-user' | 'mdm-device';

export interface PolicySetting {
  name: string;
  value: number;
  source: PolicySource;
  probeId: ProbeId;
  keyPath: string;
  line: string;
}

/** Hello for Business policy as this device applies it (Microsoft Learn, "Configure Windows Hello for Business"). */
export interface PolicyView {
  /** Every PassportForWork value found, in precedence order (user GPO first). */
  settings: PolicySetting[];
  /** Which delivery channels configure anything. Both → CSP values are not applied. */
  gpoConfigured: boolean;
  mdmConfigured: boolean;
  /** The effective values after precedence (and the device-only rule for cloud trust). */
  helloEnabled?: PolicySetting;
  cloudTrust?: PolicySetting;
  certTrust?: PolicySetting;
  /** UseCloudTrustForOnPremAuth set only under a user-SID path (Intune Account Protection pitfall). */
  cloudTrustOnlyInUserScope?: PolicySetting;
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

/** MDM device scope: ...\PassportForWork\<TenantId>\Device\Policies; user scope: ...\<TenantId>\<UserSid>\Policies. */
function mdmScope(path: string): 'mdm-device' | 'mdm-user' | null {
  const match = /\\PassportForWork\\[^\\]+\\([^\\]+)\\Policies$/i.exec(path);
  if (!match?.[1]) return null;
  if (match[1].toLowerCase() === 'device') return 'mdm-device';
  return /^S-1-/i.test(match[1]) ? 'mdm-user' : null;
}

/** GPO values live directly on the PassportForWork key (subkeys hold PIN complexity etc.). */
function isGpoRoot(path: string): boolean {
  return /\\Policies\\Microsoft\\PassportForWork$/i.test(path);
}

function collect(
  facts: RegistryFacts | undefined,
  probeId: ProbeId,
  scopeOf: (path: string) => PolicySource | null,
) {
  const found: PolicySetting[] = [];
  for (const key of facts?.keys ?? []) {
    const source = scopeOf(key.path);
    if (!source) continue;
    for (const value of key.values) {
      if (typeof value.data !== 'number') continue;
      found.push({
        name: value.name,
        value: value.data,
        source,
        probeId,
        keyPath: key.path,
        line: value.line,
      });
    }
  }
  return found;
}

export function derivePolicy(set: FactSet): PolicyView {
  const missingReasons: string[] = [];
  for (const id of Object.values(PROBE_OF)) {
    const probe = set.probes[id];
    if (probe.state !== 'ok') missingReasons.push(probe.reason);
  }
  const settings = [
    ...collect(factsOf(set, 'policy-gpo-user'), 'policy-gpo-user', (p) => (isGpoRoot(p) ? 'gpo-user' : null)),
    ...collect(factsOf(set, 'policy-gpo-machine'), 'policy-gpo-machine', (p) =>
      isGpoRoot(p) ? 'gpo-machine' : null,
    ),
    ...collect(factsOf(set, 'policy-mdm'), 'policy-mdm', mdmScope),
  ].sort((a, b) => PRECEDENCE.indexOf(a.source) - PRECEDENCE.indexOf(b.source));

  const gpoConfigured = settings.some((s) => s.source.startsWith('gpo'));
  const mdmConfigured = settings.some((s) => s.source.startsWith('mdm'));
  // Mixing GPO and CSP leaves the CSP settings unapplied.
  const applied = gpoConfigured ? settings.filter((s) => s.source.startsWith('gpo')) : settings;
  const first = (names: string[], from = applied) => from.find((s) => names.includes(s.name.toLowerCase()));

  // Cloud trust is a device-scope setting: a user-scope value has no effect.
  const deviceScoped = applied.filter((s) => s.source === 'gpo-machine' || s.source === 'mdm-device');
  const cloudTrust = first(['usecloudtrustforonpremauth'], deviceScoped);
  const userScopeCloudTrust = first(
    ['usecloudtrustforonpremauth'],
    settings.filter((s) => s.source === 'mdm-user' || s.source === 'gpo-user'),
  );

  return {
    settings,
    gpoConfigured,
    mdmConfigured,
    helloEnabled: first(HELLO_ENABLED_NAMES),
    cloudTrust,
    certTrust: first(['usecertificateforonpremauth']),
    cloudTrustOnlyInUserScope:
      !cloudTrust && userScopeCloudTrust?.value === 1 ? userScopeCloudTrust : undefined,
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
