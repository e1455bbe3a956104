import type { CheckOutcome, EvidenceItem } from '@contract/types';
import { derivePolicy, describeSource } from '../facts/derive-policy';
import { evidence, type FactSet, factsOf } from '../facts/fact-set';
import { userScopeCaveat } from '../facts/run-context';
import { sessionAuthOf } from '../facts/session-auth';
import { KEY_TRUST_IDENTITY_SID, THIS_ORGANIZATION_CERTIFICATE_SID } from '../facts/well-known-sids';
import type { CheckDefinition } from './check-definition';
import { DOCS } from './doc-links';
import { itemAnswer, provisioningEvents } from './provisioning-event';
import { windowsPolicyView } from './windows-policy-view';

const TURN_OFF =
  'Set "Use certificate for on-premises authentication" to Not configured (Intune Settings Catalog or Group ' +
  'Policy) and sync the device. Once the policy is gone, the existing Hello container has to be recreated: that ' +
  'step is offered when the app sees the certificate-trust container after the change.';

/** A reminder that a PIN reset exists, said before a deletion is ever offered. */
function pinResetNote(set: FactSet): string {
  const canReset = factsOf(set, 'dsregcmd-status')?.canReset?.value;
  if (!canReset || !/nondestructive/i.test(canReset)) return '';
  return (
    `A non-destructive PIN reset is available here (CanReset : ${canReset}), but it keeps the container and its ` +
    'trust model: moving from certificate trust to cloud trust needs the container deleted. '
  );
}

export const checkCertTrustConflict: CheckDefinition = {
  id: 'cert-trust-conflict',
  title: 'Certificate trust setting',
  explanation:
    '"Use certificate for on-premises authentication" switches Hello to certificate trust, and certificate trust ' +
    'wins over cloud Kerberos trust. A Hello container created while it was on keeps signing in with its ' +
    'certificate after the policy is removed, until it is deleted and set up again.',
  needs: [
    'policy-mdm',
    'policy-gpo-machine',
    'policy-gpo-user',
    'events-udr',
    'dsregcmd-status',
    'whoami-groups',
    'certutil-user-store',
  ],
  dependsOn: [],
  critical: true,
  evaluate(set): CheckOutcome {
    const policy = derivePolicy(set);
    const windows = windowsPolicyView(set, /certificate for on premise auth/i);
    const docs = [DOCS.cloudTrustDeploy, DOCS.configureHello];
    const setting = policy.certTrust;
    if (setting?.value === 1) {
      return {
        status: 'fail',
        summary: `Certificate trust is enabled (${describeSource(setting.source)}); it takes precedence over cloud Kerberos trust.`,
        evidence: [evidence(set, setting.probeId, [setting.keyPath, setting.line]), ...windows.evidence],
        remediation: TURN_OFF,
        fixes: ['sync-device-policy'],
        docs,
      };
    }
    const leftover = leftoverContainer(set, certificateProvisioningEvents(set));
    if (leftover.kind === 'proven') {
      return {
        status: 'fail',
        summary:
          "Certificate trust is off now, but this user's Hello container was set up for certificate trust and still signs in with its certificate.",
        evidence: leftover.evidence,
        remediation:
          `${pinResetNote(set)}Changing the policy does not change an existing Hello container. As the user (not ` +
          'elevated), delete the container (certutil -deletehellocontainer), sign out, sign in and set up the PIN ' +
          'again: the new container uses cloud Kerberos trust. Deleting it also deletes passkeys stored in it.',
        fixes: ['delete-hello-container'],
        docs,
        explainedBy: [],
      };
    }
    if (leftover.kind === 'ambiguous') {
      return {
        status: 'warn',
        summary: `There are signs of certificate trust, but they do not prove the Hello container was set up for it: ${leftover.why}`,
        evidence: leftover.evidence,
        remediation:
          "Nothing to delete on this evidence. To settle it, look at the user's certificates (certutil -user -store " +
          'my): a logon certificate whose key is in the "Microsoft Passport Key Storage Provider" is a certificate-' +
          'trust container; a smart card certificate is not.',
        docs,
        explainedBy: [],
      };
    }
    const userScoped = policy.certTrustUserScope;
    if (userScoped) {
      return {
        status: 'warn',
        summary: `"Use certificate for on-premises authentication" is set for the user (${describeSource(userScoped.source)}), where Windows does not read it at sign-in.`,
        evidence: [evidence(set, userScoped.probeId, [userScoped.keyPath, userScoped.line])],
        remediation:
          'The setting is device-only: a user value has no effect at sign-in, but it confuses whoever reads the ' +
          'policy later. Remove it from the user policy.',
        docs: [...docs, DOCS.passportCsp],
        explainedBy: [],
      };
    }
    const caveat = userScopeCaveat(set);
    if (caveat) {
      return {
        status: 'unknown',
        summary: `Certificate trust is not enabled for the device, but whether this user's Hello container was set up for it can't be told: ${caveat}.`,
        evidence: setting ? [evidence(set, setting.probeId, [setting.line])] : [],
        docs,
      };
    }
    if (policy.incomplete && windows.enabled === undefined) {
      return {
        status: 'unknown',
        summary: `Can't tell whether certificate trust is enabled: ${policy.missingReasons[0]}.`,
        evidence: [],
        docs,
      };
    }
    return {
      status: 'pass',
      summary: 'Certificate trust is not enabled for the device.',
      evidence: [...(setting ? [evidence(set, setting.probeId, [setting.line])] : []), ...windows.evidence],
    };
  },
};

/** Events 358 ("provisioning will be launched") written while the certificate policy was on. */
function certificateProvisioningEvents(set: FactSet): EvidenceItem[] {
  return provisioningEvents(set).flatMap(({ event, item: itemOf }) => {
    if (event.eventId !== 358) return [];
    const item = itemOf(/certificate for on premise auth/i);
    if (!item || itemAnswer(item) !== true) return [];
    const when = event.timeCreated ? ` at ${event.timeCreated}` : '';
    return [
      evidence(set, 'events-udr', [item.line], `provisioning launched with the certificate policy on${when}`),
    ];
  });
}

type Leftover =
  | { kind: 'none' }
  | { kind: 'proven'; evidence: EvidenceItem[] }
  | { kind: 'ambiguous'; why: string; evidence: EvidenceItem[] };

/**
 * Proof that the existing container is a certificate-trust one: a certificate whose key is
 * in the Microsoft Passport Key Storage Provider (the Hello container) AND either the logon
 * used a certificate (S-1-5-65-1 without the key trust identity) or a provisioning event
 * had the certificate policy on. A Passport certificate alone can be a Hello RDP
 * certificate; S-1-5-65-1 alone can be a smart card; CertEnrollment describes the current
 * policy source, not the container. Those say "maybe", never "delete".
 */
function leftoverContainer(set: FactSet, eventSaysCertificate: EvidenceItem[]): Leftover {
  const ds = factsOf(set, 'dsregcmd-status');
  if (userScopeCaveat(set) || ds?.ngcSet?.value !== true) return { kind: 'none' };
  const groups = factsOf(set, 'whoami-groups')?.groups ?? [];
  const certificateLogon = groups.find((g) => g.sid.toUpperCase() === THIS_ORGANIZATION_CERTIFICATE_SID);
  const keyTrust = groups.some((g) => g.sid.toUpperCase() === KEY_TRUST_IDENTITY_SID);
  const store = factsOf(set, 'certutil-user-store');
  const passport = store?.certificates.filter((c) => c.keyStorage === 'passport') ?? [];
  const smartCard = store?.certificates.find((c) => c.keyStorage === 'smart-card');
  const logonProof =
    certificateLogon && !keyTrust
      ? [evidence(set, 'whoami-groups', [certificateLogon.line], 'this sign-in used a certificate')]
      : [];
  const storeProof = passport.map((c) =>
    evidence(set, 'certutil-user-store', [
      c.subject ? `Subject: ${c.subject}` : undefined,
      c.template ? `Template: ${c.template}` : undefined,
      c.provider?.line,
    ]),
  );
  // A smart card or security key sign-in proves nothing about the Hello container.
  const credential = sessionAuthOf(set).credential;
  if (credential === 'smart-card' || credential === 'fido2') return { kind: 'none' };
  if (passport.length > 0 && (logonProof.length > 0 || eventSaysCertificate.length > 0)) {
    return { kind: 'proven', evidence: [...storeProof, ...logonProof, ...eventSaysCertificate] };
  }
  if (logonProof.length > 0 && !smartCard) {
    return {
      kind: 'ambiguous',
      why: store
        ? 'the sign-in used a certificate, but no certificate in the user store has its key in the Hello container.'
        : 'the sign-in used a certificate (a smart card does the same) and the user certificate store was not read.',
      evidence: [...logonProof, evidence(set, 'certutil-user-store', [])],
    };
  }
  if (eventSaysCertificate.length > 0) {
    return {
      kind: 'ambiguous',
      why: 'an earlier sign-in had the certificate policy on, but nothing shows the container uses a certificate.',
      evidence: [...eventSaysCertificate, ...storeProof],
    };
  }
  return { kind: 'none' };
}
