import { describe, expect, it } from 'vitest';
import { diagnose } from '../../../electron/engine/diagnose';
import { collectEvidence } from '../../../electron/engine/host/live-host';
import { createReplayRunner } from '../../../electron/engine/host/replay-runner';
import { loadScenario, SCENARIOS } from '../../../electron/engine/scenarios/scenario-catalog';
import type { CheckId, CheckStatus, TrustModel } from '../../../electron/engine/types';

interface Expected {
  trustModel: TrustModel;
  headline: CheckId | null;
  /** Every check that is not `pass`; all others must pass. */
  notPassing: Partial<Record<CheckId, CheckStatus>>;
  blockedBy?: Partial<Record<CheckId, CheckId>>;
}

const SHARE_SKIPPED = { 'entra-kerberos-keys': 'skip', 'file-share': 'skip' } as const;

const EXPECTED: Record<string, Expected> = {
  'healthy-hybrid': {
    trustModel: 'cloud-kerberos-trust',
    headline: null,
    notPassing: { 'entra-kerberos-keys': 'skip' },
  },
  'healthy-entra-joined': { trustModel: 'cloud-kerberos-trust', headline: null, notPassing: SHARE_SKIPPED },
  'cloud-trust-policy-missing': {
    trustModel: 'key-trust',
    headline: 'cloud-trust-policy',
    notPassing: { 'cloud-trust-policy': 'fail', 'cloud-tgt': 'blocked', ...SHARE_SKIPPED },
    blockedBy: { 'cloud-tgt': 'cloud-trust-policy' },
  },
  'certificate-trust-enabled': {
    trustModel: 'certificate-trust',
    headline: 'cert-trust-conflict',
    notPassing: { 'cert-trust-conflict': 'fail', 'cloud-tgt': 'blocked', ...SHARE_SKIPPED },
    blockedBy: { 'cloud-tgt': 'cert-trust-conflict' },
  },
  'password-sign-in': {
    trustModel: 'cloud-kerberos-trust',
    headline: 'hello-signin',
    notPassing: { 'hello-signin': 'fail', 'cloud-tgt': 'blocked', ...SHARE_SKIPPED },
    blockedBy: { 'cloud-tgt': 'hello-signin' },
  },
  'no-dc-line-of-sight': {
    trustModel: 'cloud-kerberos-trust',
    headline: 'dc-line-of-sight',
    notPassing: {
      'dc-line-of-sight': 'fail',
      'entra-kerberos-server': 'blocked',
      'onprem-tgt': 'blocked',
      'clock-skew': 'blocked',
      ...SHARE_SKIPPED,
    },
    blockedBy: {
      'entra-kerberos-server': 'dc-line-of-sight',
      'onprem-tgt': 'dc-line-of-sight',
      'clock-skew': 'dc-line-of-sight',
    },
  },
  'entra-kerberos-server-missing': {
    trustModel: 'cloud-kerberos-trust',
    headline: 'entra-kerberos-server',
    notPassing: { 'entra-kerberos-server': 'fail', 'cloud-tgt': 'blocked', ...SHARE_SKIPPED },
    blockedBy: { 'cloud-tgt': 'entra-kerberos-server' },
  },
  'os-too-old': {
    trustModel: 'key-trust',
    headline: 'os-build',
    notPassing: { 'os-build': 'fail', 'cloud-tgt': 'blocked', ...SHARE_SKIPPED },
    blockedBy: { 'cloud-tgt': 'os-build' },
  },
  'policy-user-scope-only': {
    trustModel: 'key-trust',
    headline: 'cloud-trust-policy',
    notPassing: { 'cloud-trust-policy': 'fail', 'cloud-tgt': 'blocked', ...SHARE_SKIPPED },
    blockedBy: { 'cloud-tgt': 'cloud-trust-policy' },
  },
  'cert-trust-policy-removed': {
    trustModel: 'certificate-trust',
    headline: 'cert-trust-conflict',
    notPassing: { 'cert-trust-conflict': 'fail', 'cloud-tgt': 'blocked', ...SHARE_SKIPPED },
    blockedBy: { 'cloud-tgt': 'cert-trust-conflict' },
  },
  'hello-container-deleted': {
    trustModel: 'none',
    headline: 'hello-provisioned',
    notPassing: { 'hello-provisioned': 'fail', 'cloud-tgt': 'blocked', ...SHARE_SKIPPED },
    blockedBy: { 'cloud-tgt': 'hello-provisioned' },
  },
  'rdp-session': {
    trustModel: 'cloud-kerberos-trust',
    headline: 'user-context',
    notPassing: {
      'user-context': 'fail',
      'hello-signin': 'blocked',
      'cloud-tgt': 'blocked',
      ...SHARE_SKIPPED,
    },
    blockedBy: { 'hello-signin': 'user-context', 'cloud-tgt': 'user-context' },
  },
};

describe('built-in scenarios', () => {
  it('every shipped scenario has an expected checklist here', () => {
    expect(Object.keys(EXPECTED).sort()).toEqual(SCENARIOS.map((s) => s.name).sort());
  });

  for (const scenario of SCENARIOS) {
    describe(scenario.name, () => {
      const expected = EXPECTED[scenario.name] as Expected;
      const report = diagnose(loadScenario(scenario.name), { kind: 'scenario', name: scenario.name });

      it('gives the full expected checklist', () => {
        const statuses = Object.fromEntries(report.checks.map((c) => [c.id, c.status]));
        const wanted = Object.fromEntries(
          report.checks.map((c) => [c.id, expected.notPassing[c.id] ?? 'pass']),
        );
        expect(statuses).toEqual(wanted);
      });

      it('names the first broken link and the trust model', () => {
        expect(report.headline.checkId).toBe(expected.headline);
        expect(report.trustModel).toBe(expected.trustModel);
        if (expected.headline) {
          const failed = report.checks.find((c) => c.id === expected.headline);
          expect(report.headline.text).toContain(failed?.summary);
        }
      });

      it('says what blocks each blocked step', () => {
        const blocked = Object.fromEntries(
          report.checks.filter((c) => c.blockedBy).map((c) => [c.id, c.blockedBy]),
        );
        expect(blocked).toEqual(expected.blockedBy ?? {});
      });

      it('backs every failing step with evidence lines and a remedy', () => {
        for (const check of report.checks.filter((c) => c.status === 'fail')) {
          expect(check.evidence.flatMap((e) => e.lines).length).toBeGreaterThan(0);
          expect(check.remediation).toBeTruthy();
        }
      });

      it('is a capture the live host itself would produce (same probes, same commands)', async () => {
        const capture = loadScenario(scenario.name);
        const evidence = await collectEvidence({
          system32: '/replay/System32',
          runner: createReplayRunner(capture, { timeScale: 0 }),
          codePage: 437,
          inputs: capture.inputs ?? {},
        });
        const ran = (probes: typeof evidence) =>
          Object.entries(probes)
            .filter(([, r]) => !r.error?.startsWith('skipped'))
            .map(([id]) => id)
            .sort();
        expect(ran(evidence)).toEqual(ran(capture.probes));
      });
    });
  }

  it('the certificate trust scenario offers deleting the Hello container on its failing check', () => {
    const report = diagnose(loadScenario('certificate-trust-enabled'), { kind: 'scenario', name: 'x' });
    const failing = report.checks.find((c) => c.status === 'fail');
    expect(failing?.fixes).toContain('delete-hello-container');
  });

  it('does not count "Cloud Kerberos enabled by policy: 0" as a failure', () => {
    const report = diagnose(loadScenario('healthy-hybrid'), { kind: 'scenario', name: 'x' });
    const cloudTgt = report.checks.find((c) => c.id === 'cloud-tgt');
    expect(cloudTgt?.status).toBe('pass');
    expect(cloudTgt?.evidence.some((e) => e.lines.includes('Cloud Kerberos enabled by policy: 0'))).toBe(
      true,
    );
  });
});
