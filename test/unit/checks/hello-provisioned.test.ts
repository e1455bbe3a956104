import { describe, expect, it } from 'vitest';
import { runChecklist } from '../../../electron/engine/checklist/run-checklist';
import { checkHelloProvisioned } from '../../../electron/engine/checks/check-hello-provisioned';
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
  showsLine,
} from './evidence-helpers';

// NgcSet says whether the user has a Hello container; the NGC prerequisite check and event
// 358/360 say why provisioning did not start [L5]. On hybrid joined devices with cloud trust,
// provisioning waits for the partial TGT (OnPremTGT, "User account has Cloud TGT") [L1][L5].
// Each reason is explained by one upstream step or is the check's own (docs/verdicts.md).

const NGC_NO = setLine('dsregcmd-status', 'NgcSet', 'NO');
const EVENTS_360 = replaceText('events-udr', '<EventID>358</EventID>', '<EventID>360</EventID>');
const evaluate = (scenario: string, ...edits: Edit[]) =>
  checkHelloProvisioned.evaluate(factsFor(scenario, ...edits));

describe('hello-provisioned', () => {
  it('passes when the user has a Hello container', () => {
    const outcome = evaluate('healthy-hybrid');
    expect(outcome.status).toBe('pass');
    expect(outcome.summary).toMatch(/has a Windows Hello for Business container/);
    expect(showsLine(outcome, 'NgcSet : YES')).toBe(true);
  });

  it('fails after the container was deleted, with no reason to name, and points at the event log', () => {
    const outcome = evaluate('hello-container-deleted');
    expect(outcome.status).toBe('fail');
    expect(outcome.summary).toBe('Hello is not set up for this user.');
    expect(showsLine(outcome, 'NgcSet : NO')).toBe(true);
    expect(showsLine(outcome, 'PreReqResult : WillProvision')).toBe(true);
    expect(fixesOf(outcome)).toEqual(['open-event-log']);
    // No reason listed: any failed dependency explains it (hybrid: the cloud ticket too).
    expect(outcome.explainedBy).toEqual(['join-state', 'user-context', 'whfb-policy', 'cloud-tgt']);
  });

  it('names a TPM that does not qualify as a reason of its own', () => {
    const outcome = evaluate('healthy-hybrid', NGC_NO, setLine('dsregcmd-status', 'DeviceEligible', 'NO'));
    expect(outcome.status).toBe('fail');
    expect(outcome.summary).toMatch(/hardware requirements \(TPM\)/);
    expect(showsLine(outcome, 'DeviceEligible : NO')).toBe(true);
    expect(outcome.explainedBy).toEqual([]);
  });

  it.each([
    ['PolicyEnabled', 'the Hello policy is not enabled', ['whfb-policy']],
    ['IsDeviceJoined', 'the device is not joined', ['join-state']],
    ['SessionIsNotRemote', 'Remote Desktop session', ['user-context']],
    ['OnPremTGT', 'no cloud Kerberos ticket', ['cloud-tgt']],
  ])('names %s NO, explained only by its upstream step', (label, reason, explainedBy) => {
    const outcome = evaluate('healthy-hybrid', NGC_NO, setLine('dsregcmd-status', label, 'NO'));
    expect(outcome.status).toBe('fail');
    expect(outcome.summary).toContain(reason);
    expect(showsLine(outcome, `${label} : NO`)).toBe(true);
    expect(outcome.explainedBy).toEqual(explainedBy);
  });

  it.each([
    ['IsUserAzureAD', 'did not sign in with a Microsoft Entra account'],
    ['PostLogonEnabled', 'provisioning after sign-in is turned off'],
  ])('names %s NO as a reason of its own', (label, reason) => {
    const outcome = evaluate('healthy-hybrid', NGC_NO, setLine('dsregcmd-status', label, 'NO'));
    expect(outcome.summary).toContain(reason);
    expect(outcome.explainedBy).toEqual([]);
  });

  it('reads event 360 "User account has Cloud TGT: No" as the missing cloud ticket on a hybrid device', () => {
    const outcome = evaluate('hello-container-deleted', EVENTS_360);
    expect(outcome.summary).toMatch(/no cloud Kerberos ticket for the user/);
    expect(showsLine(outcome, 'User account has Cloud TGT: No')).toBe(true);
    expect(outcome.explainedBy).toEqual(['cloud-tgt']);
  });

  it("ignores another user's provisioning event on a shared device", () => {
    const outcome = evaluate(
      'hello-container-deleted',
      EVENTS_360,
      replaceText(
        'events-udr',
        "UserID='S-1-5-21-1004336348-1177238915-682003330-1107'",
        "UserID='S-1-5-21-1004336348-1177238915-682003330-1290'",
      ),
    );
    expect(outcome.summary).toBe('Hello is not set up for this user.');
  });

  it('does not ask an Entra joined device for the cloud ticket before provisioning', () => {
    const outcome = evaluate(
      'healthy-entra-joined',
      NGC_NO,
      setLine('dsregcmd-status', 'OnPremTGT', 'NO'),
      EVENTS_360,
    );
    expect(outcome.summary).toBe('Hello is not set up for this user.');
    expect(outcome.explainedBy).toEqual(['join-state', 'user-context', 'whfb-policy']);
  });

  it('lists every reason of a real Entra joined device (TPM and Remote Desktop), the TPM being its own', () => {
    const outcome = evaluate(
      'healthy-entra-joined',
      setOutput('dsregcmd-status', fixture('samples/dsregcmd-status-13.txt')),
    );
    expect(outcome.status).toBe('fail');
    expect(outcome.summary).toContain('hardware requirements (TPM)');
    expect(outcome.summary).toContain('Remote Desktop session');
    expect(outcome.explainedBy).toEqual([]);
  });

  it('is shown beside a failed Hello policy as blocked by it', () => {
    const results = runChecklist(
      factsFor(
        'healthy-hybrid',
        NGC_NO,
        setLine('dsregcmd-status', 'PolicyEnabled', 'NO'),
        setOutput('policy-mdm', 'HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Policies\\PassportForWork\n'),
      ),
    );
    expect(results.find((r) => r.id === 'whfb-policy')?.status).toBe('fail');
    expect(results.find((r) => r.id === 'hello-provisioned')).toMatchObject({
      status: 'blocked',
      blockedBy: 'whfb-policy',
    });
  });

  describe('unknown', () => {
    it('from an elevated run: dsregcmd then describes the administrator session', () => {
      const outcome = evaluate(
        'healthy-hybrid',
        addGroup('Mandatory Label\\High Mandatory Level', 'S-1-16-12288', 'Label', ''),
      );
      expect(outcome.status).toBe('unknown');
      expect(outcome.summary).toMatch(/^Can't tell whether the user has Hello: the app ran elevated/);
    });

    it('when dsregcmd printed no NgcSet', () => {
      const outcome = evaluate('healthy-hybrid', removeLine('dsregcmd-status', 'NgcSet'));
      expect(outcome.status).toBe('unknown');
      expect(outcome.summary).toMatch(/did not report NgcSet/);
    });

    it('when dsregcmd was not captured', () => {
      const outcome = evaluate('healthy-hybrid', dropProbe('dsregcmd-status'));
      expect(outcome.status).toBe('unknown');
      expect(outcome.summary).toBe("Can't tell whether Hello is set up: dsregcmd-status was not captured.");
    });

    it('when dsregcmd timed out', () => {
      const outcome = evaluate('healthy-hybrid', failProbe('dsregcmd-status'));
      expect(outcome.status).toBe('unknown');
      expect(outcome.summary).toMatch(/did not finish in time/);
    });
  });
});
