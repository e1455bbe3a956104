import type { CheckId, CheckStatus, TrustModel } from '@contract/types';
import { describe, expect, it } from 'vitest';
import { diagnose } from '../../../electron/engine/diagnose';
import { loadScenario, SCENARIOS } from '../../../electron/engine/scenarios/scenario-catalog';
import { collectProbeOutputs } from '../../../electron/host/collect-probe-outputs';
import { createReplayRunner } from '../../../electron/host/replay-runner';

interface Expected {
  /** The trust model the session used (not what policy asks for). */
  trustModel: TrustModel;
  policyTrustModel: TrustModel;
  /** The root cause: a failed step with no failed step upstream. */
  headline: CheckId | null;
  /** Every check that is not `pass`; all others must pass. */
  notPassing: Partial<Record<CheckId, CheckStatus>>;
  blockedBy?: Partial<Record<CheckId, CheckId>>;
}

// Written by hand from the protocol (docs/verdicts.md), not from what the engine printed.
const KEYS_SKIPPED = { 'entra-kerberos-keys': 'skip' } as const;
const SHARE_SKIPPED = { ...KEYS_SKIPPED, 'file-share': 'skip' } as const;

const EXPECTED: Record<string, Expected> = {
  'healthy-hybrid': {
    trustModel: 'cloud-kerberos-trust',
    policyTrustModel: 'cloud-kerberos-trust',
    headline: null,
    notPassing: KEYS_SKIPPED,
  },
  'healthy-entra-joined': {
    trustModel: 'cloud-kerberos-trust',
    policyTrustModel: 'cloud-kerberos-trust',
    headline: null,
    notPassing: SHARE_SKIPPED,
  },
  // Key trust: the token carries S-1-18-4; the DC checked the Hello key, the cloud ticket was not used.
  'cloud-trust-policy-missing': {
    trustModel: 'key-trust',
    policyTrustModel: 'key-trust',
    headline: 'cloud-trust-policy',
    notPassing: { 'cloud-trust-policy': 'fail', 'onprem-tgt': 'blocked', ...SHARE_SKIPPED },
    blockedBy: { 'onprem-tgt': 'cloud-trust-policy' },
  },
  // The policy itself is on: turn it off first; deleting the container now would recreate it for certificate trust.
  'certificate-trust-enabled': {
    trustModel: 'certificate-trust',
    policyTrustModel: 'certificate-trust',
    headline: 'cert-trust-conflict',
    notPassing: { 'cert-trust-conflict': 'fail', 'onprem-tgt': 'blocked', ...SHARE_SKIPPED },
    blockedBy: { 'onprem-tgt': 'cert-trust-conflict' },
  },
  'password-sign-in': {
    trustModel: 'none',
    policyTrustModel: 'cloud-kerberos-trust',
    headline: 'hello-signin',
    notPassing: { 'hello-signin': 'fail', 'onprem-tgt': 'blocked', ...SHARE_SKIPPED },
    blockedBy: { 'onprem-tgt': 'hello-signin' },
  },
  // The partial TGT needs no DC: it is there; only the exchange (and the directory query) wait for one.
  'no-dc-line-of-sight': {
    trustModel: 'cloud-kerberos-trust',
    policyTrustModel: 'cloud-kerberos-trust',
    headline: 'dc-line-of-sight',
    notPassing: {
      'dc-line-of-sight': 'fail',
      'entra-kerberos-server': 'unknown',
      'onprem-tgt': 'blocked',
      'clock-skew': 'blocked',
      ...SHARE_SKIPPED,
    },
    blockedBy: { 'onprem-tgt': 'dc-line-of-sight', 'clock-skew': 'dc-line-of-sight' },
  },
  // No object: Entra ID issues no on-premises ticket; the session fell back to key trust.
  'entra-kerberos-server-missing': {
    trustModel: 'key-trust',
    policyTrustModel: 'cloud-kerberos-trust',
    headline: 'entra-kerberos-server',
    notPassing: {
      'entra-kerberos-server': 'fail',
      'cloud-tgt': 'blocked',
      'onprem-tgt': 'blocked',
      ...SHARE_SKIPPED,
    },
    blockedBy: { 'cloud-tgt': 'entra-kerberos-server', 'onprem-tgt': 'entra-kerberos-server' },
  },
  'os-too-old': {
    trustModel: 'key-trust',
    policyTrustModel: 'key-trust',
    headline: 'os-build',
    notPassing: { 'os-build': 'fail', 'cloud-tgt': 'blocked', 'onprem-tgt': 'blocked', ...SHARE_SKIPPED },
    blockedBy: { 'cloud-tgt': 'os-build', 'onprem-tgt': 'os-build' },
  },
  'policy-user-scope-only': {
    trustModel: 'key-trust',
    policyTrustModel: 'key-trust',
    headline: 'cloud-trust-policy',
    notPassing: { 'cloud-trust-policy': 'fail', 'onprem-tgt': 'blocked', ...SHARE_SKIPPED },
    blockedBy: { 'onprem-tgt': 'cloud-trust-policy' },
  },
  'cert-trust-policy-removed': {
    trustModel: 'certificate-trust',
    policyTrustModel: 'cloud-kerberos-trust',
    headline: 'cert-trust-conflict',
    notPassing: { 'cert-trust-conflict': 'fail', 'onprem-tgt': 'blocked', ...SHARE_SKIPPED },
    blockedBy: { 'onprem-tgt': 'cert-trust-conflict' },
  },
  // The session still runs on the old container's sign-in; until the user signs out there is no Hello.
  'hello-container-deleted': {
    trustModel: 'none',
    policyTrustModel: 'cloud-kerberos-trust',
    headline: 'hello-provisioned',
    notPassing: {
      'hello-provisioned': 'fail',
      'hello-signin': 'blocked',
      'onprem-tgt': 'blocked',
      ...SHARE_SKIPPED,
    },
    blockedBy: { 'hello-signin': 'hello-provisioned', 'onprem-tgt': 'hello-provisioned' },
  },
  'rdp-session': {
    trustModel: 'none',
    policyTrustModel: 'cloud-kerberos-trust',
    headline: 'user-context',
    notPassing: {
      'user-context': 'fail',
      'hello-signin': 'blocked',
      'onprem-tgt': 'blocked',
      ...SHARE_SKIPPED,
    },
    blockedBy: { 'hello-signin': 'user-context', 'onprem-tgt': 'user-context' },
  },
  // The RODC password replication policy of AzureADKerberos denies Domain Admins: no exchange.
  'privileged-account': {
    trustModel: 'cloud-kerberos-trust',
    policyTrustModel: 'cloud-kerberos-trust',
    headline: 'privileged-account',
    notPassing: { 'privileged-account': 'fail', 'onprem-tgt': 'blocked', ...SHARE_SKIPPED },
    blockedBy: { 'onprem-tgt': 'privileged-account' },
  },
  // Everything upstream is fine, so the step that saw the key-trust ticket is the root.
  'key-trust-fallback': {
    trustModel: 'key-trust',
    policyTrustModel: 'cloud-kerberos-trust',
    headline: 'onprem-tgt',
    notPassing: { 'onprem-tgt': 'fail', ...KEYS_SKIPPED },
  },
  'no-keylist-dc': {
    trustModel: 'cloud-kerberos-trust',
    policyTrustModel: 'cloud-kerberos-trust',
    headline: 'dc-line-of-sight',
    notPassing: { 'dc-line-of-sight': 'fail', 'onprem-tgt': 'blocked', ...SHARE_SKIPPED },
    blockedBy: { 'onprem-tgt': 'dc-line-of-sight' },
  },
  'clock-skew': {
    trustModel: 'cloud-kerberos-trust',
    policyTrustModel: 'cloud-kerberos-trust',
    headline: 'clock-skew',
    notPassing: { 'clock-skew': 'fail', 'onprem-tgt': 'blocked', ...SHARE_SKIPPED },
    blockedBy: { 'onprem-tgt': 'clock-skew' },
  },
  // No on-premises ticket and no AD domain to ask: the AD-side steps cannot be checked at all.
  'unsynced-user': {
    trustModel: 'unknown',
    policyTrustModel: 'cloud-kerberos-trust',
    headline: 'cloud-tgt',
    notPassing: {
      'privileged-account': 'unknown',
      'cloud-tgt': 'fail',
      'dc-line-of-sight': 'unknown',
      'entra-kerberos-server': 'unknown',
      'onprem-tgt': 'blocked',
      'clock-skew': 'unknown',
      ...SHARE_SKIPPED,
    },
    blockedBy: { 'onprem-tgt': 'cloud-tgt' },
  },
  'foreign-tenant-policy': {
    trustModel: 'key-trust',
    policyTrustModel: 'key-trust',
    headline: 'cloud-trust-policy',
    notPassing: { 'cloud-trust-policy': 'fail', 'onprem-tgt': 'blocked', ...KEYS_SKIPPED },
    blockedBy: { 'onprem-tgt': 'cloud-trust-policy' },
  },
  'expired-prt': {
    trustModel: 'unknown',
    policyTrustModel: 'cloud-kerberos-trust',
    headline: 'prt',
    notPassing: { prt: 'fail', 'cloud-tgt': 'blocked', 'onprem-tgt': 'blocked', ...SHARE_SKIPPED },
    blockedBy: { 'cloud-tgt': 'prt', 'onprem-tgt': 'prt' },
  },
  'smart-card-sign-in': {
    trustModel: 'none',
    policyTrustModel: 'cloud-kerberos-trust',
    headline: 'hello-signin',
    notPassing: { 'hello-signin': 'fail', 'onprem-tgt': 'blocked', ...KEYS_SKIPPED },
    blockedBy: { 'onprem-tgt': 'hello-signin' },
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
        expect(report.policyTrustModel).toBe(expected.policyTrustModel);
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
        const outputs = await collectProbeOutputs({
          system32: '/replay/System32',
          runner: createReplayRunner(capture, { timeScale: 0 }),
          codePage: 437,
          inputs: capture.inputs ?? {},
        });
        const ran = (probes: typeof outputs) =>
          Object.entries(probes)
            .filter(([, r]) => !r.error?.startsWith('skipped'))
            .map(([id]) => id)
            .sort();
        expect(ran(outputs)).toEqual(ran(capture.probes));
      });
    });
  }

  it('offers deleting the Hello container only where a certificate-trust container is proven', () => {
    for (const scenario of SCENARIOS) {
      const report = diagnose(loadScenario(scenario.name), { kind: 'scenario', name: scenario.name });
      const offering = report.checks
        .filter((c) => c.fixes.includes('delete-hello-container'))
        .map((c) => c.id);
      // Only the leftover container: the policy is off and the Hello certificate signed this session in.
      expect(offering).toEqual(scenario.name === 'cert-trust-policy-removed' ? ['cert-trust-conflict'] : []);
    }
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
