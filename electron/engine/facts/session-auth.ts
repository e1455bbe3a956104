import type { ProbeId, SessionCredential, TrustModel } from '../types';
import { domainTgts } from './ad-domain';
import { type FactSet, factsOf } from './fact-set';
import { userScopeCaveat } from './run-context';
import {
  AUTHENTICATION_AUTHORITY_ASSERTED_SID,
  KEY_TRUST_IDENTITY_SID,
  THIS_ORGANIZATION_CERTIFICATE_SID,
} from './well-known-sids';

/** One thing Windows said about how this session authenticated. */
export interface AuthSignal {
  probeId: ProbeId;
  line: string;
  /** What it means, in plain words. */
  says: string;
  /** True when the verdict rests on it. */
  decisive: boolean;
  /** True when what it means is an inference to confirm on a device (docs/verdicts.md). */
  inference?: boolean;
}

/** What actually authenticated this logon session, and which trust model it used. */
export interface SessionAuth {
  credential: SessionCredential;
  credentialReason: string;
  /** The Hello trust model this session used ('none' when it was not a Hello sign-in). */
  trustModel: TrustModel;
  trustReason: string;
  signals: AuthSignal[];
}

interface Signals {
  list: AuthSignal[];
  add(probeId: ProbeId, line: string | undefined, says: string, inference?: boolean): AuthSignal | undefined;
}

function collector(): Signals {
  const list: AuthSignal[] = [];
  return {
    list,
    add(probeId, line, says, inference) {
      if (!line) return undefined;
      const signal: AuthSignal = {
        probeId,
        line,
        says,
        decisive: false,
        ...(inference ? { inference } : {}),
      };
      list.push(signal);
      return signal;
    },
  };
}

function decide(...signals: (AuthSignal | undefined)[]): void {
  for (const signal of signals) if (signal) signal.decisive = true;
}

/**
 * Reads every signal Windows gives about this logon: klist cloud_debug (key or password,
 * AS_REP credential type, the partial TGT), the token's SIDs (S-1-18-4 key trust,
 * S-1-5-65-1 certificate logon), NgcSet, the sign-in screen's last credential provider,
 * and the certificates in the user's store with the provider that holds each key.
 */
export function sessionAuthOf(set: FactSet): SessionAuth {
  // Several checks and the report ask; the facts never change, so decide once per fact set.
  const known = decided.get(set);
  if (known) return known;
  const auth = decideSessionAuth(set);
  decided.set(set, auth);
  return auth;
}

const decided = new WeakMap<FactSet, SessionAuth>();

function decideSessionAuth(set: FactSet): SessionAuth {
  const caveat = userScopeCaveat(set);
  if (caveat) {
    return {
      credential: 'unknown',
      credentialReason: `Can't tell how the user signed in: ${caveat}.`,
      trustModel: 'unknown',
      trustReason: `Can't tell which trust model the user's session used: ${caveat}.`,
      signals: [],
    };
  }
  const signals = collector();
  const debug = factsOf(set, 'klist-cloud-debug');
  const groups = factsOf(set, 'whoami-groups')?.groups ?? [];
  const ngcSet = factsOf(set, 'dsregcmd-status')?.ngcSet;
  const provider = factsOf(set, 'logonui-last-provider');
  const store = factsOf(set, 'certutil-user-store');
  const sid = (value: string) => groups.find((g) => g.sid.toUpperCase() === value);

  const key = debug?.publicKeyCredentialPresent;
  const password = debug?.passwordDerivedKeysPresent;
  const asRepType = debug?.asRepCredentialType;
  const primary = debug?.cloudPrimaryTgtAvailable;
  const keyTrust = sid(KEY_TRUST_IDENTITY_SID);
  const certificate = sid(THIS_ORGANIZATION_CERTIFICATE_SID);
  const asserted = sid(AUTHENTICATION_AUTHORITY_ASSERTED_SID);
  const passportCert = store?.certificates.find((c) => c.keyStorage === 'passport');
  const smartCardCert = store?.certificates.find((c) => c.keyStorage === 'smart-card');

  const sKey = signals.add(
    'klist-cloud-debug',
    key?.line,
    key?.value === 1
      ? 'signed in with a public key (Hello, a smart card or a FIDO2 security key)'
      : 'no public key credential in this logon',
  );
  const sPassword = signals.add(
    'klist-cloud-debug',
    password?.line,
    password?.value === 1 ? 'password-derived keys: a password sign-in' : 'no password-derived keys',
  );
  const sAsRep = signals.add(
    'klist-cloud-debug',
    asRepType?.line,
    asRepType && asRepType.value !== 0
      ? 'Microsoft Entra ID answered the logon with a cloud ticket (FIDO2 or cloud Kerberos trust)'
      : 'no cloud ticket credential type',
  );
  const sPrimary = signals.add(
    'klist-cloud-debug',
    primary?.line,
    primary?.value === 1
      ? 'this logon holds the partial TGT from Microsoft Entra ID'
      : 'no partial TGT in this logon',
  );
  const sKeyTrust = signals.add(
    'whoami-groups',
    keyTrust?.line,
    'key trust identity: the domain controller checked a Hello key (key-trust PKINIT)',
    true,
  );
  const sCertificate = signals.add(
    'whoami-groups',
    certificate?.line,
    'certificate logon (PKINIT with a certificate: a smart card or a certificate-trust Hello container)',
  );
  signals.add('whoami-groups', asserted?.line, 'the domain controller vouched for this logon');
  const sNgc = signals.add(
    'dsregcmd-status',
    ngcSet?.line,
    ngcSet?.value ? 'the user has a Hello container' : 'the user has no Hello container',
  );
  const providerSays: Record<string, string> = {
    pin: 'the last sign-in at this device used the Hello PIN',
    biometric: 'the last sign-in at this device used Hello biometrics',
    password: 'the last sign-in at this device used a password',
    'smart-card': 'the last sign-in at this device used a smart card',
    fido2: 'the last sign-in at this device used a FIDO2 security key',
    other: 'the last sign-in at this device used another credential provider',
  };
  const sProvider = provider?.kind
    ? signals.add(
        'logonui-last-provider',
        provider.lastProvider?.line,
        providerSays[provider.kind] ?? '',
        true,
      )
    : undefined;
  const sPassport = signals.add(
    'certutil-user-store',
    passportCert?.provider?.line,
    'a certificate whose key is in the Hello container (Microsoft Passport Key Storage Provider)',
  );
  const sSmartCard = signals.add(
    'certutil-user-store',
    smartCardCert?.provider?.line,
    'a certificate whose key is on a smart card',
  );

  const credential = decideCredential();
  const trust = decideTrust(credential.credential);
  return { ...credential, ...trust, signals: signals.list };

  function decideCredential(): { credential: SessionCredential; credentialReason: string } {
    if (password?.value === 1 || (key?.value === 0 && password?.value !== 0)) {
      decide(sPassword, sKey);
      return { credential: 'password', credentialReason: 'klist cloud_debug shows a password sign-in.' };
    }
    if (key?.value === 1) {
      if (provider?.kind === 'fido2' || provider?.kind === 'smart-card') {
        decide(sKey, sProvider);
        const what = provider.kind === 'fido2' ? 'a FIDO2 security key' : 'a smart card';
        return {
          credential: provider.kind,
          credentialReason: `Signed in with a public key, and the sign-in screen last used ${what}.`,
        };
      }
      if (provider?.kind === 'pin' || provider?.kind === 'biometric') {
        decide(sKey, sProvider);
        return {
          credential: 'hello',
          credentialReason: `Signed in with a key, and the sign-in screen last used Hello (${provider.kind === 'pin' ? 'PIN' : 'biometrics'}).`,
        };
      }
      if (ngcSet?.value === false) {
        decide(sKey, sNgc);
        if (certificate || smartCardCert) {
          decide(sCertificate, sSmartCard);
          return {
            credential: 'smart-card',
            credentialReason:
              'Signed in with a certificate, and the user has no Hello container: a smart card.',
          };
        }
        if (asRepType && asRepType.value !== 0) {
          decide(sAsRep);
          return {
            credential: 'fido2',
            credentialReason:
              'Signed in with a key that Microsoft Entra ID answered, and the user has no Hello container: a FIDO2 security key.',
          };
        }
        return {
          credential: 'unknown',
          credentialReason:
            'Signed in with a key, but not with Hello (no Hello container): a smart card or a security key.',
        };
      }
      if (certificate && !keyTrust && !passportCert) {
        if (smartCardCert) {
          decide(sKey, sCertificate, sSmartCard);
          return {
            credential: 'smart-card',
            credentialReason: 'Signed in with a certificate whose key is on a smart card.',
          };
        }
        if (!store) {
          decide(sKey, sCertificate);
          return {
            credential: 'unknown',
            credentialReason:
              'Signed in with a certificate: a smart card or a certificate-trust Hello container. The user certificate store was not read, so they cannot be told apart.',
          };
        }
      }
      if (provider?.kind === 'password') {
        decide(sKey, sProvider);
        return {
          credential: 'unknown',
          credentialReason:
            'klist says this logon used a key, but the sign-in screen last used a password (perhaps another user or an unlock): unclear.',
        };
      }
      decide(sKey, sNgc, sPassport);
      return {
        credential: 'hello',
        credentialReason:
          'Signed in with a key and the user has a Hello container (a FIDO2 key would look the same without the sign-in screen record).',
      };
    }
    if (keyTrust) {
      decide(sKeyTrust);
      return {
        credential: 'hello',
        credentialReason:
          'klist cloud_debug was not read; the token carries the key trust identity of a Hello key.',
      };
    }
    return {
      credential: 'unknown',
      credentialReason: 'klist cloud_debug did not say which credential signed in.',
    };
  }

  function decideTrust(used: SessionCredential): { trustModel: TrustModel; trustReason: string } {
    if (used === 'password' || used === 'smart-card' || used === 'fido2') {
      const what = { password: 'a password', 'smart-card': 'a smart card', fido2: 'a FIDO2 security key' }[
        used
      ];
      return { trustModel: 'none', trustReason: `This session was signed in with ${what}, not with Hello.` };
    }
    if (ngcSet?.value === false) {
      return {
        trustModel: 'none',
        trustReason: 'The user has no Hello container, so no Hello trust model was used.',
      };
    }
    if (used === 'unknown') {
      return {
        trustModel: 'unknown',
        trustReason: 'It is not known whether this session was a Hello sign-in.',
      };
    }
    if (keyTrust) {
      decide(sKeyTrust);
      return {
        trustModel: 'key-trust',
        trustReason:
          'The token carries the key trust identity (S-1-18-4): a domain controller checked the Hello key itself (key-trust PKINIT), not a cloud ticket.',
      };
    }
    if (certificate && passportCert) {
      decide(sCertificate, sPassport);
      return {
        trustModel: 'certificate-trust',
        trustReason: 'Signed in with a certificate whose key is in the Hello container: certificate trust.',
      };
    }
    // The partial TGT in this logon decides; the AS_REP credential type only when klist does not say.
    const onPremTgt = factsOf(set, 'dsregcmd-status')?.onPremTgt;
    const asRepOnly =
      primary === undefined && onPremTgt?.value !== false && asRepType !== undefined && asRepType.value !== 0;
    if (primary?.value === 1 || asRepOnly) {
      decide(sPrimary, sAsRep);
      const exchanged = hasExchangedTgt(set);
      return {
        trustModel: 'cloud-kerberos-trust',
        trustReason: exchanged
          ? 'Microsoft Entra ID issued the partial TGT at this Hello sign-in and a domain controller exchanged it.'
          : 'Microsoft Entra ID issued the partial TGT at this Hello sign-in; it has not been exchanged at a domain controller yet.',
      };
    }
    if (primary?.value === 0) {
      decide(sPrimary);
      return {
        trustModel: 'unknown',
        trustReason:
          'A Hello sign-in without a partial TGT and without the key trust identity: the trust model it used is unclear.',
      };
    }
    return {
      trustModel: 'unknown',
      trustReason: 'klist cloud_debug and the token do not show which trust model was used.',
    };
  }
}

/** True when the user holds a krbtgt ticket for the AD domain (not the Entra Kerberos realm). */
export function hasExchangedTgt(set: FactSet): boolean {
  return domainTgts(set).length > 0;
}
