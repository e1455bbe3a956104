import { describe, expect, it } from 'vitest';
import { runChecklist } from '../../../electron/engine/checklist/run-checklist';
import { checkPrivilegedAccount } from '../../../electron/engine/checks/check-privileged-account';
import {
  addGroup,
  dropProbe,
  type Edit,
  factsFor,
  failProbe,
  fixesOf,
  fixture,
  setOutput,
  shownLines,
  showsLine,
} from './evidence-helpers';

// The AzureADKerberos object's password replication policy denies privileged groups, so
// their members get no full ticket from the partial one [L1]. Domain groups show in a
// member's token; the domain's built-in operator groups only in AD tokenGroups (VERDICTS.md
// failure class "Privileged user / RODC PRP"). The workstation's own Administrators group
// does not matter.

const DOMAIN = 'S-1-5-21-1004336348-1177238915-682003330';
const directory = (name: string): Edit =>
  setOutput('entra-kerberos-object', fixture(`parsers/entra-kerberos-object-${name}.json`));
/** A directory answer with one part changed (the fixture is JSON). */
const directoryWith = (name: string, change: (json: Record<string, unknown>) => void): Edit => {
  const json = JSON.parse(fixture(`parsers/entra-kerberos-object-${name}.json`)) as Record<string, unknown>;
  change(json);
  return setOutput('entra-kerberos-object', JSON.stringify(json));
};
const evaluate = (scenario: string, ...edits: Edit[]) =>
  checkPrivilegedAccount.evaluate(factsFor(scenario, ...edits));

describe('privileged-account', () => {
  it('fails a Domain Admin from the token and names the groups, not the local Administrators (practice capture)', () => {
    const outcome = evaluate('privileged-account');
    expect(outcome.status).toBe('fail');
    expect(outcome.summary).toContain('Domain Admins');
    expect(outcome.summary).toContain('Denied RODC Password Replication Group');
    expect(outcome.summary).not.toContain('BUILTIN\\Administrators');
    expect(showsLine(outcome, `${DOMAIN}-512`)).toBe(true);
    expect(showsLine(outcome, `${DOMAIN}-572`)).toBe(true);
    expect(showsLine(outcome, 'S-1-5-32-544')).toBe(false);
    // By design: the advice is a regular account, never weakening the never-reveal list; no fix to run.
    expect(outcome.remediation).toMatch(/regular, non-privileged account/);
    expect(outcome.remediation).toMatch(/Do not remove these groups/);
    expect(fixesOf(outcome)).toEqual([]);
    // A reason of its own: shown even if the run context failed.
    expect(outcome.explainedBy).toEqual([]);
  });

  it.each([
    [519, 'Enterprise Admins'],
    [518, 'Schema Admins'],
    [520, 'Group Policy Creator Owners'],
  ])('fails a member of the default-denied domain group -%i (%s)', (rid, name) => {
    const outcome = evaluate('healthy-hybrid', addGroup(`CONTOSO\\${name}`, `${DOMAIN}-${rid}`));
    expect(outcome.status).toBe('fail');
    expect(outcome.summary).toContain(name);
  });

  it('fails an Account Operator seen only in AD tokenGroups, named from the real never-reveal list', () => {
    const outcome = evaluate('healthy-hybrid', directory('account-operators-01'));
    expect(outcome.status).toBe('fail');
    expect(outcome.summary).toContain('Account Operators');
    expect(outcome.evidence.map((e) => e.probeId)).toEqual(['whoami-groups', 'entra-kerberos-object']);
    expect(shownLines(outcome)).toContain('tokenGroups: S-1-5-32-548');
  });

  it('fails a built-in operator from tokenGroups by the default list when the policy was not read', () => {
    const outcome = evaluate(
      'healthy-hybrid',
      directoryWith('account-operators-01', (json) => {
        json.neverReveal = null;
      }),
    );
    expect(outcome.status).toBe('fail');
    expect(outcome.summary).toContain('Account Operators');
  });

  it('follows the policy the object really has: a group left off its never-reveal list passes', () => {
    // user-01's never-reveal list has no Domain Admins: this forest allowed them on purpose.
    const outcome = evaluate(
      'healthy-hybrid',
      directory('user-01'),
      addGroup('CONTOSO\\Domain Admins', `${DOMAIN}-512`),
    );
    expect(outcome.status).toBe('pass');
    expect(outcome.summary).toMatch(/No group in the token or in the user's AD groups is denied/);
  });

  it('names a denied group by its DN when whoami printed no name', () => {
    const outcome = evaluate('healthy-hybrid', directory('domain-admin-01'), addGroup('', `${DOMAIN}-519`));
    expect(outcome.status).toBe('fail');
    expect(outcome.summary).toContain('Enterprise Admins');
  });

  it('passes a regular user and says the built-in groups were not checked without AD', () => {
    const outcome = evaluate('healthy-hybrid');
    expect(outcome.status).toBe('pass');
    expect(outcome.summary).toMatch(/^Not a privileged account\. No denied domain group in the token/);
    expect(outcome.summary).toMatch(/only in AD, which was not read/);
    expect(outcome.summary).not.toMatch(/local administrator/);
  });

  it('passes a local administrator of the workstation and says it does not matter', () => {
    const outcome = evaluate('healthy-hybrid', addGroup('BUILTIN\\Administrators', 'S-1-5-32-544', 'Alias'));
    expect(outcome.status).toBe('pass');
    expect(outcome.summary).toMatch(/local administrator of this computer does not matter/);
    expect(showsLine(outcome, 'S-1-5-32-544')).toBe(true);
  });

  it('passes an Entra joined user whose cloud ticket a domain controller exchanged, though the token has no AD groups', () => {
    const outcome = evaluate('healthy-entra-joined');
    expect(outcome.status).toBe('pass');
    expect(outcome.summary).toMatch(/no AD groups.*exchanged the cloud ticket/);
    expect(showsLine(outcome, 'Cloud Primary (Hybrid logon) TGT available: 1')).toBe(true);
  });

  it('passes on the exchange alone when whoami /groups was not captured (its wording then claims an empty token)', () => {
    const outcome = evaluate(
      'healthy-hybrid',
      dropProbe('whoami-groups'),
      dropProbe('entra-kerberos-object'),
    );
    expect(outcome.status).toBe('pass');
    expect(outcome.summary).toMatch(/exchanged the cloud ticket/);
  });

  describe('unknown', () => {
    it('when whoami /groups timed out and the directory query failed', () => {
      const outcome = evaluate(
        'privileged-account',
        failProbe('whoami-groups'),
        failProbe('entra-kerberos-object'),
      );
      expect(outcome.status).toBe('unknown');
      expect(outcome.evidence.map((e) => e.note)).toEqual([
        expect.stringMatching(/whoami\.exe \/groups \/fo csv did not finish in time/),
        expect.stringMatching(/did not finish in time/),
      ]);
    });

    it('when the token has no AD groups, AD was not read and nothing was exchanged', () => {
      const outcome = evaluate('unsynced-user');
      expect(outcome.status).toBe('unknown');
      expect(outcome.summary).toMatch(/no AD groups .* were not read/);
    });

    it('when whoami /groups was not captured, AD was not read and no ticket was exchanged', () => {
      const outcome = evaluate(
        'privileged-account',
        dropProbe('whoami-groups'),
        dropProbe('entra-kerberos-object'),
      );
      expect(outcome.status).toBe('unknown');
      expect(outcome.summary).toBe("Can't tell the user's groups: whoami /groups was not read.");
    });

    it('when the app ran elevated: the token is the administrator token, not the user session', () => {
      const outcome = evaluate(
        'privileged-account',
        addGroup('Mandatory Label\\High Mandatory Level', 'S-1-16-12288', 'Label', ''),
      );
      expect(outcome.status).toBe('unknown');
      expect(outcome.summary).toMatch(/^Can't tell the user's groups: the app ran elevated/);
    });
  });

  it('is shown as a failure of its own behind a failed run context (not blocked)', () => {
    const results = runChecklist(
      factsFor(
        'privileged-account',
        addGroup('NT AUTHORITY\\REMOTE INTERACTIVE LOGON', 'S-1-5-14', 'Well-known group'),
      ),
    );
    const context = results.find((r) => r.id === 'user-context');
    const privileged = results.find((r) => r.id === 'privileged-account');
    expect(context?.status).toBe('fail');
    expect(privileged?.status).toBe('fail');
    expect(privileged?.blockedBy).toBeNull();
  });
});
