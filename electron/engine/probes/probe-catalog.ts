import type { ProbeId } from '@contract/types';
import { entraKerberosArgs } from './entra-kerberos-query';
import { POWERSHELL_EXECUTABLE } from './powershell';
import { isValidHostName, type ProbeContext } from './probe-context';
import { shareAccessArgs } from './share-access-query';

/** One probe as data: which System32 tool, which argv, what it waits for. */
export interface ProbeSpec {
  id: ProbeId;
  /** Path relative to System32, backslash-separated, e.g. 'dsregcmd.exe'. */
  executable: string;
  /** argv after the executable; null when it cannot run yet (its context is missing or invalid). */
  args: (context: ProbeContext) => string[] | null;
  /** Why args() returned null, recorded as "skipped: <reason>". */
  skipReason?: string;
  /**
   * Probes whose output provides the context (see contextFromOutputs), awaited in this order
   * until ready() holds; every one of them when there is no ready().
   */
  needs?: readonly ProbeId[];
  /**
   * Whether what is known lets the probe start before its needs are done: asked first with the
   * instant context (environment, registry: see readInstantContext) and the inputs, then again
   * after each need.
   */
  ready?: (known: ProbeContext) => boolean;
  /** Probes that must be done before it starts, given the inputs (not a source of context). */
  after?: (inputs: ProbeContext) => readonly ProbeId[];
  timeoutMs: number;
}

const DEFAULT_TIMEOUT_MS = 15_000;
const NO_DOMAIN = 'no AD domain found (USERDNSDOMAIN, primary DNS suffix, dsregcmd, klist)';

// The fallback for the device's domain, as adDomain ranks it: the DNS suffix of dsregcmd's
// Device Name, else the realm of klist's krbtgt ticket (Entra joined), else the NetBIOS name.
const DEVICE_DOMAIN_SOURCES: readonly ProbeId[] = ['dsregcmd-status', 'klist-tickets'];
const hasDnsDomain = ({ domain }: ProbeContext): boolean => domain?.includes('.') === true;

// The fallback for the user's domain, as userAdDomain ranks it: the client realm in klist, else
// whoami's NetBIOS domain, which needs dsregcmd to tell the device's own domain from another.
const USER_DOMAIN_SOURCES: readonly ProbeId[] = ['klist-tickets', 'whoami-user', 'dsregcmd-status'];
const hasUserDomain = ({ userDomain }: ProbeContext): boolean => userDomain !== undefined;

function fixed(...args: string[]): () => string[] {
  return () => [...args];
}

function policyQuery(key: string): () => string[] {
  return fixed('query', key, '/s');
}

/** `nltest /dsgetdc:<domain> /kdc` plus the given filters, once the AD domain is known. */
function dsgetdcArgs(...filters: string[]): ProbeSpec['args'] {
  return ({ domain }) =>
    domain !== undefined && isValidHostName(domain) ? [`/dsgetdc:${domain}`, '/kdc', ...filters] : null;
}

/** Every probe the device runs (entra-kerberos-server-admin is pasted by an administrator). */
export const PROBE_CATALOG: readonly ProbeSpec[] = [
  {
    id: 'os-version',
    executable: 'reg.exe',
    args: fixed('query', 'HKLM\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion'),
    timeoutMs: DEFAULT_TIMEOUT_MS,
  },
  { id: 'dsregcmd-status', executable: 'dsregcmd.exe', args: fixed('/status'), timeoutMs: 30_000 },
  {
    id: 'klist-cloud-debug',
    executable: 'klist.exe',
    args: fixed('cloud_debug'),
    timeoutMs: DEFAULT_TIMEOUT_MS,
  },
  {
    id: 'klist-tickets',
    executable: 'klist.exe',
    args: fixed(),
    // After the share test when there is one, so the cifs ticket it caused is in the cache.
    after: ({ share }) => (share === undefined ? [] : ['share-access']),
    timeoutMs: DEFAULT_TIMEOUT_MS,
  },
  {
    id: 'events-udr',
    executable: 'wevtutil.exe',
    args: fixed(
      'qe',
      'Microsoft-Windows-User Device Registration/Admin',
      '/q:*[System[(EventID=358 or EventID=360 or EventID=362)]]',
      '/c:10',
      '/rd:true',
      '/f:RenderedXml',
      '/e:Events',
    ),
    timeoutMs: DEFAULT_TIMEOUT_MS,
  },
  {
    id: 'policy-mdm',
    executable: 'reg.exe',
    args: policyQuery('HKLM\\SOFTWARE\\Microsoft\\Policies\\PassportForWork'),
    timeoutMs: DEFAULT_TIMEOUT_MS,
  },
  {
    id: 'policy-gpo-machine',
    executable: 'reg.exe',
    args: policyQuery('HKLM\\SOFTWARE\\Policies\\Microsoft\\PassportForWork'),
    timeoutMs: DEFAULT_TIMEOUT_MS,
  },
  {
    id: 'policy-gpo-user',
    executable: 'reg.exe',
    args: policyQuery('HKCU\\SOFTWARE\\Policies\\Microsoft\\PassportForWork'),
    timeoutMs: DEFAULT_TIMEOUT_MS,
  },
  {
    id: 'whoami-user',
    executable: 'whoami.exe',
    args: fixed('/user', '/fo', 'csv'),
    timeoutMs: DEFAULT_TIMEOUT_MS,
  },
  {
    id: 'whoami-groups',
    executable: 'whoami.exe',
    args: fixed('/groups', '/fo', 'csv'),
    timeoutMs: DEFAULT_TIMEOUT_MS,
  },
  {
    id: 'nltest-dsgetdc',
    executable: 'nltest.exe',
    args: dsgetdcArgs('/keylist'),
    skipReason: NO_DOMAIN,
    needs: DEVICE_DOMAIN_SOURCES,
    ready: hasDnsDomain,
    // Without line of sight to a DC, DsGetDcName waits on DNS and netlogon timeouts.
    timeoutMs: 30_000,
  },
  {
    // /keylist is a required filter: when the query above fails, this one (same needs, so it runs
    // alongside) tells "no DC reachable" from "no DC that supports the key list request".
    id: 'nltest-dsgetdc-kdc',
    executable: 'nltest.exe',
    args: dsgetdcArgs(),
    skipReason: NO_DOMAIN,
    needs: DEVICE_DOMAIN_SOURCES,
    ready: hasDnsDomain,
    timeoutMs: 30_000,
  },
  {
    id: 'time-status',
    executable: 'w32tm.exe',
    args: fixed('/query', '/status'),
    timeoutMs: DEFAULT_TIMEOUT_MS,
  },
  {
    id: 'time-offset',
    executable: 'w32tm.exe',
    args: ({ dcName }) =>
      dcName !== undefined && isValidHostName(dcName)
        ? ['/stripchart', `/computer:${dcName}`, '/samples:1', '/dataonly']
        : null,
    skipReason: 'no domain controller found by nltest',
    // The DC nltest finds now, the key-list one preferred. LOGONSERVER names the DC of the
    // sign-in, which may be out of reach by now: w32tm would wait its timeout where nltest's
    // "no DC" skips this at once. nltest takes a fraction of the Entra Kerberos query's time.
    needs: ['nltest-dsgetdc', 'nltest-dsgetdc-kdc'],
    timeoutMs: DEFAULT_TIMEOUT_MS,
  },
  {
    id: 'entra-kerberos-object',
    executable: POWERSHELL_EXECUTABLE,
    args: entraKerberosArgs,
    skipReason: NO_DOMAIN,
    // Searches the user's domain, else the device's: without the user's domain from the instant
    // sources it waits for the probes that could name it.
    needs: USER_DOMAIN_SOURCES,
    ready: hasUserDomain,
    // PowerShell's start-up plus an LDAP bind that may wait on an unreachable DC.
    timeoutMs: 30_000,
  },
  {
    id: 'certutil-user-store',
    executable: 'certutil.exe',
    // -silent: never a smart-card PIN prompt or key dialog while the store is listed.
    args: fixed('-user', '-silent', '-store', 'my'),
    timeoutMs: DEFAULT_TIMEOUT_MS,
  },
  {
    // Machine-wide: the provider last used at this device's sign-in screen, by whoever signed in.
    id: 'logonui-last-provider',
    executable: 'reg.exe',
    args: fixed('query', 'HKLM\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Authentication\\LogonUI'),
    timeoutMs: DEFAULT_TIMEOUT_MS,
  },
  {
    id: 'share-access',
    executable: POWERSHELL_EXECUTABLE,
    args: shareAccessArgs,
    skipReason: 'no file share path given',
    // SMB to an unreachable server waits on TCP and name resolution timeouts.
    timeoutMs: 30_000,
  },
];

export function findProbeSpec(id: ProbeId): ProbeSpec | undefined {
  return PROBE_CATALOG.find((spec) => spec.id === id);
}
