// Each fix in words: its title, what it does and costs, where it runs, the command people read.
// The renderer receives these as `FixInfo`s through the API (getAppInfo).
import type { FixInfo } from '@contract/fix-info';
import { type ScenarioAction, SIGN_OUT_AND_IN } from '@contract/scenario-actions';
import type { FixId } from '@contract/types';

export const FIX_CATALOG: Record<FixId, FixInfo> = {
  'delete-hello-container': {
    id: 'delete-hello-container',
    title: 'Delete the Hello container',
    does: "Deletes this user's Windows Hello for Business container, so Hello is set up again from scratch.",
    cost:
      'Removes every credential in the container: the PIN, fingerprint and face sign-in, and passkeys stored ' +
      'there. The user must sign out and set up a new PIN. If the user only forgot the PIN, a PIN reset from the ' +
      'sign-in screen keeps the container: use that instead.',
    context: 'user',
    destructive: true,
    command: 'certutil.exe -deletehellocontainer',
    after:
      'Sign out, sign in with the password, and follow the PIN setup. Run the checks again after signing in with the new PIN.',
  },
  'refresh-prt': {
    id: 'refresh-prt',
    title: 'Refresh the Primary Refresh Token',
    does: 'Asks Windows to get a new Primary Refresh Token (and with it the cloud Kerberos ticket) from Microsoft Entra ID.',
    cost: 'None.',
    context: 'user',
    destructive: false,
    command: 'dsregcmd.exe /refreshprt',
    after: 'Wait 1–2 minutes, then sign out and back in (with the PIN), and run the checks again.',
  },
  'purge-tickets': {
    id: 'purge-tickets',
    title: 'Clear the Kerberos ticket cache',
    does: "Deletes this session's Kerberos tickets; Windows gets new ones the next time a resource is opened.",
    cost: 'A short delay on the next access to file shares or intranet sites.',
    context: 'user',
    destructive: false,
    command: 'klist.exe purge',
    after: 'Open a file share, then run the ticket checks again.',
  },
  'lock-and-sign-in-with-pin': {
    id: 'lock-and-sign-in-with-pin',
    title: 'Lock and sign in with the PIN',
    does: 'Locks the device so the user signs back in with Windows Hello (PIN, fingerprint or face).',
    cost: 'The user signs in again; open apps stay open.',
    context: 'user',
    destructive: false,
    command: 'rundll32.exe user32.dll,LockWorkStation',
    after: 'Choose "Sign-in options" and the PIN if Windows offers the password; then run the checks again.',
  },
  'sync-device-policy': {
    id: 'sync-device-policy',
    title: 'Sync device policy',
    does: 'Opens Settings › Accounts › Access work or school to sync Intune policy (Info › Sync); for Group Policy, runs gpupdate for the computer.',
    cost: 'None; a sync can take a few minutes.',
    context: 'user',
    destructive: false,
    command: 'ms-settings:workplace',
    after:
      'After the sync, sign out and back in so Hello picks up the new policy, then run the checks again.',
  },
  'open-event-log': {
    id: 'open-event-log',
    title: 'Open the Hello event log',
    does: 'Opens Event Viewer at Microsoft-Windows-User Device Registration/Admin (events 358, 360, 362 explain provisioning).',
    cost: 'None.',
    context: 'user',
    destructive: false,
    command: 'eventvwr.exe /c:"Microsoft-Windows-User Device Registration/Admin"',
    after: 'Read the newest 358 or 360 event: each "…: No" line is a prerequisite that was not met.',
  },
  'create-entra-kerberos-server': {
    id: 'create-entra-kerberos-server',
    title: 'Create the Microsoft Entra Kerberos server object',
    does: 'Shows the PowerShell an administrator runs once per domain to create the Kerberos server object.',
    cost: 'Nothing on this device. Needs a Domain Admin and a Hybrid Identity Administrator (or Global Administrator).',
    context: 'admin-elsewhere',
    destructive: false,
    command: 'Set-AzureADKerberosServer -Domain <AD domain> -UserPrincipalName <admin UPN>',
    after:
      'Run it on a machine with the AzureADHybridAuthenticationManagement module (for example the Entra Connect server); then the user signs out and in with the PIN.',
  },
  'rotate-entra-kerberos-key': {
    id: 'rotate-entra-kerberos-key',
    title: 'Rotate the Entra Kerberos server key',
    does: 'Shows the PowerShell an administrator runs to rotate the krbtgt_AzureAD key.',
    cost: 'Nothing on this device. Needs a Domain Admin and a Hybrid Identity Administrator.',
    context: 'admin-elsewhere',
    destructive: false,
    command: 'Set-AzureADKerberosServer -Domain <AD domain> -UserPrincipalName <admin UPN> -RotateServerKey',
    after: 'Check with Get-AzureADKerberosServer that KeyVersion equals CloudKeyVersion.',
  },
  'connect-vpn': {
    id: 'connect-vpn',
    title: 'Connect to the corporate network',
    does: 'Guidance: connect the VPN (or the office network) so a domain controller is in reach.',
    cost: 'None.',
    context: 'guidance',
    destructive: false,
    command: null,
    after: 'Once connected, lock the device, sign in with the PIN and run the checks again.',
  },
};

/** A fix's name; the person's own step in a practice scenario has one too. */
export function fixName(action: ScenarioAction): string {
  if (action === SIGN_OUT_AND_IN) return 'Sign out and sign in again';
  return Object.hasOwn(FIX_CATALOG, action) ? FIX_CATALOG[action].title : action;
}
