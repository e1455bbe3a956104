import { describe, expect, it } from 'vitest';
import { checkPolicySource } from '../../../electron/engine/checks/check-policy-source';
import {
  type Edit,
  factsFor,
  failProbe,
  fixesOf,
  fixture,
  setOutput,
  shownLines,
  showsLine,
} from './evidence-helpers';

// When Group Policy and Intune set the same Hello setting, "the conflicting CSP settings
// aren't applied until the group policy settings are cleared" [L8]: a warning, never critical.

const GPO_MACHINE = setOutput('policy-gpo-machine', fixture('parsers/registry-policy-gpo-machine-01.txt'));
const NO_MDM_VALUES = setOutput(
  'policy-mdm',
  'HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Policies\\PassportForWork\n',
);
const evaluate = (scenario: string, ...edits: Edit[]) =>
  checkPolicySource.evaluate(factsFor(scenario, ...edits));

describe('policy-source', () => {
  it('passes Hello configured by Intune only, and shows where', () => {
    const outcome = evaluate('healthy-hybrid');
    expect(outcome.status).toBe('pass');
    expect(outcome.summary).toBe('Hello is configured by Intune/MDM device policy only.');
    expect(
      showsLine(outcome, 'PassportForWork\\3f1c2b7a-5d7e-4c1a-9f0e-2b8d6a4c1e90\\Device\\Policies'),
    ).toBe(true);
  });

  it('passes Hello configured by computer Group Policy only', () => {
    const outcome = evaluate('healthy-hybrid', NO_MDM_VALUES, GPO_MACHINE);
    expect(outcome.status).toBe('pass');
    expect(outcome.summary).toBe('Hello is configured by computer Group Policy only.');
    expect(showsLine(outcome, 'HKEY_LOCAL_MACHINE\\SOFTWARE\\Policies\\Microsoft\\PassportForWork')).toBe(
      true,
    );
  });

  it('passes a device without any Hello value (tenant-wide enrollment settings write none)', () => {
    const outcome = evaluate('healthy-hybrid', NO_MDM_VALUES);
    expect(outcome.status).toBe('pass');
    expect(outcome.summary).toMatch(/No Hello policy values on the device/);
    expect(outcome.evidence).toEqual([]);
  });

  it('warns when Group Policy and Intune set the same settings, and names the Intune ones that lose', () => {
    const outcome = evaluate('healthy-hybrid', GPO_MACHINE);
    expect(outcome.status).toBe('warn');
    expect(outcome.summary).toMatch(/^Both Group Policy and Intune configure Hello: Group Policy overrides/);
    expect(outcome.summary).toContain('UseCloudTrustForOnPremAuth');
    expect(outcome.summary).toContain('RequireSecurityDevice');
    // The user GPO probe set nothing: no empty evidence block for it.
    expect(outcome.evidence.map((e) => e.probeId)).toEqual(['policy-gpo-machine', 'policy-mdm']);
    expect(shownLines(outcome)).toContain('UsePassportForWork    REG_DWORD    0x1');
    expect(outcome.remediation).toMatch(/in one place/);
    expect(fixesOf(outcome)).toEqual([]);
  });

  it('warns when both configure different settings, without claiming an override', () => {
    const userGpo =
      'HKEY_CURRENT_USER\\SOFTWARE\\Policies\\Microsoft\\PassportForWork\n    DisablePostLogonProvisioning    REG_DWORD    0x0\n';
    const outcome = evaluate('healthy-hybrid', setOutput('policy-gpo-user', userGpo));
    expect(outcome.status).toBe('warn');
    expect(outcome.summary).toMatch(/different settings/);
    expect(outcome.evidence.map((e) => e.probeId)).toEqual(['policy-gpo-user', 'policy-mdm']);
  });

  it('unknown when a policy probe could not be read', () => {
    const outcome = evaluate('healthy-hybrid', failProbe('policy-gpo-user', 'access-denied'));
    expect(outcome.status).toBe('unknown');
    expect(outcome.summary).toMatch(/^Can't tell where Hello is configured: Windows refused to run reg\.exe/);
  });

  it('still warns about a mix it did read, even when another probe failed', () => {
    const outcome = evaluate('healthy-hybrid', GPO_MACHINE, failProbe('policy-gpo-user'));
    expect(outcome.status).toBe('warn');
  });
});
