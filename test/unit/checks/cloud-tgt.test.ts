import { describe, expect, it } from 'vitest';
import { checkCloudTgt } from '../../../electron/engine/checks/check-cloud-tgt';
import {
  addGroup,
  dropProbe,
  type Edit,
  factsFor,
  failProbe,
  fixesOf,
  removeLine,
  setLine,
  setRegistryValue,
  shownNotes,
  showsLine,
} from './evidence-helpers';

// Entra ID issues the partial TGT with the PRT, without a DC [L4][L6]: dsregcmd OnPremTgt YES,
// klist "Cloud Primary (Hybrid logon) TGT available: 1" [L10]. CloudTgt YES + OnPremTgt NO is
// an unsynced user or no Kerberos object for the user's domain [L6]. klist only describes this
// logon, so its 0 after a non-Hello sign-in says nothing about Entra ID (docs/verdicts.md).

const PRIMARY = (n: 0 | 1): Edit =>
  setLine('klist-cloud-debug', 'Cloud Primary (Hybrid logon) TGT available', String(n));
const NO_ONPREM_LINES: Edit[] = [
  removeLine('dsregcmd-status', 'OnPremTgt'),
  removeLine('dsregcmd-status', 'OnPremTGT'),
];
const evaluate = (scenario: string, ...edits: Edit[]) => checkCloudTgt.evaluate(factsFor(scenario, ...edits));

describe('cloud-tgt', () => {
  it('passes when dsregcmd and klist both show the partial TGT, and says the Azure Files flag is no problem', () => {
    const outcome = evaluate('healthy-hybrid');
    expect(outcome.status).toBe('pass');
    expect(outcome.summary).toBe(
      'Microsoft Entra ID issued the cloud Kerberos ticket for the on-premises domain.',
    );
    expect(showsLine(outcome, 'OnPremTgt : YES')).toBe(true);
    expect(showsLine(outcome, 'Cloud Primary (Hybrid logon) TGT available: 1')).toBe(true);
    expect(shownNotes(outcome).join(' ')).toMatch(/Azure Files setting .* not needed for Hello/);
  });

  it('warns when Entra ID issued it but this Hello logon does not hold it: lock and sign in with the PIN', () => {
    const outcome = evaluate(
      'healthy-hybrid',
      PRIMARY(0),
      setLine('klist-cloud-debug', 'AS_REP Credential Type', '0'),
    );
    expect(outcome.status).toBe('warn');
    expect(outcome.summary).toMatch(/this Hello logon session does not hold it/);
    expect(fixesOf(outcome)).toEqual(['lock-and-sign-in-with-pin']);
  });

  it('passes after a password sign-in, noting the session does not hold the ticket as expected', () => {
    const outcome = evaluate('password-sign-in');
    expect(outcome.status).toBe('pass');
    expect(outcome.summary).toMatch(/as expected after a non-Hello sign-in/);
  });

  it('passes after a key-trust logon and says this logon used key trust instead', () => {
    const outcome = evaluate('key-trust-fallback');
    expect(outcome.status).toBe('pass');
    expect(outcome.summary).toMatch(/This logon used key trust instead/);
  });

  it('passes after a certificate-trust logon and says so', () => {
    const outcome = evaluate('cert-trust-policy-removed');
    expect(outcome.status).toBe('pass');
    expect(outcome.summary).toMatch(/This logon used certificate trust instead/);
  });

  it('passes when the way of signing in is unknown, and says that', () => {
    const outcome = evaluate(
      'healthy-hybrid',
      PRIMARY(0),
      setRegistryValue(
        'logonui-last-provider',
        'LastLoggedOnProvider',
        '{60B78E88-EAD8-445C-9CFD-0B87F74EA6CD}',
      ),
    );
    expect(outcome.status).toBe('pass');
    expect(outcome.summary).toMatch(/how it was signed in is not known/);
  });

  it('passes on the logon session ticket when dsregcmd disagrees, and shows the disagreement', () => {
    const outcome = evaluate('healthy-hybrid', setLine('dsregcmd-status', 'OnPremTgt', 'NO'));
    expect(outcome.status).toBe('pass');
    expect(outcome.summary).toMatch(
      /\(dsregcmd says OnPremTgt : NO, but this logon session holds the ticket\.\)/,
    );
  });

  it('fails a cloud-only or unsynced user: CloudTgt YES but OnPremTgt NO', () => {
    const outcome = evaluate('unsynced-user');
    expect(outcome.status).toBe('fail');
    expect(outcome.summary).toMatch(/CloudTgt : YES.*OnPremTgt : NO.*not synced from AD/);
    expect(showsLine(outcome, 'OnPremTgt : NO')).toBe(true);
    expect(showsLine(outcome, 'CloudTgt : YES')).toBe(true);
    expect(outcome.remediation).toMatch(/domain the USER belongs to/);
    expect(outcome.explainedBy).toEqual(['entra-kerberos-server', 'prt']);
  });

  it('fails when Entra ID issued no cloud ticket at all (expired PRT), and offers refresh, then lock and PIN', () => {
    const outcome = evaluate('expired-prt');
    expect(outcome.status).toBe('fail');
    expect(outcome.summary).toBe(
      'Microsoft Entra ID has not issued a cloud Kerberos ticket for the on-premises domain.',
    );
    expect(showsLine(outcome, 'OnPremTgt : NO')).toBe(true);
    expect(fixesOf(outcome)).toEqual(['refresh-prt', 'lock-and-sign-in-with-pin']);
    expect(fixesOf(outcome)).not.toContain('connect-vpn');
  });

  it('fails a Hello logon without the ticket when dsregcmd is silent (pre-23H2 NGC naming absent)', () => {
    const outcome = evaluate('healthy-hybrid', PRIMARY(0), ...NO_ONPREM_LINES);
    expect(outcome.status).toBe('fail');
    expect(showsLine(outcome, 'Cloud Primary (Hybrid logon) TGT available: 0')).toBe(true);
  });

  it('shows the event line "User account has Cloud TGT" beside a failure', () => {
    const outcome = evaluate('entra-kerberos-server-missing');
    expect(outcome.status).toBe('fail');
    expect(showsLine(outcome, 'User account has Cloud TGT:')).toBe(true);
  });

  describe('unknown', () => {
    it('after a non-Hello sign-in when dsregcmd does not say: klist 0 describes only this logon', () => {
      const outcome = evaluate('password-sign-in', ...NO_ONPREM_LINES);
      expect(outcome.status).toBe('unknown');
      expect(outcome.summary).toMatch(/not a Hello sign-in and dsregcmd did not say/);
    });

    it('on a build too old for klist cloud_debug, whose dsregcmd has no OnPremTgt line (practice capture)', () => {
      const outcome = evaluate('os-too-old');
      expect(outcome.status).toBe('unknown');
      expect(outcome.summary).toMatch(
        /^Can't tell whether the cloud Kerberos ticket exists: the output of klist\.exe cloud_debug could not be read/,
      );
    });

    it('when klist answered without the line and dsregcmd is silent', () => {
      const outcome = evaluate(
        'healthy-hybrid',
        removeLine('klist-cloud-debug', 'Cloud Primary (Hybrid logon) TGT available'),
        ...NO_ONPREM_LINES,
      );
      expect(outcome.status).toBe('unknown');
      expect(outcome.summary).toBe(
        'Neither klist cloud_debug nor dsregcmd reported the cloud Kerberos ticket.',
      );
    });

    it('when klist timed out and dsregcmd was not captured', () => {
      const outcome = evaluate(
        'healthy-hybrid',
        failProbe('klist-cloud-debug'),
        dropProbe('dsregcmd-status'),
      );
      expect(outcome.status).toBe('unknown');
      expect(outcome.summary).toMatch(/klist\.exe cloud_debug did not finish in time/);
    });

    it('from an elevated run', () => {
      const outcome = evaluate(
        'healthy-hybrid',
        addGroup('Mandatory Label\\High Mandatory Level', 'S-1-16-12288', 'Label', ''),
      );
      expect(outcome.status).toBe('unknown');
      expect(outcome.summary).toMatch(
        /^Can't tell whether the user has the cloud ticket: the app ran elevated/,
      );
    });
  });
});
