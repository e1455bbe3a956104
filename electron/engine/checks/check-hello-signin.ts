import { evidence, factsOf } from '../facts/fact-set';
import type { CheckOutcome } from '../types';
import type { CheckDefinition } from './check-definition';
import { DOCS } from './doc-links';

const KEY_TRUST_IDENTITY_SID = 'S-1-18-4';

export const checkHelloSignin: CheckDefinition = {
  id: 'hello-signin',
  title: 'Signed in with Hello (PIN or biometrics)',
  explanation:
    'Cloud Kerberos trust works only when the user signs in to Windows with Hello. After a password sign-in the ' +
    'session has no Hello key, so no cloud Kerberos ticket is issued for it.',
  needs: ['klist-cloud-debug', 'whoami-groups'],
  dependsOn: ['user-context', 'hello-provisioned'],
  evaluate(set): CheckOutcome {
    const debug = factsOf(set, 'klist-cloud-debug');
    const key = debug?.publicKeyCredentialPresent;
    const password = debug?.passwordDerivedKeysPresent;
    const proof = [evidence(set, 'klist-cloud-debug', [key?.line, password?.line])];
    const docs = [DOCS.helloFaq];
    if (key?.value === 1) {
      return {
        status: 'pass',
        summary: 'This session was signed in with Hello (a key, not a password).',
        evidence: proof,
      };
    }
    if (key?.value === 0 || password?.value === 1) {
      return {
        status: 'fail',
        summary: 'This session was signed in with a password, not with the Hello PIN or biometrics.',
        evidence: proof,
        remediation:
          'Lock the device (Windows+L) and sign back in with the PIN, fingerprint or face, then run the checks ' +
          'again. If Windows offers only the password, Hello is not set up for this user.',
        fixes: ['lock-and-sign-in-with-pin'],
        docs,
      };
    }
    // Older builds lack klist cloud_debug; the token's key trust SID is the next best sign.
    const keyTrust = factsOf(set, 'whoami-groups')?.groups.find((g) => g.sid === KEY_TRUST_IDENTITY_SID);
    if (keyTrust) {
      return {
        status: 'pass',
        summary: 'The sign-in token carries the key trust identity, so the user signed in with a key.',
        evidence: [evidence(set, 'whoami-groups', [keyTrust.line]), ...proof],
      };
    }
    const probe = set.probes['klist-cloud-debug'];
    return {
      status: 'unknown',
      summary:
        probe.state === 'ok'
          ? 'klist cloud_debug did not say which credential was used to sign in.'
          : `Can't tell how the user signed in: ${probe.reason}.`,
      evidence: proof,
      docs,
    };
  },
};
