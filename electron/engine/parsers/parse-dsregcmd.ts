import type { Parsed, Sourced } from '../types';

/** Facts from `dsregcmd /status`. YES/NO fields become booleans; other values (UNKNOWN, ERROR (0x...)) stay only in `fields`. */
export interface DsregcmdFacts {
  azureAdJoined?: Sourced<boolean>;
  enterpriseJoined?: Sourced<boolean>;
  domainJoined?: Sourced<boolean>;
  domainName?: Sourced<string>;
  deviceName?: Sourced<string>;
  deviceId?: Sourced<string>;
  tpmProtected?: Sourced<boolean>;
  tenantId?: Sourced<string>;
  tenantName?: Sourced<string>;
  ngcSet?: Sourced<boolean>;
  azureAdPrt?: Sourced<boolean>;
  /** As printed, e.g. "2025-03-09 11:00:27.000 UTC". */
  azureAdPrtUpdateTime?: Sourced<string>;
  /** e.g. "AADSTS50126: Error validating credentials ..." */
  prtErrorDescription?: Sourced<string>;
  /** SSO State: cloud Kerberos partial TGT for on-premises resources. */
  onPremTgt?: Sourced<boolean>;
  /** SSO State: Entra Kerberos TGT for cloud resources (Azure Files). */
  cloudTgt?: Sourced<boolean>;
  /** Diagnostic Data "User Context", e.g. "UN-ELEVATED User", "SYSTEM". */
  userContext?: Sourced<string>;
  executingAccountName?: Sourced<string>;
  /** Diagnostic Data "Client Time" as printed. */
  clientTime?: Sourced<string>;
  ngcPrereq: {
    isDeviceJoined?: Sourced<boolean>;
    isUserAzureAD?: Sourced<boolean>;
    policyEnabled?: Sourced<boolean>;
    postLogonEnabled?: Sourced<boolean>;
    deviceEligible?: Sourced<boolean>;
    sessionIsNotRemote?: Sourced<boolean>;
    /** e.g. "none", "enrollment authority". */
    certEnrollment?: Sourced<string>;
    /** Named `CloudTGT` before Windows 11 23H2 and `OnPremTGT` after: same fact. */
    onPremTgt?: Sourced<boolean>;
    /** e.g. "WillProvision", "WillNotProvision". */
    preReqResult?: Sourced<string>;
  };
  /** Every field as read: section title -> field name -> value. */
  fields: Record<string, Record<string, Sourced<string>>>;
}

export function parseDsregcmd(text: string): Parsed<DsregcmdFacts> {
  throw new Error(`not implemented: ${text.length}`);
}
