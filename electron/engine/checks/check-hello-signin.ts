import type { CheckOutcome, EvidenceItem } from '@contract/types';
import { evidence, factsOf } from '../facts/fact-set';
import { sessionAuthOf } from '../facts/session-auth';
import type { CheckDefinition } from './check-definition';
import { DOCS } from './doc-links';

export const checkHelloSignin: CheckDefinition = {
  id: 'hello-signin',
  title: 'Hello sign-in',
  explanation:
    'Cloud Kerberos trust works only when the user signs in to Windows with Hello. A password, a smart card or a ' +
    'FIDO2 security key also signs in, but not with the Hello key, so this session does not show whether Hello ' +
    'works.',
  needs: [
    'klist-cloud-debug',
    'whoami-groups',
    'dsregcmd-status',
    'logonui-last-provider',
    'certutil-user-store',
  ],
  dependsOn: ['user-context', 'hello-provisioned'],
  critical: true,
  evaluate(set): CheckOutcome {
    const auth = sessionAuthOf(set);
    const decisive = auth.signals.filter((s) => s.decisive);
    const proof: EvidenceItem[] = [...new Set(decisive.map((s) => s.probeId))].map((probeId) =>
      evidence(
        set,
        probeId,
        decisive.filter((s) => s.probeId === probeId).map((s) => s.line),
      ),
    );
    const docs = [DOCS.helloFaq];
    const ngcSet = factsOf(set, 'dsregcmd-status')?.ngcSet;
    const lockAndPin =
      'Lock the device (Windows+L) and sign back in with the PIN, fingerprint or face, then run the checks ' +
      'again. If Windows offers only the password, Hello is not set up for this user.';
    switch (auth.credential) {
      case 'hello':
        if (ngcSet?.value === false) {
          return {
            status: 'fail',
            summary:
              'This session was signed in with Hello, but the user has no Hello container now (deleted or reset since): sign out and in.',
            evidence: [...proof, evidence(set, 'dsregcmd-status', [ngcSet.line])],
            remediation:
              'Sign out, sign in with the password and set up the PIN when Windows asks; then lock and sign in with the new PIN.',
            docs,
          };
        }
        return { status: 'pass', summary: `Signed in with Hello. ${auth.credentialReason}`, evidence: proof };
      case 'password':
        return {
          status: 'fail',
          summary: 'This session was signed in with a password, not with the Hello PIN or biometrics.',
          evidence: proof,
          remediation: lockAndPin,
          fixes: ['lock-and-sign-in-with-pin'],
          docs,
        };
      case 'smart-card':
      case 'fido2':
        return {
          status: 'fail',
          summary: `This session was signed in with ${auth.credential === 'fido2' ? 'a FIDO2 security key' : 'a smart card'}, not with Hello. ${auth.credentialReason}`,
          evidence: proof,
          remediation: `This session cannot use cloud Kerberos trust, and it does not show whether Hello works. ${lockAndPin}`,
          fixes: ['lock-and-sign-in-with-pin'],
          docs,
          explainedBy: [],
        };
      default:
        return {
          status: 'unknown',
          summary: auth.credentialReason.startsWith("Can't")
            ? auth.credentialReason
            : `Can't tell whether this was a Hello sign-in: ${auth.credentialReason}`,
          evidence: proof.length > 0 ? proof : [evidence(set, 'klist-cloud-debug', [])],
          docs,
        };
    }
  },
};
