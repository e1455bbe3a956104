import type { ProbeId } from '../types';
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
  /** Probes whose output provides the context (see contextFromEvidence). */
  needs?: ProbeId[];
  timeoutMs: number;
}

const DEFAULT_TIMEOUT_MS = 15_000;
const NO_DOMAIN = 'no AD domain found in dsregcmd output';

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
    // After the share test, so the cifs ticket it caused is in the cache.
    needs: ['share-access'],
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
    needs: ['dsregcmd-status', 'klist-tickets'],
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
    needs: ['dsregcmd-status', 'klist-tickets'],
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
    needs: ['nltest-dsgetdc', 'nltest-dsgetdc-kdc'],
    timeoutMs: DEFAULT_TIMEOUT_MS,
  },
  {
    id: 'entra-kerberos-object',
    executable: POWERSHELL_EXECUTABLE,
    args: entraKerberosArgs,
    skipReason: NO_DOMAIN,
    needs: ['dsregcmd-status', 'klist-tickets'],
    // PowerShell's start-up plus an LDAP bind that may wait on an unreachable DC.
    timeoutMs: 30_000,
  },
  {
    id: 'certutil-user-store',
    executable: 'certutil.exe',
    args: fixed('-user', '-store', 'my'),
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
