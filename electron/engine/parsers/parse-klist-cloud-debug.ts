import type { Parsed, Sourced } from '../types';

/** Facts from `klist cloud_debug`; numeric flags as printed (0/1, credential type number). */
export interface KlistCloudDebugFacts {
  logonId?: string;
  cloudKerberosEnabledByPolicy?: Sourced<number>;
  asRepCallbackReceived?: Sourced<number>;
  asRepCallbackUsed?: Sourced<number>;
  cloudReferralTgtPresent?: Sourced<number>;
  spnOracleConfigured?: Sourced<number>;
  kdcProxyPresent?: Sourced<number>;
  publicKeyCredentialPresent?: Sourced<number>;
  passwordDerivedKeysPresent?: Sourced<number>;
  plaintextPasswordPresent?: Sourced<number>;
  asRepCredentialType?: Sourced<number>;
  /** "Cloud Primary (Hybrid logon) TGT available": 1 is the healthy value. */
  cloudPrimaryTgtAvailable?: Sourced<number>;
  /** Every "label: value" line as read. */
  fields: Record<string, Sourced<string>>;
}

export function parseKlistCloudDebug(text: string): Parsed<KlistCloudDebugFacts> {
  throw new Error(`not implemented: ${text.length}`);
}
