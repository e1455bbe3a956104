import type { CheckOutcome } from '@contract/types';
import { evidence, factsOf } from '../facts/fact-set';
import type { CheckDefinition } from './check-definition';
import { DOCS } from './doc-links';

/** Kerberos refuses tickets when the clocks differ by more than 5 minutes. */
const MAX_SKEW_SECONDS = 300;
const WARN_SKEW_SECONDS = 60;

export const checkClockSkew: CheckDefinition = {
  id: 'clock-skew',
  title: 'Clock against the domain controller',
  explanation:
    "Kerberos tickets carry timestamps. If this device's clock is more than 5 minutes off the domain " +
    "controller's, the domain controller rejects them.",
  needs: ['time-offset', 'time-status'],
  dependsOn: ['dc-line-of-sight'],
  critical: true,
  evaluate(set): CheckOutcome {
    const offset = factsOf(set, 'time-offset');
    const status = factsOf(set, 'time-status');
    const docs = [DOCS.clockSkew];
    const seconds = offset?.offsetSeconds?.value;
    if (seconds !== undefined) {
      const proof = [evidence(set, 'time-offset', [offset?.offsetSeconds?.line])];
      const size = Math.abs(seconds);
      const shown = size >= 1 ? `${size.toFixed(1)} s` : `${Math.round(size * 1000)} ms`;
      if (size > MAX_SKEW_SECONDS) {
        return {
          status: 'fail',
          summary: `This clock is ${Math.round(size / 60)} minutes off the domain controller: Kerberos will refuse tickets.`,
          evidence: proof,
          remediation:
            'Fix time synchronisation (w32tm /resync as administrator, or check the time source), then sign in again.',
          docs,
        };
      }
      if (size > WARN_SKEW_SECONDS) {
        return {
          status: 'warn',
          summary: `This clock is ${shown} off the domain controller; Kerberos tolerates up to 5 minutes.`,
          evidence: proof,
          docs,
        };
      }
      return {
        status: 'pass',
        summary: `This clock is within ${shown} of the domain controller.`,
        evidence: proof,
      };
    }
    const leap = status?.leapIndicator;
    const source = status?.source;
    if (leap?.value === 3 || /local cmos clock|free-running/i.test(source?.value ?? '')) {
      return {
        status: 'warn',
        summary: 'The offset to the domain controller is unknown, and this clock is not synchronised.',
        evidence: [
          evidence(set, 'time-status', [leap?.line, source?.line]),
          evidence(set, 'time-offset', []),
        ],
        docs,
      };
    }
    const probe = set.probes['time-offset'];
    return {
      status: 'unknown',
      summary:
        probe.state === 'ok'
          ? (offset?.failure?.value ?? 'The domain controller did not answer the time query.')
          : `Can't measure the offset to the domain controller: ${probe.reason}.`,
      evidence: [
        evidence(set, 'time-offset', [offset?.failure?.line]),
        evidence(set, 'time-status', [source?.line]),
      ],
      docs,
    };
  },
};
