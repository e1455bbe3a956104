import type { ProbeId, SessionCredential, TrustModel } from '@contract/types';
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

/** The facts the decision reads, pulled out of the fact set once. */
type Readings = ReturnType<typeof readingsOf>;

/** The signal each reading gave, when it gave one; the decision marks the ones it rests on. */
interface SignalsOf {
  key?: AuthSignal;
  password?: AuthSignal;
  asRep?: AuthSignal;
  primary?: AuthSignal;
  keyTrust?: AuthSignal;
  certificate?: AuthSignal;
  ngc?: AuthSignal;
  provider?: AuthSignal;
  passport?: AuthSignal;
  smartCard?: AuthSignal;
}

type CredentialDecision = { credential: SessionCredential; credentialReason: string };
type TrustDecision = { trustModel: TrustModel; trustReason: string };

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
  const r = readingsOf(set);
  const said = { ...klistSignals(r, signals), ...otherSignals(r, signals) };
  const credential = decideCredential(r, said);
  const trust = decideTrust(r, said, credential.credential);
  return { ...credential, ...trust, signals: signals.list };
}

function readingsOf(set: FactSet) {
  const debug = factsOf(set, 'klist-cloud-debug');
  const groups = factsOf(set, 'whoami-groups')?.groups ?? [];
  const store = factsOf(set, 'certutil-user-store');
  const sid = (value: string) => groups.find((g) => g.sid.toUpperCase() === value);
  return {
    set,
    key: debug?.publicKeyCredentialPresent,
    password: debug?.passwordDerivedKeysPresent,
    asRepType: debug?.asRepCredentialType,
    primary: debug?.cloudPrimaryTgtAvailable,
    keyTrust: sid(KEY_TRUST_IDENTITY_SID),
    certificate: sid(THIS_ORGANIZATION_CERTIFICATE_SID),
    asserted: sid(AUTHENTICATION_AUTHORITY_ASSERTED_SID),
    ngcSet: factsOf(set, 'dsregcmd-status')?.ngcSet,
    provider: factsOf(set, 'logonui-last-provider'),
    store,
    passportCert: store?.certificates.find((c) => c.keyStorage === 'passport'),
    smartCardCert: store?.certificates.find((c) => c.keyStorage === 'smart-card'),
  };
}

/** What klist cloud_debug said about this logon, in the order the evidence lists it. */
function klistSignals(r: Readings, signals: Signals): SignalsOf {
  const { key, password, asRepType, primary } = r;
  return {
    key: signals.add(
      'klist-cloud-debug',
      key?.line,
      key?.value === 1
        ? 'signed in with a public key (Hello, a smart card or a FIDO2 security key)'
        : 'no public key credential in this logon',
    ),
    password: signals.add(
      'klist-cloud-debug',
      password?.line,
      password?.value === 1 ? 'password-derived keys: a password sign-in' : 'no password-derived keys',
    ),
    asRep: signals.add(
      'klist-cloud-debug',
      asRepType?.line,
      asRepType && asRepType.value !== 0
        ? 'Microsoft Entra ID answered the logon with a cloud ticket (FIDO2 or cloud Kerberos trust)'
        : 'no cloud ticket credential type',
    ),
    primary: signals.add(
      'klist-cloud-debug',
      primary?.line,
      primary?.value === 1
        ? 'this logon holds the partial TGT from Microsoft Entra ID'
        : 'no partial TGT in this logon',
    ),
  };
}

const PROVIDER_SAYS: Record<string, string> = {
  pin: 'the last sign-in at this device used the Hello PIN',
  biometric: 'the last sign-in at this device used Hello biometrics',
  password: 'the last sign-in at this device used a password',
  'smart-card': 'the last sign-in at this device used a smart card',
  fido2: 'the last sign-in at this device used a FIDO2 security key',
  other: 'the last sign-in at this device used another credential provider',
};

/** What the token, dsregcmd, the sign-in screen and the certificate store said, in that order. */
function otherSignals(r: Readings, signals: Signals): SignalsOf {
  const keyTrust = signals.add(
    'whoami-groups',
    r.keyTrust?.line,
    'key trust identity: the domain controller checked a Hello key (key-trust PKINIT)',
    true,
  );
  const certificate = signals.add(
    'whoami-groups',
    r.certificate?.line,
    'certificate logon (PKINIT with a certificate: a smart card or a certificate-trust Hello container)',
  );
  signals.add('whoami-groups', r.asserted?.line, 'the domain controller vouched for this logon');
  const ngc = signals.add(
    'dsregcmd-status',
    r.ngcSet?.line,
    r.ngcSet?.value ? 'the user has a Hello container' : 'the user has no Hello container',
  );
  const provider = r.provider?.kind
    ? signals.add(
        'logonui-last-provider',
        r.provider.lastProvider?.line,
        PROVIDER_SAYS[r.provider.kind] ?? '',
        true,
      )
    : undefined;
  const passport = signals.add(
    'certutil-user-store',
    r.passportCert?.provider?.line,
    'a certificate whose key is in the Hello container (Microsoft Passport Key Storage Provider)',
  );
  const smartCard = signals.add(
    'certutil-user-store',
    r.smartCardCert?.provider?.line,
    'a certificate whose key is on a smart card',
  );
  return { keyTrust, certificate, ngc, provider, passport, smartCard };
}

function decideCredential(r: Readings, s: SignalsOf): CredentialDecision {
  const { key, password } = r;
  if (password?.value === 1 || (key?.value === 0 && password?.value !== 0)) {
    decide(s.password, s.key);
    return { credential: 'password', credentialReason: 'klist cloud_debug shows a password sign-in.' };
  }
  if (key?.value === 1) return keyCredential(r, s);
  if (r.keyTrust) {
    decide(s.keyTrust);
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

/** klist says a public key signed in: Hello, a smart card or a FIDO2 key, told apart by the rest. */
function keyCredential(r: Readings, s: SignalsOf): CredentialDecision {
  const { provider } = r;
  if (provider?.kind === 'fido2' || provider?.kind === 'smart-card') {
    decide(s.key, s.provider);
    const what = provider.kind === 'fido2' ? 'a FIDO2 security key' : 'a smart card';
    return {
      credential: provider.kind,
      credentialReason: `Signed in with a public key, and the sign-in screen last used ${what}.`,
    };
  }
  if (provider?.kind === 'pin' || provider?.kind === 'biometric') {
    decide(s.key, s.provider);
    return {
      credential: 'hello',
      credentialReason: `Signed in with a key, and the sign-in screen last used Hello (${provider.kind === 'pin' ? 'PIN' : 'biometrics'}).`,
    };
  }
  if (r.ngcSet?.value === false) return keyWithoutHelloContainer(r, s);
  const byCertificate = certificateCredential(r, s);
  if (byCertificate) return byCertificate;
  if (provider?.kind === 'password') {
    decide(s.key, s.provider);
    return {
      credential: 'unknown',
      credentialReason:
        'klist says this logon used a key, but the sign-in screen last used a password (perhaps another user or an unlock): unclear.',
    };
  }
  decide(s.key, s.ngc, s.passport);
  return {
    credential: 'hello',
    credentialReason:
      'Signed in with a key and the user has a Hello container (a FIDO2 key would look the same without the sign-in screen record).',
  };
}

/** A key sign-in by a user with no Hello container: a smart card or a security key. */
function keyWithoutHelloContainer(r: Readings, s: SignalsOf): CredentialDecision {
  decide(s.key, s.ngc);
  if (r.certificate || r.smartCardCert) {
    decide(s.certificate, s.smartCard);
    return {
      credential: 'smart-card',
      credentialReason: 'Signed in with a certificate, and the user has no Hello container: a smart card.',
    };
  }
  if (r.asRepType && r.asRepType.value !== 0) {
    decide(s.asRep);
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

/** A certificate logon without the key trust identity or a Hello-held certificate, when it decides. */
function certificateCredential(r: Readings, s: SignalsOf): CredentialDecision | undefined {
  if (!r.certificate || r.keyTrust || r.passportCert) return undefined;
  if (r.smartCardCert) {
    decide(s.key, s.certificate, s.smartCard);
    return {
      credential: 'smart-card',
      credentialReason: 'Signed in with a certificate whose key is on a smart card.',
    };
  }
  if (!r.store) {
    decide(s.key, s.certificate);
    return {
      credential: 'unknown',
      credentialReason:
        'Signed in with a certificate: a smart card or a certificate-trust Hello container. The user certificate store was not read, so they cannot be told apart.',
    };
  }
  return undefined;
}

function decideTrust(r: Readings, s: SignalsOf, used: SessionCredential): TrustDecision {
  if (used === 'password' || used === 'smart-card' || used === 'fido2') {
    const what = { password: 'a password', 'smart-card': 'a smart card', fido2: 'a FIDO2 security key' }[
      used
    ];
    return { trustModel: 'none', trustReason: `This session was signed in with ${what}, not with Hello.` };
  }
  if (r.ngcSet?.value === false) {
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
  if (r.keyTrust) {
    decide(s.keyTrust);
    return {
      trustModel: 'key-trust',
      trustReason:
        'The token carries the key trust identity (S-1-18-4): a domain controller checked the Hello key itself (key-trust PKINIT), not a cloud ticket.',
    };
  }
  if (r.certificate && r.passportCert) {
    decide(s.certificate, s.passport);
    return {
      trustModel: 'certificate-trust',
      trustReason: 'Signed in with a certificate whose key is in the Hello container: certificate trust.',
    };
  }
  return partialTgtTrust(r, s);
}

/** A Hello sign-in without key or certificate trust: the partial TGT tells cloud Kerberos trust. */
function partialTgtTrust(r: Readings, s: SignalsOf): TrustDecision {
  const { primary, asRepType } = r;
  // The partial TGT in this logon decides; the AS_REP credential type only when klist does not say.
  const onPremTgt = factsOf(r.set, 'dsregcmd-status')?.onPremTgt;
  const asRepOnly =
    primary === undefined && onPremTgt?.value !== false && asRepType !== undefined && asRepType.value !== 0;
  if (primary?.value === 1 || asRepOnly) {
    decide(s.primary, s.asRep);
    const exchanged = hasExchangedTgt(r.set);
    return {
      trustModel: 'cloud-kerberos-trust',
      trustReason: exchanged
        ? 'Microsoft Entra ID issued the partial TGT at this Hello sign-in and a domain controller exchanged it.'
        : 'Microsoft Entra ID issued the partial TGT at this Hello sign-in; it has not been exchanged at a domain controller yet.',
    };
  }
  if (primary?.value === 0) {
    decide(s.primary);
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

/** True when the user holds a krbtgt ticket for the AD domain (not the Entra Kerberos realm). */
export function hasExchangedTgt(set: FactSet): boolean {
  return domainTgts(set).length > 0;
}
