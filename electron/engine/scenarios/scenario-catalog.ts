import { type ScenarioAction, SIGN_OUT_AND_IN } from '@contract/scenario-actions';
import type { Capture } from '@contract/types';
import { readCapture } from '../capture/read-capture';
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
      'The user reports nothing wrong: the PIN works and the finance share opens without a prompt. Use it as the reference device to compare the others with.',
    file: 'healthy-hybrid.json',
  },
  {
    name: 'healthy-entra-joined',
    title: 'Healthy Microsoft Entra joined device',
    description:
      'A cloud-only laptop, never joined to the AD domain, opens an on-premises file share without asking for a password. The user asks whether that is expected.',
    file: 'healthy-entra-joined.json',
  },
  {
    name: 'cloud-trust-policy-missing',
    title: 'Cloud trust policy not set',
    description:
      'The user signs in with a PIN without trouble, but the new file server asks for a password now and then. IT says the Hello profile was deployed months ago.',
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
      'The PIN works at the sign-in screen, but the team that is retiring the certificate authority says this device still asks it for certificates. The user just wants their shares to keep working.',
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
      'The user says the file share asks for a password this morning, although it never did before. They are at their desk and everything looks normal.',
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
      'The user works from home today. The PIN sign-in worked, but mapped drives show a red cross and the intranet file share does not open.',
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
      'A pilot group was set up for passwordless sign-in last week. The PIN works, but nobody in the pilot can open on-premises file shares without typing a password.',
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
      "An older laptop came back from repair with a fresh Windows install. The PIN works, but file shares ask for a password, while the same user's new laptop is fine.",
    file: 'os-too-old.json',
  },
  {
    name: 'policy-user-scope-only',
    title: 'Cloud trust set for the user only',
    description:
      'IT moved Hello settings into an Account Protection profile last month. Since then some users say file shares ask for a password after signing in with the PIN.',
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
      "The technician connected to the user's PC with Remote Desktop to look at a file share problem. They run the tool from that session.",
    file: 'rdp-session.json',
  },
  {
    name: 'cert-trust-policy-removed',
    title: 'Certificate trust policy removed, old container left',
    description:
      'Last week the certificate setting was removed from the Hello policy and the device synced. The user signed out and in since, yet the PIN still signs in the old way.',
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
      'The user ran the command the helpdesk sent them and now Windows shows no PIN option on the lock screen. They have not signed out yet.',
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
      'A domain administrator testing passwordless sign-in on their own account says the PIN works but every file share asks for a password. Their colleagues in the pilot have no problem.',
    file: 'privileged-account.json',
  },
  {
    name: 'key-trust-fallback',
    title: 'Signed in through key trust, not cloud trust',
    description:
      'Everything seems to work for this user: the PIN signs in and shares open. But the migration report lists the device as not using cloud Kerberos trust, and the team needs to know why.',
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
      'A branch office is on the VPN and the domain controller there answers, but file shares ask for a password after PIN sign-in. Head office users do not have the problem.',
    file: 'no-keylist-dc.json',
  },
  {
    name: 'clock-skew',
    title: 'Clock ten minutes off the domain controller',
    description:
      "After a weekend without power the user's laptop signs in with the PIN, but nothing on the network opens without a password prompt. Cloud apps work fine.",
    file: 'clock-skew.json',
  },
  {
    name: 'unsynced-user',
    title: 'Cloud-only user on an Entra joined device',
    description:
      'A contractor with a new account on an Entra joined laptop cannot open the project share without a password. Colleagues on the same laptop model can.',
    file: 'unsynced-user.json',
  },
  {
    name: 'foreign-tenant-policy',
    title: "Cloud trust policy under another tenant's id",
    description:
      'After the tenant migration, devices were given a custom Intune profile copied from the old tenant. Users sign in with the PIN, but the migration report does not show them as cloud trust.',
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
      'The user was on leave for three weeks and changed their password on the web on the first day back. Since then Teams keeps asking them to sign in and file shares ask for a password.',
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
      'The user has both a smart card and a PIN. Today file shares open, but the helpdesk wants to know whether Hello itself works before the smart cards are withdrawn.',
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
