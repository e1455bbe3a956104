import { describe, expect, it } from 'vitest';
import { checkCertTrustConflict } from '../../../electron/engine/checks/check-cert-trust-conflict';
import {
  addGroup,
  dropProbe,
  type Edit,
  factsFor,
  failProbe,
  fixesOf,
  fixture,
  removeGroup,
  replaceText,
  setLine,
  setOutput,
  setRegistryValue,
  shownNotes,
  showsLine,
} from './evidence-helpers';

// Certificate trust wins over cloud trust while UseCertificateForOnPremAuth is on for the
// device (device-only [L7]); a container made under it keeps its certificate until deleted
// [L1]. S-1-5-65-1 is any certificate PKINIT, smart cards too [L12]; CertEnrollment is the
// current policy source [L5]. So 'delete-hello-container' only with proof: a certificate
// whose key is in the Hello container (Passport KSP) AND a certificate logon or a
// provisioning event with the certificate policy on (VERDICTS.md cert-trust-conflict).

const CERT_LOGON = addGroup('NT AUTHORITY\\This Organization Certificate', 'S-1-5-65-1', 'Well-known group');
const PASSPORT_STORE = setOutput(
  'certutil-user-store',
  fixture('parsers/certutil-user-store-whfb-cert-trust-01.txt'),
);
const EVENT_CERT_POLICY_ON = replaceText(
  'events-udr',
  'User certificate for on premise auth policy is enabled: No',
  'User certificate for on premise auth policy is enabled: Yes',
);
const ELEVATED = addGroup('Mandatory Label\\High Mandatory Level', 'S-1-16-12288', 'Label', '');
const evaluate = (scenario: string, ...edits: Edit[]) =>
  checkCertTrustConflict.evaluate(factsFor(scenario, ...edits));

describe('cert-trust-conflict', () => {
  it('passes a healthy cloud-trust device and offers nothing', () => {
    const outcome = evaluate('healthy-hybrid');
    expect(outcome.status).toBe('pass');
    expect(outcome.summary).toBe('Certificate trust is not enabled for the device.');
    expect(fixesOf(outcome)).toEqual([]);
  });

  it('fails while the policy enables certificate trust, and asks for the policy change first (no deletion yet)', () => {
    const outcome = evaluate('certificate-trust-enabled');
    expect(outcome.status).toBe('fail');
    expect(outcome.summary).toMatch(
      /Certificate trust is enabled \(Intune\/MDM device policy\); it takes precedence/,
    );
    expect(showsLine(outcome, 'UseCertificateForOnPremAuth    REG_DWORD    0x1')).toBe(true);
    expect(fixesOf(outcome)).toEqual(['sync-device-policy']);
  });

  it('fails on a computer Group Policy that enables certificate trust (German reg output)', () => {
    const outcome = evaluate(
      'healthy-hybrid',
      setOutput('policy-gpo-machine', fixture('parsers/registry-policy-gpo-machine-de-01.txt')),
    );
    expect(outcome.status).toBe('fail');
    expect(outcome.summary).toMatch(/computer Group Policy/);
  });

  it('offers to delete the container only with proof: Passport certificate + certificate logon (practice capture)', () => {
    const outcome = evaluate('cert-trust-policy-removed');
    expect(outcome.status).toBe('fail');
    expect(outcome.summary).toMatch(/set up for certificate trust and still signs in with its certificate/);
    expect(showsLine(outcome, 'Provider = Microsoft Passport Key Storage Provider')).toBe(true);
    expect(showsLine(outcome, 'S-1-5-65-1')).toBe(true);
    expect(showsLine(outcome, 'User certificate for on premise auth policy is enabled: Yes')).toBe(true);
    expect(fixesOf(outcome)).toEqual(['delete-hello-container']);
    expect(outcome.remediation).toMatch(/As the user \(not elevated\)/);
    expect(outcome.remediation).toMatch(/passkeys/);
    // CanReset offers a non-destructive reset: said first, before anything is deleted, with why it does not help.
    expect(outcome.remediation).toMatch(
      /^A non-destructive PIN reset is available here \(CanReset : DestructiveAndNonDestructive\)/,
    );
    expect(outcome.remediation).toMatch(/keeps the container and its trust model/);
    expect(outcome.explainedBy).toEqual([]);
  });

  it('does not mention a PIN reset that the device does not offer', () => {
    const outcome = evaluate(
      'cert-trust-policy-removed',
      setLine('dsregcmd-status', 'CanReset', 'DestructiveOnly'),
    );
    expect(fixesOf(outcome)).toEqual(['delete-hello-container']);
    expect(outcome.remediation).not.toMatch(/PIN reset/);
  });

  it('proves the leftover container from the provisioning event too, without a certificate logon', () => {
    const outcome = evaluate('cert-trust-policy-removed', removeGroup('S-1-5-65-1'));
    expect(outcome.status).toBe('fail');
    expect(fixesOf(outcome)).toEqual(['delete-hello-container']);
    expect(shownNotes(outcome).join(' ')).toMatch(
      /provisioning launched with the certificate policy on at 2026-11-25T07:41:33/,
    );
  });

  it('passes a Hello certificate alone (an RDP certificate looks the same): no deletion without a second sign', () => {
    const outcome = evaluate('healthy-hybrid', PASSPORT_STORE);
    expect(outcome.status).toBe('pass');
    expect(fixesOf(outcome)).toEqual([]);
  });

  it('does not count a key-trust logon (S-1-5-65-1 beside S-1-18-4) as a certificate logon', () => {
    const outcome = evaluate('key-trust-fallback', PASSPORT_STORE);
    expect(outcome.status).toBe('pass');
    expect(fixesOf(outcome)).not.toContain('delete-hello-container');
  });

  it('passes a smart-card sign-in: S-1-5-65-1 with the key on a smart card is not a Hello container', () => {
    const outcome = evaluate('smart-card-sign-in');
    expect(outcome.status).toBe('pass');
    expect(fixesOf(outcome)).toEqual([]);
  });

  it('ignores CertEnrollment: it names the current policy source, not the container', () => {
    const outcome = evaluate(
      'healthy-hybrid',
      setLine('dsregcmd-status', 'CertEnrollment', 'enrollment authority'),
    );
    expect(outcome.status).toBe('pass');
  });

  describe('warn, never delete, on a sign of certificate trust without proof', () => {
    it('a certificate logon, and no Hello certificate in the store that was read', () => {
      const outcome = evaluate('healthy-hybrid', CERT_LOGON);
      expect(outcome.status).toBe('warn');
      expect(outcome.summary).toMatch(/no certificate in the user store has its key in the Hello container/);
      expect(fixesOf(outcome)).toEqual([]);
      expect(outcome.remediation).toMatch(/Nothing to delete/);
      expect(outcome.explainedBy).toEqual([]);
    });

    it('a certificate logon, and the store was not read (a smart card does the same)', () => {
      const outcome = evaluate('healthy-hybrid', CERT_LOGON, dropProbe('certutil-user-store'));
      expect(outcome.status).toBe('warn');
      expect(outcome.summary).toMatch(/smart card does the same.*not read/);
      expect(fixesOf(outcome)).toEqual([]);
    });

    it('an earlier sign-in with the certificate policy on, and no Hello certificate', () => {
      const outcome = evaluate('healthy-hybrid', EVENT_CERT_POLICY_ON);
      expect(outcome.status).toBe('warn');
      expect(outcome.summary).toMatch(/earlier sign-in had the certificate policy on/);
      expect(fixesOf(outcome)).toEqual([]);
    });
  });

  it('warns about a user-scope certificate value: not read at sign-in', () => {
    const userGpo =
      'HKEY_CURRENT_USER\\SOFTWARE\\Policies\\Microsoft\\PassportForWork\n    UseCertificateForOnPremAuth    REG_DWORD    0x1\n';
    const outcome = evaluate('healthy-hybrid', setOutput('policy-gpo-user', userGpo));
    expect(outcome.status).toBe('warn');
    expect(outcome.summary).toMatch(
      /set for the user \(user Group Policy\), where Windows does not read it at sign-in/,
    );
    expect(fixesOf(outcome)).toEqual([]);
  });

  it('passes after the container was deleted (NgcSet NO): nothing left to delete', () => {
    const outcome = evaluate('hello-container-deleted');
    expect(outcome.status).toBe('pass');
    expect(fixesOf(outcome)).toEqual([]);
  });

  describe('unknown', () => {
    it('when a policy probe failed and no event says', () => {
      const outcome = evaluate(
        'healthy-hybrid',
        failProbe('policy-gpo-machine', 'not-found'),
        setOutput('events-udr', '<Events>\n</Events>\n'),
      );
      expect(outcome.status).toBe('unknown');
      expect(outcome.summary).toMatch(
        /^Can't tell whether certificate trust is enabled: reg\.exe .* is not on this device/,
      );
    });
  });

  it('never offers a deletion from an elevated run (the token and store are not the user session)', () => {
    const outcome = evaluate('cert-trust-policy-removed', ELEVATED);
    // The policy is a device fact, but the container is the user's: from an elevated run it cannot be judged.
    expect(outcome.status).toBe('unknown');
    expect(outcome.summary).toMatch(/not enabled for the device.*can't be told/);
    expect(fixesOf(outcome)).toEqual([]);
  });

  it('never offers a deletion after a smart-card sign-in, even with a Hello certificate in the store', () => {
    const smartCardProvider = setRegistryValue(
      'logonui-last-provider',
      'LastLoggedOnProvider',
      '{8FD7E19C-3BF7-489B-A72C-846AB3678C96}',
    );
    const outcome = evaluate('cert-trust-policy-removed', smartCardProvider);
    expect(fixesOf(outcome)).not.toContain('delete-hello-container');
  });
});
