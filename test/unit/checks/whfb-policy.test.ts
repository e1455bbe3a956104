import { describe, expect, it } from 'vitest';
import { checkWhfbPolicy } from '../../../electron/engine/checks/check-whfb-policy';
import {
  addGroup,
  dropProbe,
  type Edit,
  factsFor,
  failProbe,
  fixesOf,
  fixture,
  removeLine,
  replaceText,
  setLine,
  setOutput,
  setRegistryValue,
  shownNotes,
  showsLine,
} from './evidence-helpers';

// A registry value decides what was delivered; Windows' own view (dsregcmd PolicyEnabled from
// the user's own session, else event 358/360) decides whether it applies (VERDICTS.md
// whfb-policy; precedence per "Configure Windows Hello for Business" [L8]).

const ELEVATED = addGroup('Mandatory Label\\High Mandatory Level', 'S-1-16-12288', 'Label', '');
const NO_MDM_VALUES = setOutput(
  'policy-mdm',
  'HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Policies\\PassportForWork\n',
);
const NO_EVENTS = setOutput('events-udr', '<Events>\n</Events>\n');
const evaluate = (scenario: string, ...edits: Edit[]) =>
  checkWhfbPolicy.evaluate(factsFor(scenario, ...edits));

describe('whfb-policy', () => {
  it('passes when Intune enables Hello for the device and Windows reports it enabled', () => {
    const outcome = evaluate('healthy-hybrid');
    expect(outcome.status).toBe('pass');
    expect(outcome.summary).toBe('Enabled by Intune/MDM device policy, and Windows reports it as enabled.');
    expect(showsLine(outcome, 'UsePassportForWork    REG_DWORD    0x1')).toBe(true);
    expect(showsLine(outcome, 'PolicyEnabled : YES')).toBe(true);
  });

  it('fails when the policy turns Hello off, and offers a policy sync', () => {
    const outcome = evaluate('healthy-hybrid', setRegistryValue('policy-mdm', 'UsePassportForWork', '0x0'));
    expect(outcome.status).toBe('fail');
    expect(outcome.summary).toBe('Turned off by Intune/MDM device policy.');
    expect(showsLine(outcome, 'UsePassportForWork    REG_DWORD    0x0')).toBe(true);
    expect(fixesOf(outcome)).toEqual(['sync-device-policy']);
    expect(outcome.explainedBy).toEqual([]);
  });

  it('lets a computer Group Policy that turns Hello off win over Intune', () => {
    const gpo = fixture('parsers/registry-policy-gpo-machine-01.txt').replace(
      'Enabled    REG_DWORD    0x1',
      'Enabled    REG_DWORD    0x0',
    );
    const outcome = evaluate('healthy-hybrid', setOutput('policy-gpo-machine', gpo));
    expect(outcome.status).toBe('fail');
    expect(outcome.summary).toBe('Turned off by computer Group Policy.');
  });

  it('fails when the registry enables Hello but Windows reports it not enabled', () => {
    const outcome = evaluate('healthy-hybrid', setLine('dsregcmd-status', 'PolicyEnabled', 'NO'));
    expect(outcome.status).toBe('fail');
    expect(outcome.summary).toMatch(
      /registry enables Hello \(Intune\/MDM device policy\), but Windows reports/,
    );
    expect(showsLine(outcome, 'PolicyEnabled : NO')).toBe(true);
    expect(outcome.remediation).toMatch(/Sync the device, sign out and in/);
    expect(outcome.remediation).not.toMatch(/24H2/);
  });

  it('names the 24H2 user-scope regression when a user-assigned value is not applied', () => {
    const outcome = evaluate('policy-user-scope-only', setLine('dsregcmd-status', 'PolicyEnabled', 'NO'));
    expect(outcome.status).toBe('fail');
    expect(outcome.summary).toMatch(/Intune\/MDM user policy/);
    expect(outcome.remediation).toMatch(/24H2/);
    expect(outcome.remediation).toMatch(/Community-reported/);
  });

  it('does not trust PolicyEnabled from an elevated run; the event written for the user decides', () => {
    const outcome = evaluate('healthy-hybrid', ELEVATED, setLine('dsregcmd-status', 'PolicyEnabled', 'NO'));
    expect(outcome.status).toBe('pass');
    expect(showsLine(outcome, 'PolicyEnabled : NO')).toBe(false);
    expect(showsLine(outcome, 'Windows Hello for Business policy is enabled: Yes')).toBe(true);
    expect(shownNotes(outcome).join(' ')).toMatch(/Windows' view at the sign-in of 2026-11-25T07:41:33/);
  });

  it('passes without a local value when Windows reports the policy enabled (tenant-wide enrollment)', () => {
    const outcome = evaluate('healthy-hybrid', NO_MDM_VALUES);
    expect(outcome.status).toBe('pass');
    expect(outcome.summary).toMatch(/no local policy value; Windows reports the policy as enabled/);
  });

  it('fails without a value when Windows reports the policy not enabled', () => {
    const outcome = evaluate(
      'healthy-hybrid',
      NO_MDM_VALUES,
      setLine('dsregcmd-status', 'PolicyEnabled', 'NO'),
    );
    expect(outcome.status).toBe('fail');
    expect(outcome.summary).toBe('Windows Hello for Business is not enabled for this device or user.');
    expect(outcome.remediation).toMatch(/Enable Windows Hello for Business/);
    expect(fixesOf(outcome)).toEqual(['sync-device-policy']);
  });

  it("fails and points at the foreign tenant id when the only Hello value is under another tenant's id", () => {
    const outcome = evaluate('foreign-tenant-policy', setLine('dsregcmd-status', 'PolicyEnabled', 'NO'));
    expect(outcome.status).toBe('fail');
    expect(outcome.summary).toMatch(/under another tenant's id \(9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d\)/);
    expect(showsLine(outcome, '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d\\Device\\Policies')).toBe(true);
  });

  describe('unknown', () => {
    it('when no value exists and Windows said nothing', () => {
      const outcome = evaluate(
        'healthy-hybrid',
        NO_MDM_VALUES,
        NO_EVENTS,
        removeLine('dsregcmd-status', 'PolicyEnabled'),
      );
      expect(outcome.status).toBe('unknown');
      expect(outcome.summary).toMatch(/No Hello policy value was found and Windows did not report/);
    });

    it('when a policy probe failed, and says which', () => {
      const outcome = evaluate(
        'healthy-hybrid',
        failProbe('policy-mdm', 'access-denied'),
        NO_EVENTS,
        removeLine('dsregcmd-status', 'PolicyEnabled'),
      );
      expect(outcome.status).toBe('unknown');
      expect(outcome.summary).toMatch(
        /^Can't tell whether Hello is enabled: Windows refused to run reg\.exe/,
      );
    });

    it('when the policy was not captured and the elevated dsregcmd cannot speak for the user', () => {
      const outcome = evaluate('healthy-hybrid', dropProbe('policy-mdm'), dropProbe('events-udr'), ELEVATED);
      expect(outcome.status).toBe('unknown');
      expect(outcome.summary).toMatch(/policy-mdm was not captured/);
    });
  });

  it('reads a French event: "Oui" is yes', () => {
    const outcome = evaluate(
      'healthy-hybrid',
      NO_MDM_VALUES,
      removeLine('dsregcmd-status', 'PolicyEnabled'),
      replaceText(
        'events-udr',
        'Windows Hello for Business policy is enabled: Yes',
        'Windows Hello for Business policy is enabled: Oui',
      ),
    );
    expect(outcome.status).toBe('pass');
  });
});
