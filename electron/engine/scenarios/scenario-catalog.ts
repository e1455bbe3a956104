import { readCapture } from '../capture/read-capture';
import type { Capture } from '../types';
import certTrustPolicyRemoved from './captures/cert-trust-policy-removed.json';
import certificateTrustEnabled from './captures/certificate-trust-enabled.json';
import clockSkew from './captures/clock-skew.json';
import cloudTrustPolicyMissing from './captures/cloud-trust-policy-missing.json';
import entraKerberosServerMissing from './captures/entra-kerberos-server-missing.json';
import expiredPrt from './captures/expired-prt.json';
import foreignTenantPolicy from './captures/foreign-tenant-policy.json';
import healthyEntraJoined from './captures/healthy-entra-joined.json';
import healthyHybrid from './captures/healthy-hybrid.json';
import helloContainerDeleted from './captures/hello-container-deleted.json';
import keyTrustFallback from './captures/key-trust-fallback.json';
import noDcLineOfSight from './captures/no-dc-line-of-sight.json';
import noKeylistDc from './captures/no-keylist-dc.json';
import osTooOld from './captures/os-too-old.json';
import passwordSignIn from './captures/password-sign-in.json';
import policyUserScopeOnly from './captures/policy-user-scope-only.json';
import privilegedAccount from './captures/privileged-account.json';
import rdpSession from './captures/rdp-session.json';
import smartCardSignIn from './captures/smart-card-sign-in.json';
import unsyncedUser from './captures/unsynced-user.json';
import { type ScenarioAction, SIGN_OUT_AND_IN } from './scenario-actions';

/** A built-in practice device: a capture shipped with the app. */
export interface ScenarioInfo {
  /** Stable id, used by `whfb-doctor check --scenario NAME`. */
  name: string;
  title: string;
  /** What is wrong on this device and what a technician should find, in plain words. */
  description: string;
  /** The capture's file name in ./captures. */
  file: string;
  /** What the device becomes after a fix (or the user signing out and in), for practice. */
  transitions?: readonly ScenarioTransition[];
}

export interface ScenarioTransition {
  action: ScenarioAction;
  /** The scenario the device becomes; the same name when nothing changes. */
  to: string;
  /** What happened, shown as the simulated outcome. */
  note: string;
}

export const SCENARIOS: readonly ScenarioInfo[] = [
  {
    name: 'healthy-hybrid',
    title: 'Healthy hybrid joined device',
    description:
      'A hybrid joined Windows 11 device where cloud Kerberos trust works end to end: Intune turns it on, the ' +
      'user signed in with a PIN, Microsoft Entra ID issued the cloud ticket and a domain controller exchanged it. ' +
      'Every step should pass, and the file share ticket proves it. Use it as the reference for the others.',
    file: 'healthy-hybrid.json',
  },
  {
    name: 'healthy-entra-joined',
    title: 'Healthy Microsoft Entra joined device',
    description:
      'A cloud-only (Microsoft Entra joined) device that is not in the AD domain, yet opens on-premises file ' +
      'shares with Kerberos thanks to cloud Kerberos trust. Nothing is wrong: notice that dsregcmd shows ' +
      'DomainJoined NO while klist still holds a ticket for the AD domain.',
    file: 'healthy-entra-joined.json',
  },
  {
    name: 'cloud-trust-policy-missing',
    title: 'Cloud trust policy not set',
    description:
      'Windows Hello is turned on, but "Use cloud trust for on-premises authentication" was never configured, so ' +
      'the device uses key trust instead. The technician should find the missing UseCloudTrustForOnPremAuth value ' +
      'and event 358 saying cloud trust is not enabled.',
    file: 'cloud-trust-policy-missing.json',
    transitions: [
      {
        action: 'sync-device-policy',
        to: 'healthy-hybrid',
        note: 'Simulated: cloud trust was enabled in a device-assigned Intune profile, the device synced, and the user signed in again with the PIN.',
      },
    ],
  },
  {
    name: 'certificate-trust-enabled',
    title: 'Certificate trust still enabled',
    description:
      'Cloud trust is configured, but the older "Use certificate for on-premises authentication" setting is also ' +
      'on, and certificate trust wins. The technician should spot UseCertificateForOnPremAuth, turn it off, then ' +
      'have the user delete and recreate their Hello container.',
    file: 'certificate-trust-enabled.json',
    transitions: [
      {
        action: 'sync-device-policy',
        to: 'cert-trust-policy-removed',
        note: 'Simulated: "Use certificate for on-premises authentication" was set to Not configured in Intune and the device synced.',
      },
      {
        action: 'delete-hello-container',
        to: 'certificate-trust-enabled',
        note: 'Simulated: the container was deleted, but the policy still enables certificate trust, so the new PIN would use certificate trust again. Change the policy first.',
      },
    ],
  },
  {
    name: 'password-sign-in',
    title: 'User signed in with a password',
    description:
      'Everything is configured correctly, but the user signed in with their password this time, so there is no ' +
      'cloud Kerberos ticket for this session. klist cloud_debug shows password-derived keys instead of a public ' +
      'key; the fix is to lock the device and sign in with the PIN.',
    file: 'password-sign-in.json',
    transitions: [
      {
        action: 'lock-and-sign-in-with-pin',
        to: 'healthy-hybrid',
        note: 'Simulated: the device was locked and the user signed back in with the PIN.',
      },
    ],
  },
  {
    name: 'no-dc-line-of-sight',
    title: 'No domain controller in reach',
    description:
      'The user works off the corporate network without VPN. Hello and the cloud ticket are fine, but no domain ' +
      'controller answers, so there are no Kerberos tickets for the domain and file shares cannot open. The ' +
      'technician should see nltest fail and ask the user to connect the VPN.',
    file: 'no-dc-line-of-sight.json',
    transitions: [
      {
        action: 'connect-vpn',
        to: 'healthy-hybrid',
        note: 'Simulated: the user connected the VPN, locked the device and signed in with the PIN.',
      },
    ],
  },
  {
    name: 'entra-kerberos-server-missing',
    title: 'Microsoft Entra Kerberos server object missing',
    description:
      'The device and the user are set up correctly, but no administrator ever ran Set-AzureADKerberosServer for ' +
      'the domain, so Microsoft Entra ID cannot issue cloud Kerberos tickets. The technician should find neither ' +
      'the AzureADKerberos computer nor the krbtgt_AzureAD user in AD.',
    file: 'entra-kerberos-server-missing.json',
    transitions: [
      {
        action: 'create-entra-kerberos-server',
        to: 'healthy-hybrid',
        note: 'Simulated: an administrator ran Set-AzureADKerberosServer, and the user signed out and back in with the PIN.',
      },
    ],
  },
  {
    name: 'os-too-old',
    title: 'Windows build too old',
    description:
      'A Windows 10 21H2 device still on its release build, 19044.1288. Cloud Kerberos trust needs 19044.1566 or ' +
      'later, so the policy is set but has no effect: dsregcmd has no OnPremTgt line and klist does not know ' +
      'cloud_debug. The fix is to install the current cumulative update.',
    file: 'os-too-old.json',
  },
  {
    name: 'policy-user-scope-only',
    title: 'Cloud trust set for the user only',
    description:
      'An Intune Account Protection policy wrote the Hello settings for the user instead of the device, and Windows ' +
      'ignores the cloud trust setting there. The technician should notice the values under the user SID in the ' +
      'policy registry and move the setting to a device-assigned Settings Catalog profile.',
    file: 'policy-user-scope-only.json',
    transitions: [
      {
        action: 'sync-device-policy',
        to: 'healthy-hybrid',
        note: 'Simulated: the setting moved to a device-assigned Settings Catalog profile, the device synced, and the user signed in again with the PIN.',
      },
    ],
  },
  {
    name: 'rdp-session',
    title: 'Remote Desktop session',
    description:
      'The technician connected over Remote Desktop and signed in with a password, a session where cloud Kerberos ' +
      'trust does not apply. The user has Hello on this device from console sign-ins, but in this session there ' +
      'is no cloud ticket; diagnose from the console session instead.',
    file: 'rdp-session.json',
  },
  {
    name: 'cert-trust-policy-removed',
    title: 'Certificate trust policy removed, old container left',
    description:
      'The second step of repairing certificate trust: the policy no longer enables certificate trust, but the ' +
      "user's Hello container was created for certificate trust and still signs in with a certificate. The " +
      'technician should have the user delete the container (as the user, not elevated).',
    file: 'cert-trust-policy-removed.json',
    transitions: [
      {
        action: 'delete-hello-container',
        to: 'hello-container-deleted',
        note: 'Simulated: certutil -deletehellocontainer ran as the user. The user must now sign out.',
      },
    ],
  },
  {
    name: 'hello-container-deleted',
    title: 'Hello container deleted, sign-out pending',
    description:
      'The last step of a repair: the old Hello container is gone, so Hello is not set up until the user signs ' +
      'out, signs in with the password and creates a new PIN. The new container then uses cloud Kerberos trust.',
    file: 'hello-container-deleted.json',
    transitions: [
      {
        action: SIGN_OUT_AND_IN,
        to: 'healthy-hybrid',
        note: 'Simulated: the user signed out, signed in, set up a new PIN, then locked and signed in with it.',
      },
    ],
  },
  {
    name: 'privileged-account',
    title: 'Domain Admin signed in',
    description:
      "A technician tests cloud Kerberos trust with their own Domain Admins account. Hello and the cloud ticket are fine, but the Kerberos server object's password replication policy denies privileged groups, so no domain controller turns the cloud ticket into a full one. The technician should spot Domain Admins (and the Denied RODC Password Replication Group) in the token, not the local Administrators group, and use a regular account.",
    file: 'privileged-account.json',
  },
  {
    name: 'key-trust-fallback',
    title: 'Signed in through key trust, not cloud trust',
    description:
      'Everything is configured for cloud trust and the user holds a ticket for the domain, but the token carries the key trust identity (S-1-18-4): a domain controller checked the Hello key itself, so this session did not use cloud Kerberos trust. The technician should not call this a working cloud trust sign-in.',
    file: 'key-trust-fallback.json',
    transitions: [
      {
        action: 'lock-and-sign-in-with-pin',
        to: 'healthy-hybrid',
        note: 'Simulated: with a domain controller in reach, the user locked the device and signed in again with the PIN; the cloud ticket was exchanged.',
      },
    ],
  },
  {
    name: 'no-keylist-dc',
    title: 'Domain controller without key list support',
    description:
      'The VPN is up and a domain controller answers, but the only one in reach is not patched for the key list request, so nltest with /keylist finds none. The technician should tell this apart from no line of sight with the second query and get the domain controllers updated, not ask for the VPN.',
    file: 'no-keylist-dc.json',
  },
  {
    name: 'clock-skew',
    title: 'Clock ten minutes off the domain controller',
    description:
      "The cloud ticket is there and a key-list domain controller answers, but this device's clock is ten minutes behind it, so Kerberos refuses the exchange and there is no ticket for the domain. The clock is the root cause, not the tickets.",
    file: 'clock-skew.json',
  },
  {
    name: 'unsynced-user',
    title: 'Cloud-only user on an Entra joined device',
    description:
      "The user was created in Microsoft Entra ID only, not synced from AD. Entra ID gives them Kerberos tickets for Azure (CloudTgt : YES) but none for the on-premises domain (OnPremTgt : NO). The technician should look at the user's sync status, not the device.",
    file: 'unsynced-user.json',
  },
  {
    name: 'foreign-tenant-policy',
    title: "Cloud trust policy under another tenant's id",
    description:
      "A custom OMA-URI was copied from another tenant, so the cloud trust value sits under the wrong tenant id in the registry and Windows ignores it: event 358 says cloud trust is not enabled and the session falls back to key trust. The technician should compare the id in the policy path with the device's TenantId.",
    file: 'foreign-tenant-policy.json',
    transitions: [
      {
        action: 'sync-device-policy',
        to: 'healthy-hybrid',
        note: "Simulated: the OMA-URI was corrected to this tenant's id (or replaced by the Settings Catalog setting), the device synced, and the user signed in again with the PIN.",
      },
    ],
  },
  {
    name: 'expired-prt',
    title: 'Primary Refresh Token expired',
    description:
      "The user's PRT expired a week ago and every refresh since failed (RefreshPrtDiagnostics with AADSTS50173: the password was changed). Without a valid PRT Microsoft Entra ID issues no cloud ticket. The technician should refresh the PRT and have the user sign in again, not delete anything.",
    file: 'expired-prt.json',
    transitions: [
      {
        action: 'refresh-prt',
        to: 'healthy-hybrid',
        note: 'Simulated: the PRT was refreshed, and the user locked the device and signed in again with the PIN and their new password.',
      },
    ],
  },
  {
    name: 'smart-card-sign-in',
    title: 'Signed in with a smart card',
    description:
      'The user has Hello and cloud trust is configured, but this session was signed in with a smart card: the token has the certificate logon SID, the certificate is on a smart card, and the sign-in screen last used the smart card provider. Nothing needs deleting; the technician should ask for a PIN sign-in to test Hello.',
    file: 'smart-card-sign-in.json',
    transitions: [
      {
        action: 'lock-and-sign-in-with-pin',
        to: 'healthy-hybrid',
        note: 'Simulated: the user locked the device and signed back in with the Hello PIN instead of the smart card.',
      },
    ],
  },
];

const CAPTURE_JSON: Readonly<Record<string, unknown>> = {
  'healthy-hybrid': healthyHybrid,
  'healthy-entra-joined': healthyEntraJoined,
  'cloud-trust-policy-missing': cloudTrustPolicyMissing,
  'certificate-trust-enabled': certificateTrustEnabled,
  'password-sign-in': passwordSignIn,
  'no-dc-line-of-sight': noDcLineOfSight,
  'entra-kerberos-server-missing': entraKerberosServerMissing,
  'os-too-old': osTooOld,
  'policy-user-scope-only': policyUserScopeOnly,
  'rdp-session': rdpSession,
  'cert-trust-policy-removed': certTrustPolicyRemoved,
  'hello-container-deleted': helloContainerDeleted,
  'privileged-account': privilegedAccount,
  'key-trust-fallback': keyTrustFallback,
  'no-keylist-dc': noKeylistDc,
  'clock-skew': clockSkew,
  'unsynced-user': unsyncedUser,
  'foreign-tenant-policy': foreignTenantPolicy,
  'expired-prt': expiredPrt,
  'smart-card-sign-in': smartCardSignIn,
};

/** What a scenario becomes after an action, when it declares it. */
export function scenarioTransition(name: string, action: ScenarioAction): ScenarioTransition | undefined {
  return SCENARIOS.find((scenario) => scenario.name === name)?.transitions?.find((t) => t.action === action);
}

export function scenarioNames(): string[] {
  return SCENARIOS.map((scenario) => scenario.name);
}

/** The scenario's capture. Throws on an unknown name, or when a shipped file is invalid (a build bug). */
export function loadScenario(name: string): Capture {
  const json = Object.hasOwn(CAPTURE_JSON, name) ? CAPTURE_JSON[name] : undefined;
  if (json === undefined) {
    throw new Error(`unknown scenario "${name}" (known: ${scenarioNames().join(', ')})`);
  }
  const read = readCapture(JSON.stringify(json));
  if (!read.ok) {
    throw new Error(`built-in scenario "${name}" is not a valid capture: ${read.reason}`);
  }
  return read.capture;
}
