import type { CheckId, CheckResult } from '@contract/types';
import { describe, expect, it } from 'vitest';
import { headlineOf } from '../../../electron/engine/checklist/headline';
import { ancestorsOf, dependencyOrder, runChecklist } from '../../../electron/engine/checklist/run-checklist';
import type { CheckDefinition } from '../../../electron/engine/checks/check-definition';
import { checkOnpremTgt } from '../../../electron/engine/checks/check-onprem-tgt';
import { checkPrt } from '../../../electron/engine/checks/check-prt';
import {
  addGroup,
  dropProbe,
  type Edit,
  factsFor,
  failProbe,
  replaceText,
  setLine,
} from './evidence-helpers';

// docs/verdicts.md section 1: blocked only when a failed upstream step explains the result
// (explainedBy narrows it, [] is a reason of its own); a pass is never blocked and carries a
// contradiction only against a directly failed prerequisite; the headline is the root cause,
// "could not be verified" when a critical step is unknown, then the first warning, then works.

const run = (scenario: string, ...edits: Edit[]) => runChecklist(factsFor(scenario, ...edits));
const byId = (results: CheckResult[], id: CheckId) => {
  const result = results.find((r) => r.id === id);
  if (!result) throw new Error(`no ${id} in the checklist`);
  return result;
};
const ELEVATED = addGroup('Mandatory Label\\High Mandatory Level', 'S-1-16-12288', 'Label', '');
const DOMAIN_ADMINS = addGroup('CONTOSO\\Domain Admins', 'S-1-5-21-1004336348-1177238915-682003330-512');

describe('blocked', () => {
  it('blocks what a failed step explains, through the chain, keeping the own summary and evidence', () => {
    const results = run('expired-prt');
    expect(byId(results, 'prt').status).toBe('fail');
    const cloudTgt = byId(results, 'cloud-tgt');
    expect(cloudTgt).toMatchObject({ status: 'blocked', blockedBy: 'prt' });
    expect(cloudTgt.summary).toMatch(/has not issued a cloud Kerberos ticket/);
    expect(cloudTgt.evidence.length).toBeGreaterThan(0);
    // Two steps further down, the root is still the PRT.
    expect(byId(results, 'onprem-tgt')).toMatchObject({ status: 'blocked', blockedBy: 'prt' });
  });

  it('blocks the user-scope unknowns of an elevated run by the failed run context', () => {
    const results = run('healthy-hybrid', ELEVATED);
    expect(byId(results, 'user-context').status).toBe('fail');
    for (const id of ['prt', 'hello-provisioned', 'hello-signin', 'cloud-tgt', 'onprem-tgt'] as const) {
      expect(byId(results, id)).toMatchObject({ status: 'blocked', blockedBy: 'user-context' });
    }
  });

  it('does not block a result whose reasons are narrowed to steps that did not fail (explainedBy)', () => {
    // Unsynced user: cloud-tgt is explained only by the Kerberos object or the PRT, not by an RDP session.
    const results = run(
      'unsynced-user',
      addGroup('NT AUTHORITY\\REMOTE INTERACTIVE LOGON', 'S-1-5-14', 'Well-known group'),
    );
    expect(byId(results, 'user-context').status).toBe('fail');
    expect(byId(results, 'cloud-tgt')).toMatchObject({ status: 'fail', blockedBy: null });
  });

  it('never blocks a reason of its own: a TPM that does not qualify behind a Remote Desktop session', () => {
    const results = run(
      'rdp-session',
      setLine('dsregcmd-status', 'NgcSet', 'NO'),
      setLine('dsregcmd-status', 'DeviceEligible', 'NO'),
    );
    expect(byId(results, 'user-context').status).toBe('fail');
    expect(byId(results, 'hello-provisioned')).toMatchObject({ status: 'fail', blockedBy: null });
  });

  it('blocks a password sign-in behind a missing Hello container, but not a smart-card sign-in', () => {
    const password = run('password-sign-in', setLine('dsregcmd-status', 'NgcSet', 'NO'));
    expect(byId(password, 'hello-provisioned').status).toBe('fail');
    expect(byId(password, 'hello-signin')).toMatchObject({
      status: 'blocked',
      blockedBy: 'hello-provisioned',
    });

    const smartCard = run('smart-card-sign-in', setLine('dsregcmd-status', 'NgcSet', 'NO'));
    expect(byId(smartCard, 'hello-signin')).toMatchObject({ status: 'fail', blockedBy: null });
  });

  it('never blocks a skip', () => {
    const results = run('expired-prt');
    expect(byId(results, 'entra-kerberos-keys')).toMatchObject({ status: 'skip', blockedBy: null });
    expect(byId(results, 'file-share')).toMatchObject({ status: 'skip', blockedBy: null });
  });
});

describe('programming errors and broken checks', () => {
  const definition = (
    id: CheckId,
    dependsOn: CheckId[],
    evaluate: CheckDefinition['evaluate'],
  ): CheckDefinition => ({
    id,
    title: id,
    explanation: '',
    needs: [],
    dependsOn,
    critical: true,
    evaluate,
  });

  it('refuses a dependency on a check that is not in the list', () => {
    const orphan = definition('prt', ['join-state'], () => ({ status: 'pass', summary: 'ok', evidence: [] }));
    expect(() => dependencyOrder([orphan])).toThrow('prt depends on unknown check join-state');
  });

  it('turns a check that throws something other than an Error into unknown', () => {
    const broken = definition('os-build', [], () => {
      throw 'no build';
    });
    const [result] = runChecklist(factsFor('healthy-hybrid'), [broken]);
    expect(result).toMatchObject({
      status: 'unknown',
      summary: 'This check could not be evaluated (no build).',
    });
  });

  it('knows no ancestors of a check outside the list', () => {
    expect(ancestorsOf('file-share', [])).toEqual(new Set());
    expect(ancestorsOf('clock-skew')).toEqual(new Set(['dc-line-of-sight']));
  });
});

describe('a pass is never blocked', () => {
  it('keeps a pass whose direct prerequisite failed, with a contradiction note', () => {
    const results = run('healthy-hybrid', setLine('dsregcmd-status', 'AzureAdPrt', 'NO'));
    expect(byId(results, 'prt').status).toBe('fail');
    const cloudTgt = byId(results, 'cloud-tgt');
    expect(cloudTgt).toMatchObject({ status: 'pass', blockedBy: null });
    expect(cloudTgt.contradiction?.startsWith(`This passed although "${checkPrt.title}" failed`)).toBe(true);
    expect(cloudTgt.contradiction).toMatch(/Sign out and in/);
  });

  it('raises no contradiction against a blocked prerequisite (a share after a smart-card sign-in)', () => {
    const results = run('smart-card-sign-in');
    expect(byId(results, 'hello-signin').status).toBe('fail');
    expect(byId(results, 'onprem-tgt')).toMatchObject({ status: 'blocked', blockedBy: 'hello-signin' });
    expect(byId(results, 'file-share')).toMatchObject({ status: 'pass', contradiction: null });
  });

  it('raises none on a healthy device', () => {
    for (const result of run('healthy-hybrid')) expect(result.contradiction).toBeNull();
  });
});

describe('headline', () => {
  it('says it works when every critical step passed', () => {
    const results = run('healthy-hybrid');
    expect(headlineOf(results)).toEqual({
      status: 'pass',
      checkId: null,
      text: 'Cloud Kerberos trust works on this device for this user.',
      otherRoots: [],
      unverified: [],
    });
  });

  it('names the root cause: a failure with no failed step upstream, not the first red in display order', () => {
    const results = run('expired-prt');
    const headline = headlineOf(results);
    expect(headline.status).toBe('fail');
    expect(headline.checkId).toBe('prt');
    expect(headline.text).toMatch(/^Broken link: The PRT expired on 2026-11-17/);
    expect(headline.otherRoots).toEqual([]);
  });

  it('names the clock as the root cause of the missing domain ticket', () => {
    expect(headlineOf(run('clock-skew')).checkId).toBe('clock-skew');
  });

  it('quotes other independent roots after the first one in chain order', () => {
    const headline = headlineOf(run('clock-skew', DOMAIN_ADMINS));
    expect(headline.checkId).toBe('privileged-account');
    expect(headline.otherRoots).toEqual(['clock-skew']);
    expect(headline.text).toMatch(/Also, independently: This clock is 10 minutes off the domain controller/);
  });

  it('does not name a failure of its own that sits below another failure', () => {
    const results = run(
      'healthy-hybrid',
      setLine('dsregcmd-status', 'AzureAdJoined', 'NO'),
      setLine('dsregcmd-status', 'NgcSet', 'NO'),
      setLine('dsregcmd-status', 'DeviceEligible', 'NO'),
    );
    expect(byId(results, 'hello-provisioned')).toMatchObject({ status: 'fail', blockedBy: null });
    const headline = headlineOf(results);
    expect(headline.checkId).toBe('join-state');
    expect(headline.otherRoots).not.toContain('hello-provisioned');
  });

  it('fails on a non-critical step too (no Kerberos server object)', () => {
    const headline = headlineOf(run('entra-kerberos-server-missing'));
    expect(headline.status).toBe('fail');
    expect(headline.checkId).toBe('entra-kerberos-server');
  });

  it('says "could not be verified" when nothing failed but a critical step is unknown', () => {
    const results = run('healthy-hybrid', dropProbe('klist-tickets'));
    const headline = headlineOf(results);
    expect(headline.status).toBe('unknown');
    expect(headline.checkId).toBe('onprem-tgt');
    expect(headline.unverified).toEqual(['onprem-tgt']);
    expect(headline.text).toBe(
      `Nothing failed, but 1 step(s) of the chain could not be verified: ${checkOnpremTgt.title}.`,
    );
  });

  it('lists the unverified steps beside a failure too', () => {
    const headline = headlineOf(run('expired-prt', failProbe('time-offset'), failProbe('time-status')));
    expect(headline.status).toBe('fail');
    expect(headline.unverified).toContain('clock-skew');
  });

  it('lets a non-critical unknown pass as works', () => {
    const results = run('healthy-hybrid', failProbe('entra-kerberos-object'));
    expect(byId(results, 'entra-kerberos-server').status).toBe('unknown');
    expect(headlineOf(results).status).toBe('pass');
  });

  it('says "works, with a warning" and quotes the first warning in chain order', () => {
    const results = run('healthy-hybrid', replaceText('time-offset', '+00.0123456s', '+75.5000000s'));
    const headline = headlineOf(results);
    expect(headline.status).toBe('warn');
    expect(headline.checkId).toBe('clock-skew');
    expect(headline.text).toBe(
      'Works, with a warning: This clock is 75.5 s off the domain controller; Kerberos tolerates up to 5 minutes.',
    );
  });
});
