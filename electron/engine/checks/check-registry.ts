import { checkCertTrustConflict } from './check-cert-trust-conflict';
import { checkClockSkew } from './check-clock-skew';
import { checkCloudTgt } from './check-cloud-tgt';
import { checkCloudTrustPolicy } from './check-cloud-trust-policy';
import { checkDcLineOfSight } from './check-dc-line-of-sight';
import type { CheckDefinition } from './check-definition';
import { checkEntraKerberosKeys } from './check-entra-kerberos-keys';
import { checkEntraKerberosServer } from './check-entra-kerberos-server';
import { checkFileShare } from './check-file-share';
import { checkHelloProvisioned } from './check-hello-provisioned';
import { checkHelloSignin } from './check-hello-signin';
import { checkJoinState } from './check-join-state';
import { checkOnpremTgt } from './check-onprem-tgt';
import { checkOsBuild } from './check-os-build';
import { checkPolicySource } from './check-policy-source';
import { checkPrivilegedAccount } from './check-privileged-account';
import { checkPrt } from './check-prt';
import { checkUserContext } from './check-user-context';
import { checkWhfbPolicy } from './check-whfb-policy';

/** The checklist in the order of the chain; adding a check is one file and one line here. */
export const CHECKS: readonly CheckDefinition[] = [
  checkOsBuild,
  checkJoinState,
  checkUserContext,
  checkPrivilegedAccount,
  checkWhfbPolicy,
  checkCloudTrustPolicy,
  checkCertTrustConflict,
  checkPolicySource,
  checkHelloProvisioned,
  checkHelloSignin,
  checkPrt,
  checkCloudTgt,
  checkDcLineOfSight,
  checkEntraKerberosServer,
  checkEntraKerberosKeys,
  checkOnpremTgt,
  checkClockSkew,
  checkFileShare,
];
