import { describe, expect, it } from 'vitest';
import { checkHelloSignin } from '../../../electron/engine/checks/check-hello-signin';
import {
  addGroup,
  dropProbe,
  type Edit,
  factsFor,
  fixesOf,
  setOutput,
  setRegistryValue,
  showsLine,
} from './evidence-helpers';

// Cloud Kerberos trust works only for a Hello sign-in. "Public Key Credential Present"
// counts smart cards and FIDO2 keys too (CSS wiki), so the credential is decided from all the
// signals (docs/verdicts.md section 3); a smart card or FIDO2 key is a reason of its own.

const PROVIDER = (clsid: string): Edit =>
  setRegistryValue('logonui-last-provider', 'LastLoggedOnProvider', clsid);
const FIDO2 = PROVIDER('{F8A1793B-7873-4046-B2A7-1F318747F427}');
const evaluate = (scenario: string, ...edits: Edit[]) =>
  checkHelloSignin.evaluate(factsFor(scenario, ...edits));

describe('hello-signin', () => {
  it('passes a PIN sign-in and shows the key line and the sign-in screen record', () => {
    const outcome = evaluate('healthy-hybrid');
    expect(outcome.status).toBe('pass');
    expect(outcome.summary).toMatch(/^Signed in with Hello\. .*last used Hello \(PIN\)/);
    expect(showsLine(outcome, 'Public Key Credential Present: 1')).toBe(true);
    expect(
      showsLine(outcome, 'LastLoggedOnProvider    REG_SZ    {D6886603-9D2F-4EB2-B667-1971041FA96B}'),
    ).toBe(true);
    expect(fixesOf(outcome)).toEqual([]);
  });

  it('passes a biometric sign-in (face)', () => {
    const outcome = evaluate('healthy-hybrid', PROVIDER('{8AF662BF-65A0-4D0A-A540-A338A999D36F}'));
    expect(outcome.status).toBe('pass');
    expect(outcome.summary).toMatch(/biometrics/);
  });

  it('fails a password sign-in and offers lock and PIN', () => {
    const outcome = evaluate('password-sign-in');
    expect(outcome.status).toBe('fail');
    expect(outcome.summary).toMatch(/signed in with a password/);
    expect(showsLine(outcome, 'Password-derived Keys Present: 1')).toBe(true);
    expect(fixesOf(outcome)).toEqual(['lock-and-sign-in-with-pin']);
    // A password sign-in is explained by a failed prerequisite (no container, RDP): no own reason.
    expect(outcome.explainedBy).toBeUndefined();
  });

  it('fails a smart-card sign-in as a reason of its own, and says this session cannot use cloud trust', () => {
    const outcome = evaluate('smart-card-sign-in');
    expect(outcome.status).toBe('fail');
    expect(outcome.summary).toMatch(/signed in with a smart card, not with Hello/);
    expect(showsLine(outcome, '{8FD7E19C-3BF7-489B-A72C-846AB3678C96}')).toBe(true);
    expect(outcome.remediation).toMatch(/cannot use cloud Kerberos trust/);
    expect(fixesOf(outcome)).toEqual(['lock-and-sign-in-with-pin']);
    expect(outcome.explainedBy).toEqual([]);
  });

  it('fails a FIDO2 security key sign-in as a reason of its own', () => {
    const outcome = evaluate('healthy-hybrid', FIDO2);
    expect(outcome.status).toBe('fail');
    expect(outcome.summary).toMatch(/a FIDO2 security key, not with Hello/);
    expect(outcome.explainedBy).toEqual([]);
  });

  it('fails a Hello session whose container is gone now: sign out and in', () => {
    const outcome = evaluate('hello-container-deleted');
    expect(outcome.status).toBe('fail');
    expect(outcome.summary).toMatch(/no Hello container now/);
    expect(showsLine(outcome, 'NgcSet : NO')).toBe(true);
    expect(outcome.remediation).toMatch(/Sign out, sign in with the password and set up the PIN/);
    // Nothing to run: only the user can sign out and set up a PIN.
    expect(fixesOf(outcome)).toEqual([]);
  });

  it('passes a key-trust token when klist cloud_debug could not be read (its usage on an old build)', () => {
    const outcome = evaluate('os-too-old');
    expect(outcome.status).toBe('pass');
    expect(outcome.summary).toMatch(/token carries the key trust identity/);
    expect(showsLine(outcome, 'S-1-18-4')).toBe(true);
  });

  describe('unknown', () => {
    it('when klist cloud_debug printed its usage (a build without cloud_debug)', () => {
      const usage =
        'Usage: klist [-lh <LogonId.HighPart>] [-li <LogonId.LowPart>] tickets | tgt | purge | sessions\n';
      const outcome = evaluate('healthy-hybrid', setOutput('klist-cloud-debug', usage));
      expect(outcome.status).toBe('unknown');
      expect(outcome.summary).toMatch(/^Can't tell whether this was a Hello sign-in/);
      expect(outcome.evidence[0]?.note).toMatch(/could not be read/);
    });

    it('from an elevated run', () => {
      const outcome = evaluate(
        'healthy-hybrid',
        addGroup('Mandatory Label\\High Mandatory Level', 'S-1-16-12288', 'Label', ''),
      );
      expect(outcome.status).toBe('unknown');
      expect(outcome.summary).toMatch(/^Can't tell how the user signed in: the app ran elevated/);
    });

    it('when klist cloud_debug was not read and the token says nothing', () => {
      const outcome = evaluate('healthy-hybrid', dropProbe('klist-cloud-debug'));
      expect(outcome.status).toBe('unknown');
      expect(outcome.summary).toBe(
        "Can't tell whether this was a Hello sign-in: klist cloud_debug did not say which credential signed in.",
      );
      expect(outcome.evidence.map((e) => e.probeId)).toEqual(['klist-cloud-debug']);
      expect(outcome.evidence[0]?.note).toMatch(/was not captured/);
    });

    it('when a key signed in but the sign-in screen last used a password (another user or an unlock)', () => {
      const outcome = evaluate('healthy-hybrid', PROVIDER('{60B78E88-EAD8-445C-9CFD-0B87F74EA6CD}'));
      expect(outcome.status).toBe('unknown');
      expect(outcome.summary).toMatch(/sign-in screen last used a password/);
      expect(showsLine(outcome, '{60B78E88-EAD8-445C-9CFD-0B87F74EA6CD}')).toBe(true);
    });
  });
});
