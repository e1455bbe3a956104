import { describe, expect, it } from 'vitest';
import { checkOsBuild } from '../../../electron/engine/checks/check-os-build';
import {
  dropProbe,
  type Edit,
  factsFor,
  failProbe,
  fixesOf,
  replaceText,
  setOutput,
  setRegistryValue,
  shownLines,
  shownNotes,
  showsLine,
} from './evidence-helpers';

// Cloud Kerberos trust needs 19044.1566 / 22000.527 or later, or any 19045 / 22621+ build
// (PassportForWork CSP, UseCloudTrustForOnPremAuth applicability; VERDICTS.md os-build).

/** CurrentBuild and CurrentBuildNumber both say the build, as on a real device. */
const build = (number: number): Edit[] => [
  setRegistryValue('os-version', 'CurrentBuild', String(number)),
  setRegistryValue('os-version', 'CurrentBuildNumber', String(number)),
];
const ubr = (revision: number): Edit => setRegistryValue('os-version', 'UBR', `0x${revision.toString(16)}`);
const evaluate = (...edits: Edit[]) => checkOsBuild.evaluate(factsFor('healthy-hybrid', ...edits));

describe('os-build', () => {
  it('passes Windows 11 23H2 and says the build number decides, not the "Windows 10" ProductName', () => {
    const outcome = evaluate();
    expect(outcome.status).toBe('pass');
    expect(outcome.summary).toContain('Windows 11 23H2 (build 22631.4460)');
    expect(showsLine(outcome, 'CurrentBuild    REG_SZ    22631')).toBe(true);
    expect(showsLine(outcome, 'UBR    REG_DWORD    0x116c')).toBe(true);
    expect(showsLine(outcome, 'ProductName    REG_SZ    Windows 10 Enterprise')).toBe(true);
    expect(shownNotes(outcome).join(' ')).toMatch(/build number decides/);
    expect(fixesOf(outcome)).toEqual([]);
  });

  it('fails the 21H2 release build 19044.1288 and names the update it needs', () => {
    const outcome = checkOsBuild.evaluate(factsFor('os-too-old'));
    expect(outcome.status).toBe('fail');
    expect(outcome.summary).toContain('19044.1288');
    expect(outcome.summary).toContain('19044.1566');
    expect(outcome.remediation).toContain('KB5010415');
    expect(showsLine(outcome, 'UBR    REG_DWORD    0x508')).toBe(true);
    // Windows 10: no misleading-name note.
    expect(shownNotes(outcome)).toEqual([]);
  });

  it.each([
    [19044, 1565, 'fail'],
    [19044, 1566, 'pass'],
    [22000, 526, 'fail'],
    [22000, 527, 'pass'],
    [19045, 0, 'pass'],
    [22621, 0, 'pass'],
    [26100, 1, 'pass'],
  ])('judges %i.%i as %s (the documented minimum revisions)', (number, revision, status) => {
    const outcome = evaluate(...build(number), ubr(revision));
    expect(outcome.status).toBe(status);
    expect(outcome.summary).toContain(`${number}.${revision}`);
  });

  it('fails builds older than 21H2 as too old (20H2 and 21H1 are not supported)', () => {
    const outcome = evaluate(...build(19043), ubr(2364));
    expect(outcome.status).toBe('fail');
    expect(outcome.summary).toMatch(/too old/);
    expect(outcome.remediation).toMatch(/cumulative update/);
  });

  it('warns on a build between the known ones instead of guessing', () => {
    const outcome = evaluate(...build(22100), ubr(1));
    expect(outcome.status).toBe('warn');
    expect(outcome.summary).toMatch(/not a build this app knows/);
  });

  it('warns on Windows Server: Hello for Business is for Windows clients', () => {
    const outcome = evaluate(setRegistryValue('os-version', 'InstallationType', 'Server'));
    expect(outcome.status).toBe('warn');
    expect(outcome.summary).toMatch(/Windows Server \(build 22631\.4460\)/);
  });

  it('is unknown when a build that needs a minimum revision has no UBR', () => {
    const outcome = evaluate(
      ...build(19044),
      replaceText('os-version', '    UBR    REG_DWORD    0x116c\n', ''),
    );
    expect(outcome.status).toBe('unknown');
    expect(outcome.summary).toMatch(/needs at least update revision 1566/);
  });

  it('names the build from `ver` output, without a display version', () => {
    const outcome = evaluate(setOutput('os-version', 'Microsoft Windows [Version 10.0.19044.1566]\n'));
    expect(outcome.status).toBe('pass');
    expect(outcome.summary).toBe('Windows (build 19044.1566) supports cloud Kerberos trust.');
    // The one line holds both the build and the revision (it is shown twice: cosmetic).
    expect(new Set(shownLines(outcome))).toEqual(new Set(['Microsoft Windows [Version 10.0.19044.1566]']));
  });

  describe('unknown', () => {
    it('when the build number is not in the output', () => {
      const outcome = evaluate(
        replaceText('os-version', '    CurrentBuild    REG_SZ    22631\n', ''),
        replaceText('os-version', '    CurrentBuildNumber    REG_SZ    22631\n', ''),
      );
      expect(outcome.status).toBe('unknown');
      expect(outcome.summary).toMatch(/build number was not in the output/);
    });

    it('when the probe was not captured', () => {
      const outcome = evaluate(dropProbe('os-version'));
      expect(outcome.status).toBe('unknown');
      expect(outcome.summary).toBe("Can't tell which Windows build this is: os-version was not captured.");
    });

    it('when reg query timed out', () => {
      const outcome = evaluate(failProbe('os-version', 'timeout'));
      expect(outcome.status).toBe('unknown');
      expect(outcome.summary).toMatch(/did not finish in time/);
      expect(outcome.evidence[0]?.command[0]).toBe('reg.exe');
    });

    it('when the output is not a registry listing', () => {
      const outcome = evaluate(setOutput('os-version', 'The system cannot find the path specified.\n'));
      expect(outcome.status).toBe('unknown');
      expect(outcome.summary).toMatch(/could not be read/);
    });
  });
});
