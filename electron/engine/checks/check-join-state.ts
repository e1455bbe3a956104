import type { CheckOutcome } from '@contract/types';
import { evidence, factsOf } from '../facts/fact-set';
import type { CheckDefinition } from './check-definition';
import { DOCS } from './doc-links';
import { unknownUnlessAny } from './outcomes';

export const checkJoinState: CheckDefinition = {
  id: 'join-state',
  title: 'Device join state',
  explanation:
    'The device must be Microsoft Entra joined or Microsoft Entra hybrid joined. Only then does signing in give it ' +
    'a Primary Refresh Token, which carries the Kerberos ticket for the on-premises domain.',
  needs: ['dsregcmd-status'],
  dependsOn: [],
  critical: true,
  evaluate(set): CheckOutcome {
    const unknown = unknownUnlessAny(set, ['dsregcmd-status'], 'how the device is joined');
    if (unknown) return unknown;
    const ds = factsOf(set, 'dsregcmd-status');
    const entra = ds?.azureAdJoined?.value;
    const domain = ds?.domainJoined?.value;
    const diagnostics = ds?.fields['Diagnostic Data'] ?? {};
    const errorLines = ['AD Configuration Test', 'DRS Discovery Test', 'Error Phase', 'Client ErrorCode']
      .map((key) => diagnostics[key]?.line)
      .filter((line) => line !== undefined);
    const proof = [
      evidence(set, 'dsregcmd-status', [
        ds?.azureAdJoined?.line,
        ds?.domainJoined?.line,
        ds?.domainName?.line,
      ]),
    ];
    const docs = [DOCS.hybridJoin, DOCS.dsregcmd];
    if (entra === undefined) {
      return { status: 'unknown', summary: 'dsregcmd did not report AzureAdJoined.', evidence: proof, docs };
    }
    if (entra && domain) {
      return {
        status: 'pass',
        summary: 'The device is Microsoft Entra hybrid joined.',
        evidence: proof,
        docs,
      };
    }
    if (entra)
      return { status: 'pass', summary: 'The device is Microsoft Entra joined.', evidence: proof, docs };
    const failProof = [evidence(set, 'dsregcmd-status', [...(proof[0]?.lines ?? []), ...errorLines])];
    if (domain) {
      return {
        status: 'fail',
        summary: 'The device is joined to the AD domain only: Microsoft Entra hybrid join has not completed.',
        evidence: failProof,
        remediation:
          'Hybrid join is not finished. Look at the Diagnostic Data error in dsregcmd /status (for example ' +
          '0x801c001d: no service connection point in AD) and fix the hybrid join configuration (Entra Connect). ' +
          'After that, restart the device and sign in again.',
        docs,
      };
    }
    return {
      status: 'fail',
      summary: 'The device is not joined to Microsoft Entra ID.',
      evidence: failProof,
      remediation: 'Join the device to Microsoft Entra ID (or configure hybrid join), then sign in again.',
      docs,
    };
  },
};
