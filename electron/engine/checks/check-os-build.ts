import type { CheckOutcome } from '@contract/types';
import { evidence, factsOf } from '../facts/fact-set';
import type { CheckDefinition } from './check-definition';
import { DOCS } from './doc-links';
import { unknownUnlessAny } from './outcomes';

const REMEDIATION =
  'Install the latest cumulative update from Windows Update. Cloud Kerberos trust needs Windows 10 21H2 with ' +
  'KB5010415 (build 19044.1566) or later, Windows 11 21H2 with KB5010414 (build 22000.527) or later, or any ' +
  'Windows 11 22H2 or newer.';

/** Minimum update revision per build that has one; builds above 22000 are all supported. */
const MINIMUM_UBR: Record<number, number> = { 19044: 1566, 19045: 0, 22000: 527 };

export const checkOsBuild: CheckDefinition = {
  id: 'os-build',
  title: 'Windows version',
  explanation:
    'Cloud Kerberos trust is built into Windows itself. Older builds do not know how to ask Microsoft Entra ID ' +
    'for the Kerberos ticket, however well everything else is set up.',
  needs: ['os-version'],
  dependsOn: [],
  critical: true,
  evaluate(set): CheckOutcome {
    const unknown = unknownUnlessAny(set, ['os-version'], 'which Windows build this is');
    if (unknown) return unknown;
    const os = factsOf(set, 'os-version');
    const build = os?.currentBuild?.value;
    const ubr = os?.ubr?.value;
    const lines = [os?.productName?.line, os?.displayVersion?.line, os?.currentBuild?.line, os?.ubr?.line];
    // Windows 11 still calls itself "Windows 10" in ProductName; say so beside that line.
    const misleadingName =
      build !== undefined && build >= 22000 && /windows 10/i.test(os?.productName?.value ?? '')
        ? 'ProductName says "Windows 10" on Windows 11 too: the build number decides.'
        : undefined;
    const proof = [evidence(set, 'os-version', lines, misleadingName)];
    if (build === undefined) {
      return {
        status: 'unknown',
        summary: 'The Windows build number was not in the output.',
        evidence: proof,
      };
    }
    const version = ubr === undefined ? `build ${build}` : `build ${build}.${ubr}`;
    const name = os?.displayVersion
      ? `Windows ${build >= 22000 ? '11' : '10'} ${os.displayVersion.value}`
      : 'Windows';
    const docs = [DOCS.passportCsp];
    if (os?.installationType?.value.toLowerCase() === 'server') {
      return {
        status: 'warn',
        summary: `This is Windows Server (${version}); Windows Hello for Business is meant for Windows 10/11 clients.`,
        evidence: proof,
        docs,
      };
    }
    if (build >= 22621 || build === 19045) {
      return {
        status: 'pass',
        summary: `${name} (${version}) supports cloud Kerberos trust.`,
        evidence: proof,
        docs,
      };
    }
    const minimumUbr = MINIMUM_UBR[build];
    if (minimumUbr === undefined) {
      const tooOld = build < 19044;
      return {
        status: tooOld ? 'fail' : 'warn',
        summary: tooOld
          ? `${name} (${version}) is too old for cloud Kerberos trust.`
          : `${name} (${version}) is not a build this app knows; check it meets the minimum.`,
        evidence: proof,
        remediation: REMEDIATION,
        docs,
      };
    }
    if (ubr === undefined) {
      return {
        status: 'unknown',
        summary: `Build ${build} needs at least update revision ${minimumUbr}, but the revision (UBR) was not in the output.`,
        evidence: proof,
        docs,
      };
    }
    if (ubr < minimumUbr) {
      return {
        status: 'fail',
        summary: `${name} (${version}) is missing the update that adds cloud Kerberos trust (needs ${build}.${minimumUbr} or later).`,
        evidence: proof,
        remediation: REMEDIATION,
        docs,
      };
    }
    return {
      status: 'pass',
      summary: `${name} (${version}) supports cloud Kerberos trust.`,
      evidence: proof,
      docs,
    };
  },
};
