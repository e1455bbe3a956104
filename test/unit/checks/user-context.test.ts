import { describe, expect, it } from 'vitest';
import { checkUserContext } from '../../../electron/engine/checks/check-user-context';
import {
  addGroup,
  dropProbe,
  type Edit,
  factsFor,
  failProbe,
  fixesOf,
  fixture,
  removeLine,
  setLine,
  setOutput,
  setRegistryValue,
  showsLine,
} from './evidence-helpers';

// The User State, SSO State and NGC sections of dsregcmd, klist and whoami describe whoever
// ran them: only an unelevated run as the signed-in user describes that user (dsregcmd doc
// [L5]). Remote Desktop with supplied credentials is not supported by cloud trust [L1].

const HIGH_LABEL = addGroup('Mandatory Label\\High Mandatory Level', 'S-1-16-12288', 'Label', '');
const evaluate = (scenario: string, ...edits: Edit[]) =>
  checkUserContext.evaluate(factsFor(scenario, ...edits));

describe('user-context', () => {
  it('passes the signed-in user, unelevated, at the console', () => {
    const outcome = evaluate('healthy-hybrid');
    expect(outcome.status).toBe('pass');
    expect(outcome.summary).toBe('Running as contoso\\alice, not elevated, in a local session.');
    expect(showsLine(outcome, '"contoso\\alice","S-1-5-21-1004336348-1177238915-682003330-1107"')).toBe(true);
    expect(showsLine(outcome, 'User Context : UN-ELEVATED User')).toBe(true);
  });

  it('fails a run as SYSTEM (dsregcmd User Context), since SYSTEM has no Hello, PRT or tickets of the user', () => {
    const outcome = evaluate('healthy-hybrid', setLine('dsregcmd-status', 'User Context', 'SYSTEM'));
    expect(outcome.status).toBe('fail');
    expect(outcome.summary).toMatch(/runs as SYSTEM/);
    expect(showsLine(outcome, 'User Context : SYSTEM')).toBe(true);
    expect(outcome.remediation).toMatch(/not "Run as administrator"/);
    expect(fixesOf(outcome)).toEqual([]);
  });

  it('fails a run as SYSTEM seen by whoami alone', () => {
    const outcome = evaluate(
      'healthy-hybrid',
      setOutput('whoami-user', '"User Name","SID"\n"nt authority\\system","S-1-5-18"\n'),
    );
    expect(outcome.status).toBe('fail');
    expect(outcome.summary).toMatch(/SYSTEM/);
    expect(showsLine(outcome, '"nt authority\\system","S-1-5-18"')).toBe(true);
  });

  it('fails an elevated run (high mandatory level in the token) and names the account', () => {
    const outcome = evaluate('healthy-hybrid', HIGH_LABEL);
    expect(outcome.status).toBe('fail');
    expect(outcome.summary).toMatch(/runs elevated as contoso\\alice/);
    expect(showsLine(outcome, 'S-1-16-12288')).toBe(true);
  });

  it('fails an elevated run that only dsregcmd reports', () => {
    const outcome = evaluate('healthy-hybrid', setLine('dsregcmd-status', 'User Context', 'ELEVATED User'));
    expect(outcome.status).toBe('fail');
    expect(outcome.summary).toMatch(/elevated/);
    expect(showsLine(outcome, 'User Context : ELEVATED User')).toBe(true);
  });

  it('reads elevation from a French token (real localized labels)', () => {
    const outcome = evaluate(
      'healthy-hybrid',
      setOutput('whoami-groups', fixture('parsers/whoami-groups-csv-fr-01.txt')),
    );
    expect(outcome.status).toBe('fail');
    expect(showsLine(outcome, 'Niveau obligatoire élevé')).toBe(true);
  });

  it('fails a run as another account than the last one signed in at this device (Run as)', () => {
    const outcome = evaluate(
      'healthy-hybrid',
      setRegistryValue(
        'logonui-last-provider',
        'LastLoggedOnUserSID',
        'S-1-5-21-1004336348-1177238915-682003330-1290',
      ),
      setRegistryValue('logonui-last-provider', 'LastLoggedOnUser', 'CONTOSO\\bob'),
    );
    expect(outcome.status).toBe('fail');
    expect(outcome.summary).toMatch(/another account/);
    expect(outcome.summary).toContain('CONTOSO\\bob');
    expect(
      showsLine(outcome, 'LastLoggedOnUserSID    REG_SZ    S-1-5-21-1004336348-1177238915-682003330-1290'),
    ).toBe(true);
    // It is an inference from LogonUI, and the remediation says so.
    expect(outcome.remediation).toMatch(/fast user switch/);
  });

  it('fails a Remote Desktop session (the practice capture): cloud trust does not apply', () => {
    const outcome = evaluate('rdp-session');
    expect(outcome.status).toBe('fail');
    expect(outcome.summary).toMatch(/Remote Desktop/);
    expect(showsLine(outcome, 'S-1-5-14')).toBe(true);
    expect(showsLine(outcome, 'SessionIsNotRemote : NO')).toBe(true);
    expect(fixesOf(outcome)).toEqual([]);
  });

  it('fails a Remote Desktop session seen only in the token (real RDP whoami fixture)', () => {
    const outcome = evaluate(
      'healthy-hybrid',
      setOutput('whoami-groups', fixture('parsers/whoami-groups-csv-rdp-01.txt')),
    );
    expect(outcome.status).toBe('fail');
    expect(outcome.summary).toMatch(/Remote Desktop/);
    expect(showsLine(outcome, 'REMOTE INTERACTIVE LOGON')).toBe(true);
  });

  it('does not call an RDP session "another account": the sign-in screen record does not cover RDP', () => {
    const outcome = evaluate(
      'rdp-session',
      setRegistryValue(
        'logonui-last-provider',
        'LastLoggedOnUserSID',
        'S-1-5-21-1004336348-1177238915-682003330-1290',
      ),
    );
    expect(outcome.summary).toMatch(/Remote Desktop/);
  });

  it('passes without whoami /user, saying "this account"', () => {
    const outcome = evaluate('healthy-hybrid', dropProbe('whoami-user'));
    expect(outcome.status).toBe('pass');
    expect(outcome.summary).toBe('Running as this account, not elevated, in a local session.');
  });

  describe('unknown', () => {
    it('when none of whoami and dsregcmd could be read', () => {
      const garbage = 'The system cannot find the file specified.\n';
      const outcome = evaluate(
        'healthy-hybrid',
        setOutput('whoami-user', garbage),
        setOutput('whoami-groups', garbage),
        setOutput('dsregcmd-status', garbage),
      );
      expect(outcome.status).toBe('unknown');
      expect(outcome.summary).toMatch(
        /^Can't tell who the app runs as: the output of whoami\.exe \/user \/fo csv could not be read/,
      );
    });

    it('when what was read does not name the account (no whoami, no User Context line)', () => {
      const outcome = evaluate(
        'healthy-hybrid',
        dropProbe('whoami-user'),
        dropProbe('whoami-groups'),
        removeLine('dsregcmd-status', 'User Context'),
      );
      expect(outcome.status).toBe('unknown');
      expect(outcome.summary).toMatch(/do not say which account the app runs as/);
    });

    it('when neither whoami nor dsregcmd was captured', () => {
      const outcome = evaluate(
        'healthy-hybrid',
        dropProbe('whoami-user'),
        dropProbe('whoami-groups'),
        dropProbe('dsregcmd-status'),
      );
      expect(outcome.status).toBe('unknown');
      expect(outcome.summary).toBe("Can't tell who the app runs as: whoami-user was not captured.");
      expect(outcome.evidence.map((e) => e.probeId)).toEqual([
        'whoami-user',
        'whoami-groups',
        'dsregcmd-status',
      ]);
    });

    it('when all three timed out', () => {
      const outcome = evaluate(
        'healthy-hybrid',
        failProbe('whoami-user'),
        failProbe('whoami-groups'),
        failProbe('dsregcmd-status'),
      );
      expect(outcome.status).toBe('unknown');
      expect(outcome.summary).toMatch(/whoami\.exe \/user \/fo csv did not finish in time/);
    });
  });
});
