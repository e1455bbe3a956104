import { describe, expect, it } from 'vitest';
import { checkCloudTrustPolicy } from '../../../electron/engine/checks/check-cloud-trust-policy';
import {
  dropProbe,
  type Edit,
  factsFor,
  failProbe,
  fixesOf,
  fixture,
  replaceText,
  setOutput,
  setRegistryValue,
  shownNotes,
  showsLine,
} from './evidence-helpers';

// UseCloudTrustForOnPremAuth is a device-only setting [L7] under this tenant's id [L1]; when
// Group Policy and Intune set the same setting, "the conflicting CSP settings aren't
// applied" [L8]; event 358 is Windows' own verdict at the last sign-in.

const EVENT_SAYS = (answer: string): Edit =>
  replaceText(
    'events-udr',
    'Cloud trust for on premise auth policy is enabled: Yes',
    `Cloud trust for on premise auth policy is enabled: ${answer}`,
  );
const NO_EVENTS = setOutput('events-udr', '<Events>\n</Events>\n');
const NO_MDM_VALUES = setOutput(
  'policy-mdm',
  'HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Policies\\PassportForWork\n',
);
const GPO_MACHINE = fixture('parsers/registry-policy-gpo-machine-01.txt');
const evaluate = (scenario: string, ...edits: Edit[]) =>
  checkCloudTrustPolicy.evaluate(factsFor(scenario, ...edits));

describe('cloud-trust-policy', () => {
  it('passes a device-scope Intune value that Windows applied', () => {
    const outcome = evaluate('healthy-hybrid');
    expect(outcome.status).toBe('pass');
    expect(outcome.summary).toBe(
      'Cloud trust for on-premises authentication is on (Intune/MDM device policy).',
    );
    expect(showsLine(outcome, 'UseCloudTrustForOnPremAuth    REG_DWORD    0x1')).toBe(true);
    expect(showsLine(outcome, '3f1c2b7a-5d7e-4c1a-9f0e-2b8d6a4c1e90\\Device\\Policies')).toBe(true);
    expect(showsLine(outcome, 'Cloud trust for on premise auth policy is enabled: Yes')).toBe(true);
  });

  it('passes a computer Group Policy value', () => {
    const outcome = evaluate('healthy-hybrid', NO_MDM_VALUES, setOutput('policy-gpo-machine', GPO_MACHINE));
    expect(outcome.status).toBe('pass');
    expect(outcome.summary).toMatch(/\(computer Group Policy\)/);
  });

  it('fails when the registry turns it on but event 358 says Windows did not apply it', () => {
    const outcome = evaluate('healthy-hybrid', EVENT_SAYS('No'));
    expect(outcome.status).toBe('fail');
    expect(outcome.summary).toMatch(
      /registry turns cloud trust on .* but Windows reported it as not enabled/,
    );
    expect(showsLine(outcome, 'Cloud trust for on premise auth policy is enabled: No')).toBe(true);
    expect(shownNotes(outcome).join(' ')).toMatch(/Windows' view at the sign-in of/);
    expect(fixesOf(outcome)).toEqual(['sync-device-policy']);
  });

  it('fails when the device value turns it off', () => {
    const outcome = evaluate(
      'healthy-hybrid',
      setRegistryValue('policy-mdm', 'UseCloudTrustForOnPremAuth', '0x0'),
      EVENT_SAYS('No'),
    );
    expect(outcome.status).toBe('fail');
    expect(outcome.summary).toBe(
      'Cloud trust for on-premises authentication is turned off by Intune/MDM device policy.',
    );
    expect(outcome.remediation).toMatch(/Settings Catalog profile assigned to devices/);
  });

  it('fails when Group Policy turns off what Intune turns on, and says Group Policy wins', () => {
    const gpoOff = GPO_MACHINE.replace(
      'UseCloudTrustForOnPremAuth    REG_DWORD    0x1',
      'UseCloudTrustForOnPremAuth    REG_DWORD    0x0',
    );
    const outcome = evaluate('healthy-hybrid', setOutput('policy-gpo-machine', gpoOff), EVENT_SAYS('No'));
    expect(outcome.status).toBe('fail');
    expect(outcome.summary).toMatch(
      /on in Intune, but computer Group Policy turns it off, and Group Policy wins/,
    );
    // Both values are shown: the GPO one that wins and the Intune one it overrides.
    expect(outcome.evidence.map((e) => e.probeId)).toEqual(
      expect.arrayContaining(['policy-gpo-machine', 'policy-mdm']),
    );
    expect(outcome.docs?.map((d) => d.title).join(' ')).toMatch(/policy precedence/);
  });

  it('does not let an unrelated Group Policy value cancel the Intune cloud trust value (only conflicting settings)', () => {
    const userGpo =
      'HKEY_CURRENT_USER\\SOFTWARE\\Policies\\Microsoft\\PassportForWork\n    UseCertificateForOnPremAuth    REG_DWORD    0x0\n';
    const outcome = evaluate('healthy-hybrid', setOutput('policy-gpo-user', userGpo));
    expect(outcome.status).toBe('pass');
    expect(outcome.summary).toMatch(/Intune\/MDM device policy/);
  });

  it("fails a value under another tenant's id and shows the device's tenant", () => {
    const outcome = evaluate('foreign-tenant-policy');
    expect(outcome.status).toBe('fail');
    expect(outcome.summary).toBe(
      "Cloud trust is written under another tenant's id (9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d); this device is joined to 3f1c2b7a-5d7e-4c1a-9f0e-2b8d6a4c1e90, so Windows ignores it.",
    );
    expect(shownNotes(outcome)).toContain("the device's TenantId is 3f1c2b7a-5d7e-4c1a-9f0e-2b8d6a4c1e90");
    expect(showsLine(outcome, 'Cloud trust for on premise auth policy is enabled: No')).toBe(true);
  });

  it('fails a value written for the user only (Account Protection pitfall)', () => {
    const outcome = evaluate('policy-user-scope-only');
    expect(outcome.status).toBe('fail');
    expect(outcome.summary).toMatch(/set for the user only/);
    expect(showsLine(outcome, 'S-1-5-21-1004336348-1177238915-682003330-1107\\Policies')).toBe(true);
    expect(outcome.remediation).toMatch(/device-only/);
  });

  it('fails when nothing configures it: Hello then uses key trust', () => {
    const outcome = evaluate('cloud-trust-policy-missing');
    expect(outcome.status).toBe('fail');
    expect(outcome.summary).toMatch(/not configured, so Hello uses key trust/);
    expect(showsLine(outcome, 'UsePassportForWork    REG_DWORD    0x1')).toBe(true);
    expect(showsLine(outcome, 'Cloud trust for on premise auth policy is enabled: No')).toBe(true);
    expect(fixesOf(outcome)).toEqual(['sync-device-policy']);
  });

  it("passes on Windows' word alone when no registry value exists", () => {
    const outcome = evaluate('healthy-hybrid', NO_MDM_VALUES);
    expect(outcome.status).toBe('pass');
    expect(outcome.summary).toMatch(/though no registry value was found/);
  });

  it("passes on Windows' word when the policy registry could not be read, and says so", () => {
    const outcome = evaluate('healthy-hybrid', failProbe('policy-mdm'));
    expect(outcome.status).toBe('pass');
    expect(outcome.summary).toMatch(/not fully read/);
  });

  describe('unknown', () => {
    it('when the policy registry was not read and no event says', () => {
      const outcome = evaluate('healthy-hybrid', failProbe('policy-mdm', 'timeout'), NO_EVENTS);
      expect(outcome.status).toBe('unknown');
      expect(outcome.summary).toMatch(
        /^Can't tell whether the cloud trust policy is applied: reg\.exe .* did not finish in time/,
      );
    });

    it('when no policy probe and no event log were captured', () => {
      const outcome = evaluate(
        'healthy-hybrid',
        dropProbe('policy-mdm'),
        dropProbe('policy-gpo-machine'),
        dropProbe('policy-gpo-user'),
        dropProbe('events-udr'),
      );
      expect(outcome.status).toBe('unknown');
      expect(outcome.summary).toMatch(/policy-gpo-user was not captured/);
    });
  });
});
