// Each fix's steps (the argv of the tools it runs, the admin commands it shows) and the probes it
// changes. Main-side only: the renderer receives the steps through the API as `FixStep`s.
import type { FixStep } from '@contract/fix-step';
import type { FixId, ProbeId } from '@contract/types';

export interface FixPlanContext {
  /** The AD DNS domain, filled into the admin commands. */
  domain?: string;
  /** Group Policy delivers Hello policy: gpupdate applies it. */
  gpoConfigured?: boolean;
}

const ADMIN_WHERE =
  'In PowerShell on a machine with the AzureADHybridAuthenticationManagement module (for example the Entra Connect ' +
  'server), as a Domain Admin, signing in as a Hybrid Identity Administrator or Global Administrator when asked.';

// Domain names come from command output; anything else is shown as a placeholder to fill in.
const DNS_LABEL = /^[A-Za-z0-9][A-Za-z0-9-]{0,62}$/;

/** The domain shown in an admin command: a plain DNS name (never "-Flag"-like), else a placeholder. */
function domainOrPlaceholder(domain: string | undefined): string {
  const plain =
    domain !== undefined && domain.length <= 253 && domain.split('.').every((l) => DNS_LABEL.test(l));
  return plain ? domain : '<AD domain>';
}

export function planFix(id: FixId, context: FixPlanContext = {}): FixStep[] {
  const domain = domainOrPlaceholder(context.domain);
  switch (id) {
    case 'delete-hello-container':
      return [{ kind: 'run', executable: 'certutil.exe', args: ['-deletehellocontainer'] }];
    case 'refresh-prt':
      return [{ kind: 'run', executable: 'dsregcmd.exe', args: ['/refreshprt'] }];
    case 'purge-tickets':
      return [{ kind: 'run', executable: 'klist.exe', args: ['purge'] }];
    case 'lock-and-sign-in-with-pin':
      return [{ kind: 'run', executable: 'rundll32.exe', args: ['user32.dll,LockWorkStation'] }];
    case 'sync-device-policy':
      return [
        { kind: 'open-settings', uri: 'ms-settings:workplace' },
        ...(context.gpoConfigured
          ? [{ kind: 'run' as const, executable: 'gpupdate.exe', args: ['/target:computer', '/force'] }]
          : []),
      ];
    case 'open-event-log':
      return [
        {
          kind: 'run',
          executable: 'eventvwr.exe',
          args: ['/c:Microsoft-Windows-User Device Registration/Admin'],
        },
      ];
    case 'create-entra-kerberos-server':
      return [
        {
          kind: 'show-command',
          text: `Set-AzureADKerberosServer -Domain ${domain} -UserPrincipalName <admin UPN>`,
          where: ADMIN_WHERE,
        },
      ];
    case 'rotate-entra-kerberos-key':
      return [
        {
          kind: 'show-command',
          text: `Set-AzureADKerberosServer -Domain ${domain} -UserPrincipalName <admin UPN> -RotateServerKey`,
          where: ADMIN_WHERE,
        },
      ];
    case 'connect-vpn':
      return [
        {
          kind: 'guidance',
          text: 'Connect the VPN or the office network so a domain controller is in reach, then lock the device, sign in with the PIN and run the checks again.',
        },
      ];
  }
}

/** The probes whose output a fix changes: re-run them afterwards. */
export const PROBES_AFFECTED_BY_FIX: Record<FixId, ProbeId[]> = {
  'delete-hello-container': ['dsregcmd-status', 'klist-cloud-debug', 'events-udr'],
  'refresh-prt': ['dsregcmd-status', 'klist-cloud-debug'],
  'purge-tickets': ['klist-tickets', 'klist-cloud-debug'],
  'lock-and-sign-in-with-pin': ['dsregcmd-status', 'klist-cloud-debug', 'klist-tickets', 'whoami-groups'],
  'sync-device-policy': [
    'policy-mdm',
    'policy-gpo-machine',
    'policy-gpo-user',
    'events-udr',
    'dsregcmd-status',
  ],
  'open-event-log': [],
  'create-entra-kerberos-server': [],
  'rotate-entra-kerberos-key': [],
  'connect-vpn': [],
};
