import { describe, expect, it } from 'vitest';
import { inferTrustModels, policyTrustModel } from '../../../electron/engine/checklist/infer-trust-model';
import { derivePolicy, describeSource } from '../../../electron/engine/facts/derive-policy';
import { buildFactSet } from '../../../electron/engine/facts/fact-set';
import { runContextOf, userScopeCaveat } from '../../../electron/engine/facts/run-context';
import { hasExchangedTgt, sessionAuthOf } from '../../../electron/engine/facts/session-auth';
import { loadScenario } from '../../../electron/engine/scenarios/scenario-catalog';
import {
  addGroup,
  dropProbe,
  type Edit,
  factsFor,
  failProbe,
  fixture,
  removeLine,
  setLine,
  setOutput,
  setRegistryValue,
} from './evidence-helpers';

// docs/verdicts.md section 3 (what authenticated the session, in the order the code decides)
// and section 1 (what the policy asks for, and how the policy registry is read).

const PROVIDER = (clsid: string): Edit =>
  setRegistryValue('logonui-last-provider', 'LastLoggedOnProvider', clsid);
const PASSWORD_PROVIDER = PROVIDER('{60B78E88-EAD8-445C-9CFD-0B87F74EA6CD}');
const OTHER_PROVIDER = PROVIDER('{2D8B3101-E025-480D-917C-835522C7F628}');
const KLIST = (label: string, value: string): Edit => setLine('klist-cloud-debug', label, value);
const CERT_LOGON = addGroup('NT AUTHORITY\\This Organization Certificate', 'S-1-5-65-1', 'Well-known group');
const KEY_TRUST = addGroup('Key trust identity', 'S-1-18-4', 'Well-known group');
const ELEVATED = addGroup('Mandatory Label\\High Mandatory Level', 'S-1-16-12288', 'Label', '');
const NGC_NO = setLine('dsregcmd-status', 'NgcSet', 'NO');
const auth = (scenario: string, ...edits: Edit[]) => sessionAuthOf(factsFor(scenario, ...edits));
const decisiveLines = (scenario: string, ...edits: Edit[]) =>
  auth(scenario, ...edits)
    .signals.filter((s) => s.decisive)
    .map((s) => s.line);

describe('session credential', () => {
  it('hello: a key, and the sign-in screen last used the PIN', () => {
    const result = auth('healthy-hybrid');
    expect(result.credential).toBe('hello');
    expect(result.credentialReason).toMatch(/sign-in screen last used Hello \(PIN\)/);
    expect(decisiveLines('healthy-hybrid')).toEqual(
      expect.arrayContaining([
        'Public Key Credential Present: 1',
        'LastLoggedOnProvider    REG_SZ    {D6886603-9D2F-4EB2-B667-1971041FA96B}',
      ]),
    );
  });

  it('hello: a key and a Hello container without the sign-in screen record (a FIDO2 key would look the same)', () => {
    const result = auth('healthy-hybrid', dropProbe('logonui-last-provider'));
    expect(result.credential).toBe('hello');
    expect(result.credentialReason).toMatch(/FIDO2 key would look the same/);
  });

  it('hello: klist not read, but the token carries the key trust identity', () => {
    const result = auth('key-trust-fallback', dropProbe('klist-cloud-debug'));
    expect(result.credential).toBe('hello');
    expect(result.credentialReason).toMatch(
      /klist cloud_debug was not read; the token carries the key trust identity/,
    );
    expect(result.trustModel).toBe('key-trust');
  });

  it('password: password-derived keys', () => {
    const result = auth('password-sign-in');
    expect(result.credential).toBe('password');
    expect(result.trustModel).toBe('none');
    expect(result.trustReason).toBe('This session was signed in with a password, not with Hello.');
  });

  it('password: no public key, and the password line missing', () => {
    const result = auth(
      'healthy-hybrid',
      KLIST('Public Key Credential Present', '0'),
      removeLine('klist-cloud-debug', 'Password-derived Keys Present'),
    );
    expect(result.credential).toBe('password');
  });

  it('not a password when klist says neither a key nor password-derived keys', () => {
    const result = auth('healthy-hybrid', KLIST('Public Key Credential Present', '0'));
    expect(result.credential).toBe('unknown');
    expect(result.credentialReason).toBe('klist cloud_debug did not say which credential signed in.');
  });

  it('smart card: the sign-in screen last used the smart card provider (practice capture)', () => {
    const result = auth('smart-card-sign-in');
    expect(result.credential).toBe('smart-card');
    expect(result.trustModel).toBe('none');
    expect(result.trustReason).toBe('This session was signed in with a smart card, not with Hello.');
  });

  it('smart card: a certificate logon whose key is on a smart card, without the sign-in screen record', () => {
    const result = auth('smart-card-sign-in', dropProbe('logonui-last-provider'));
    expect(result.credential).toBe('smart-card');
    expect(result.credentialReason).toBe('Signed in with a certificate whose key is on a smart card.');
  });

  it('smart card: a key, no Hello container, and a certificate logon', () => {
    const result = auth('healthy-hybrid', OTHER_PROVIDER, NGC_NO, CERT_LOGON);
    expect(result.credential).toBe('smart-card');
    expect(result.credentialReason).toMatch(/no Hello container: a smart card/);
  });

  it('fido2: the sign-in screen last used the FIDO provider', () => {
    const result = auth('healthy-hybrid', PROVIDER('{F8A1793B-7873-4046-B2A7-1F318747F427}'));
    expect(result.credential).toBe('fido2');
    expect(result.trustModel).toBe('none');
    expect(result.trustReason).toMatch(/FIDO2 security key/);
  });

  it('fido2: a key Entra ID answered, and no Hello container', () => {
    const result = auth('healthy-hybrid', OTHER_PROVIDER, NGC_NO);
    expect(result.credential).toBe('fido2');
    expect(result.credentialReason).toMatch(
      /Microsoft Entra ID answered, and the user has no Hello container/,
    );
  });

  describe('unknown', () => {
    it('a key, no Hello container, nothing else to tell a smart card from a security key', () => {
      const result = auth('healthy-hybrid', OTHER_PROVIDER, NGC_NO, KLIST('AS_REP Credential Type', '0'));
      expect(result.credential).toBe('unknown');
      expect(result.credentialReason).toMatch(/a smart card or a security key/);
      // No Hello container: no Hello trust model either.
      expect(result.trustModel).toBe('none');
    });

    it('a certificate logon with the user store unread', () => {
      const result = auth('healthy-hybrid', OTHER_PROVIDER, CERT_LOGON, dropProbe('certutil-user-store'));
      expect(result.credential).toBe('unknown');
      expect(result.credentialReason).toMatch(/user certificate store was not read/);
      expect(result.trustModel).toBe('unknown');
    });

    it('a key while the sign-in screen last used a password', () => {
      const result = auth('healthy-hybrid', PASSWORD_PROVIDER);
      expect(result.credential).toBe('unknown');
      expect(result.trustReason).toBe('It is not known whether this session was a Hello sign-in.');
    });

    it('from an elevated run: neither the credential nor the trust model is the user session one', () => {
      const result = auth('healthy-hybrid', ELEVATED);
      expect(result).toMatchObject({ credential: 'unknown', trustModel: 'unknown', signals: [] });
      expect(result.credentialReason).toMatch(/^Can't tell how the user signed in: the app ran elevated/);
    });
  });

  it('falls through a certificate logon with the store read and no certificate of either kind to Hello', () => {
    const result = auth(
      'healthy-hybrid',
      OTHER_PROVIDER,
      CERT_LOGON,
      setOutput('certutil-user-store', fixture('parsers/certutil-user-store-empty-01.txt')),
    );
    expect(result.credential).toBe('hello');
  });
});

describe('session trust model', () => {
  it('cloud Kerberos trust: the partial TGT at a Hello sign-in, exchanged at a DC', () => {
    const result = auth('healthy-hybrid');
    expect(result.trustModel).toBe('cloud-kerberos-trust');
    expect(result.trustReason).toMatch(/a domain controller exchanged it/);
  });

  it('cloud Kerberos trust, not exchanged yet when there is no domain TGT', () => {
    const result = auth('clock-skew');
    expect(result.trustModel).toBe('cloud-kerberos-trust');
    expect(result.trustReason).toMatch(/not been exchanged at a domain controller yet/);
  });

  it('key trust: S-1-18-4 in the token (practice capture)', () => {
    const result = auth('key-trust-fallback');
    expect(result.trustModel).toBe('key-trust');
    const keyTrust = result.signals.find((s) => s.line.includes('S-1-18-4'));
    expect(keyTrust).toMatchObject({ decisive: true, inference: true });
  });

  it('key trust wins over the partial TGT in the same logon', () => {
    expect(auth('healthy-hybrid', KEY_TRUST).trustModel).toBe('key-trust');
  });

  it('certificate trust: a certificate logon with its key in the Hello container (practice capture)', () => {
    const result = auth('cert-trust-policy-removed');
    expect(result.credential).toBe('hello');
    expect(result.trustModel).toBe('certificate-trust');
  });

  it('none: a Hello sign-in recorded, but no Hello container now', () => {
    const result = auth('hello-container-deleted');
    expect(result.credential).toBe('hello');
    expect(result.trustModel).toBe('none');
    expect(result.trustReason).toMatch(/no Hello container/);
  });

  it('unknown: a Hello sign-in without the partial TGT and without S-1-18-4', () => {
    const result = auth(
      'healthy-hybrid',
      KLIST('Cloud Primary (Hybrid logon) TGT available', '0'),
      KLIST('AS_REP Credential Type', '0'),
    );
    expect(result.trustModel).toBe('unknown');
    expect(result.trustReason).toMatch(/without a partial TGT and without the key trust identity/);
  });

  it('cloud Kerberos trust from the AS_REP credential type only when klist has no partial-TGT line', () => {
    const noPrimaryLine = removeLine('klist-cloud-debug', 'Cloud Primary (Hybrid logon) TGT available');
    expect(auth('healthy-hybrid', noPrimaryLine).trustModel).toBe('cloud-kerberos-trust');
    // ...and never when dsregcmd says Entra ID issued no partial TGT.
    const noTicket = auth('healthy-hybrid', noPrimaryLine, setLine('dsregcmd-status', 'OnPremTgt', 'NO'));
    expect(noTicket.trustModel).toBe('unknown');
  });

  it('unknown: klist printed neither line', () => {
    const result = auth(
      'healthy-hybrid',
      removeLine('klist-cloud-debug', 'Cloud Primary (Hybrid logon) TGT available'),
      removeLine('klist-cloud-debug', 'AS_REP Credential Type'),
    );
    expect(result.trustModel).toBe('unknown');
    expect(result.trustReason).toBe(
      'klist cloud_debug and the token do not show which trust model was used.',
    );
  });

  it('lists the authority-asserted SID and never lets it decide', () => {
    const asserted = auth('healthy-hybrid').signals.find((s) => s.line.includes('S-1-18-1'));
    expect(asserted).toMatchObject({ decisive: false, says: 'the domain controller vouched for this logon' });
  });

  it('knows when the domain TGT is in the cache, and that the Entra realm one does not count', () => {
    expect(hasExchangedTgt(factsFor('healthy-hybrid'))).toBe(true);
    expect(hasExchangedTgt(factsFor('clock-skew'))).toBe(false);
    expect(
      hasExchangedTgt(
        factsFor('healthy-entra-joined', setOutput('klist-tickets', fixture('samples/klist-01.txt'))),
      ),
    ).toBe(false);
  });
});

describe('policy trust model', () => {
  const policy = (scenario: string, ...edits: Edit[]) => policyTrustModel(factsFor(scenario, ...edits));

  it('cloud Kerberos trust when the device value is on', () => {
    expect(policy('healthy-hybrid')).toMatchObject({ trustModel: 'cloud-kerberos-trust' });
  });

  it('certificate trust wins over cloud trust', () => {
    const result = policy('certificate-trust-enabled');
    expect(result.trustModel).toBe('certificate-trust');
    expect(result.evidence[0]?.lines).toEqual(['UseCertificateForOnPremAuth    REG_DWORD    0x1']);
  });

  it('key trust when the build cannot use cloud trust', () => {
    const result = policy('os-too-old');
    expect(result.trustModel).toBe('key-trust');
    expect(result.reason).toMatch(/this Windows build cannot use it/);
  });

  it("key trust when cloud trust sits under another tenant's id", () => {
    expect(policy('foreign-tenant-policy').trustModel).toBe('key-trust');
  });

  it('key trust when cloud trust is set for the user only', () => {
    expect(policy('policy-user-scope-only').trustModel).toBe('key-trust');
  });

  it('key trust when neither is configured, with NgcSet as evidence', () => {
    const result = policy('cloud-trust-policy-missing');
    expect(result.trustModel).toBe('key-trust');
    expect(result.evidence[0]?.lines).toEqual(['NgcSet : YES']);
  });

  it('a user-scope certificate value does not make it certificate trust (device-only setting)', () => {
    const userGpo =
      'HKEY_CURRENT_USER\\SOFTWARE\\Policies\\Microsoft\\PassportForWork\n    UseCertificateForOnPremAuth    REG_DWORD    0x1\n';
    expect(policy('healthy-hybrid', setOutput('policy-gpo-user', userGpo)).trustModel).toBe(
      'cloud-kerberos-trust',
    );
  });

  it('none when Hello is turned off', () => {
    const result = policy(
      'cloud-trust-policy-missing',
      setRegistryValue('policy-mdm', 'UsePassportForWork', '0x0'),
    );
    expect(result.trustModel).toBe('none');
  });

  it('unknown when a policy probe could not be read', () => {
    const result = policy('cloud-trust-policy-missing', failProbe('policy-gpo-machine'));
    expect(result.trustModel).toBe('unknown');
    expect(result.reason).toMatch(/^Can't read the policy: /);
  });

  it('key trust without evidence when dsregcmd was not read', () => {
    const result = policy('cloud-trust-policy-missing', dropProbe('dsregcmd-status'));
    expect(result).toMatchObject({ trustModel: 'key-trust', evidence: [] });
  });

  it('reports both: a session that used key trust on a device whose policy asks for cloud trust', () => {
    const models = inferTrustModels(factsFor('key-trust-fallback'));
    expect(models.session.trustModel).toBe('key-trust');
    expect(models.policy.trustModel).toBe('cloud-kerberos-trust');
    expect(models.session.evidence.some((e) => e.lines.some((l) => l.includes('S-1-18-4')))).toBe(true);
    expect(models.auth.credential).toBe('hello');
  });
});

describe('derivePolicy', () => {
  const GPO_MACHINE = setOutput('policy-gpo-machine', fixture('parsers/registry-policy-gpo-machine-01.txt'));

  it('reads MDM device values under this tenant, and nothing from other places', () => {
    const view = derivePolicy(factsFor('healthy-hybrid'));
    expect(view.settings.map((s) => [s.name, s.source, s.tenantId])).toEqual([
      ['UsePassportForWork', 'mdm-device', '3f1c2b7a-5d7e-4c1a-9f0e-2b8d6a4c1e90'],
      ['RequireSecurityDevice', 'mdm-device', '3f1c2b7a-5d7e-4c1a-9f0e-2b8d6a4c1e90'],
      ['UseCloudTrustForOnPremAuth', 'mdm-device', '3f1c2b7a-5d7e-4c1a-9f0e-2b8d6a4c1e90'],
    ]);
    expect(view).toMatchObject({
      gpoConfigured: false,
      mdmConfigured: true,
      incomplete: false,
      missingReasons: [],
    });
    expect(view.deviceTenantId).toBe('3f1c2b7a-5d7e-4c1a-9f0e-2b8d6a4c1e90');
  });

  it("sets aside another tenant's values (real fixture with a PIN complexity subkey and a user scope)", () => {
    const view = derivePolicy(
      factsFor('healthy-hybrid', setOutput('policy-mdm', fixture('parsers/registry-policy-mdm-01.txt'))),
    );
    expect(view.settings).toEqual([]);
    expect(view.foreignTenant.map((s) => s.name)).toEqual([
      'UsePassportForWork',
      'RequireSecurityDevice',
      'UsePassportForWork',
      'RequireSecurityDevice',
      'UseCloudTrustForOnPremAuth',
      'EnablePinRecovery',
      'DisablePostLogonProvisioning',
    ]);
    // The PIN complexity subkey is not a policy scope.
    expect(view.foreignTenant.some((s) => s.name === 'MinimumPINLength')).toBe(false);
  });

  it('cannot tell a foreign tenant without the device TenantId, and then reads the values', () => {
    const view = derivePolicy(
      factsFor(
        'healthy-hybrid',
        setOutput('policy-mdm', fixture('parsers/registry-policy-mdm-01.txt')),
        removeLine('dsregcmd-status', 'TenantId'),
      ),
    );
    expect(view.foreignTenant).toEqual([]);
    expect(view.cloudTrust?.value).toBe(1);
    expect(view.deviceTenantId).toBeUndefined();
  });

  it('applies precedence per setting: a computer GPO value overrides the same Intune value only', () => {
    const view = derivePolicy(factsFor('healthy-hybrid', GPO_MACHINE));
    expect(view.gpoConfigured).toBe(true);
    // GPO's "Enabled" is the same setting as the CSP's UsePassportForWork.
    expect(view.overriddenByGpo.map((s) => s.name)).toEqual([
      'UsePassportForWork',
      'RequireSecurityDevice',
      'UseCloudTrustForOnPremAuth',
    ]);
    expect(view.cloudTrust?.source).toBe('gpo-machine');
    // GPO's "Enabled" comes first by precedence.
    expect(view.helloEnabled).toMatchObject({ name: 'Enabled', source: 'gpo-machine' });
  });

  it('keeps the values of a GPO subkey out', () => {
    const view = derivePolicy(factsFor('healthy-hybrid', GPO_MACHINE));
    expect(view.settings.some((s) => s.name === 'MinimumPINLength')).toBe(false);
  });

  it('counts cloud and certificate trust only in device scope, and reports user-scope values apart', () => {
    const userScope = derivePolicy(factsFor('policy-user-scope-only'));
    expect(userScope.cloudTrust).toBeUndefined();
    expect(userScope.cloudTrustOnlyInUserScope).toMatchObject({ source: 'mdm-user', value: 1 });
    expect(userScope.helloEnabled).toMatchObject({ source: 'mdm-user' });

    const userCert = derivePolicy(
      factsFor(
        'healthy-hybrid',
        setOutput(
          'policy-gpo-user',
          'HKEY_CURRENT_USER\\SOFTWARE\\Policies\\Microsoft\\PassportForWork\n    UseCertificateForOnPremAuth    REG_DWORD    0x1\n',
        ),
      ),
    );
    expect(userCert.certTrust).toBeUndefined();
    expect(userCert.certTrustUserScope).toMatchObject({ source: 'gpo-user' });
    // The device value of cloud trust stays in force beside it.
    expect(userCert.cloudTrust).toMatchObject({ source: 'mdm-device', value: 1 });
    expect(userCert.cloudTrustOnlyInUserScope).toBeUndefined();
  });

  it('does not report a user-scope value that is off', () => {
    const view = derivePolicy(
      factsFor(
        'healthy-hybrid',
        setOutput(
          'policy-gpo-user',
          'HKEY_CURRENT_USER\\SOFTWARE\\Policies\\Microsoft\\PassportForWork\n    UseCertificateForOnPremAuth    REG_DWORD    0x0\n',
        ),
      ),
    );
    expect(view.certTrustUserScope).toBeUndefined();
  });

  it('ignores text values and keys that are neither Device nor a user SID', () => {
    const odd =
      'HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Policies\\PassportForWork\\3f1c2b7a-5d7e-4c1a-9f0e-2b8d6a4c1e90\\Device\\Policies\n' +
      '    UseCloudTrustForOnPremAuth    REG_SZ    1\n\n' +
      'HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Policies\\PassportForWork\\3f1c2b7a-5d7e-4c1a-9f0e-2b8d6a4c1e90\\Other\\Policies\n' +
      '    UseCloudTrustForOnPremAuth    REG_DWORD    0x1\n';
    expect(derivePolicy(factsFor('healthy-hybrid', setOutput('policy-mdm', odd))).settings).toEqual([]);
  });

  it('says which probe is missing, user GPO first', () => {
    const view = derivePolicy(
      factsFor('healthy-hybrid', dropProbe('policy-gpo-user'), failProbe('policy-mdm')),
    );
    expect(view.incomplete).toBe(true);
    expect(view.missingReasons).toEqual([
      'policy-gpo-user was not captured',
      expect.stringMatching(/reg\.exe .* did not finish in time/),
    ]);
  });

  it('names each policy source in plain words', () => {
    expect(
      ['gpo-user', 'gpo-machine', 'mdm-user', 'mdm-device'].map((s) => describeSource(s as never)),
    ).toEqual([
      'user Group Policy',
      'computer Group Policy',
      'Intune/MDM user policy',
      'Intune/MDM device policy',
    ]);
  });
});

describe('run context', () => {
  const context = (scenario: string, ...edits: Edit[]) => runContextOf(factsFor(scenario, ...edits));

  it('the user, unelevated, at the console', () => {
    expect(context('healthy-hybrid')).toMatchObject({
      runAs: 'user',
      remote: false,
      account: 'contoso\\alice',
    });
    expect(userScopeCaveat(factsFor('healthy-hybrid'))).toBeUndefined();
  });

  it('the user in a Remote Desktop session: remote, but no caveat on whose facts they are', () => {
    const result = context('rdp-session');
    expect(result).toMatchObject({ runAs: 'user', remote: true });
    expect(result.evidence.flatMap((e) => e.lines)).toEqual(
      expect.arrayContaining([expect.stringContaining('S-1-5-14'), 'SessionIsNotRemote : NO']),
    );
    expect(userScopeCaveat(factsFor('rdp-session'))).toBeUndefined();
  });

  it('SYSTEM', () => {
    const set = factsFor(
      'healthy-hybrid',
      setOutput('whoami-user', '"User Name","SID"\n"nt authority\\system","S-1-5-18"\n'),
    );
    expect(runContextOf(set).runAs).toBe('system');
    expect(userScopeCaveat(set)).toBe(
      "the app ran as SYSTEM, so this describes that account's session, not the signed-in user's",
    );
  });

  it('elevated: the System mandatory label counts too', () => {
    const result = context(
      'healthy-hybrid',
      addGroup('Mandatory Label\\System Mandatory Level', 'S-1-16-16384', 'Label', ''),
    );
    expect(result.runAs).toBe('elevated');
    expect(result.reason).toBe('the app ran elevated ("Run as administrator") as contoso\\alice');
  });

  it('elevated without a known account name', () => {
    const result = context('healthy-hybrid', ELEVATED, dropProbe('whoami-user'));
    expect(result.reason).toBe('the app ran elevated ("Run as administrator") as an administrator');
  });

  it('another account than the last one signed in at the sign-in screen', () => {
    const result = context(
      'healthy-hybrid',
      setRegistryValue(
        'logonui-last-provider',
        'LastLoggedOnUserSID',
        'S-1-5-21-1004336348-1177238915-682003330-1290',
      ),
    );
    expect(result.runAs).toBe('other-account');
    expect(result.reason).toBe(
      'the app ran as contoso\\alice, but the last account to sign in at this device is CONTOSO\\alice',
    );
  });

  it('compares SIDs without regard to case', () => {
    const result = context(
      'healthy-hybrid',
      setRegistryValue(
        'logonui-last-provider',
        'LastLoggedOnUserSID',
        's-1-5-21-1004336348-1177238915-682003330-1107',
      ),
    );
    expect(result.runAs).toBe('user');
  });

  it('unknown when nothing read names the account', () => {
    const result = context(
      'healthy-hybrid',
      dropProbe('whoami-user'),
      setOutput('whoami-groups', '"Group Name","Type","SID","Attributes"\n'),
      removeLine('dsregcmd-status', 'User Context'),
    );
    expect(result.runAs).toBe('unknown');
    // Unknown is no caveat: the checks then decide on what they have.
    expect(
      userScopeCaveat(
        factsFor(
          'healthy-hybrid',
          dropProbe('whoami-user'),
          dropProbe('whoami-groups'),
          removeLine('dsregcmd-status', 'User Context'),
        ),
      ),
    ).toBeUndefined();
  });
});

describe('derivePolicy, device-only settings against a user GPO', () => {
  it('does not let a user GPO value of cloud trust cancel the Intune device value', () => {
    const userGpo = {
      'policy-gpo-user': {
        command: ['reg.exe', 'query', 'HKCU\\SOFTWARE\\Policies\\Microsoft\\PassportForWork', '/s'],
        exitCode: 0,
        stdout:
          '\nHKEY_CURRENT_USER\\SOFTWARE\\Policies\\Microsoft\\PassportForWork\n    UseCloudTrustForOnPremAuth    REG_DWORD    0x0\n',
        stderr: '',
        durationMs: 40,
        error: null,
      },
    };
    const capture = loadScenario('healthy-hybrid');
    const view = derivePolicy(
      buildFactSet({ ...capture.probes, ...userGpo }, {}, new Date(capture.capturedAt)),
    );
    expect(view.overriddenByGpo).toEqual([]);
    expect(view.cloudTrust).toMatchObject({ source: 'mdm-device', value: 1 });
  });
});
