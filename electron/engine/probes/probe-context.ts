import type { Evidence } from '../types';

/** What dependent probes learn from earlier ones. Values are validated host names. */
export interface ProbeContext {
  /** AD domain, DNS (contoso.com) preferred, else NetBIOS (CONTOSO). */
  domain?: string;
  /** Domain controller found by nltest, e.g. DC01.contoso.com. */
  dcName?: string;
}

const LABEL = /^[A-Za-z0-9][A-Za-z0-9-]{0,62}$/;

/**
 * A DNS or NetBIOS name: letters, digits, '-' and '.', no label starting with '-'. These
 * values come from command output and end up in argv and in a PowerShell script, so
 * anything else (quotes, spaces, slashes, '$') is refused.
 */
export function isValidHostName(value: string): boolean {
  return value.length <= 253 && value.split('.').every((label) => LABEL.test(label));
}

// The two lines are read with small regexes here rather than through the full parsers,
// so context extraction stays independent of parser changes and never throws.
const DEVICE_NAME_LINE = /^\s*Device Name\s*:\s*(\S+)\s*$/m;
const DOMAIN_NAME_LINE = /^\s*DomainName\s*:\s*(\S+)\s*$/m;
const DC_LINE = /^\s*DC\s*:\s*\\\\(\S+)\s*$/m;

function valid(value: string | undefined): string | undefined {
  return value !== undefined && isValidHostName(value) ? value : undefined;
}

/**
 * The AD domain from `dsregcmd /status`: the DNS suffix of "Device Name" when it has one
 * (nltest and LDAP work best with the DNS name), else "DomainName" (NetBIOS, printed only
 * when the device is domain joined).
 */
export function domainFromDsregcmd(text: string): string | undefined {
  const deviceName = DEVICE_NAME_LINE.exec(text)?.[1];
  const dot = deviceName?.indexOf('.') ?? -1;
  const suffix = deviceName !== undefined && dot > 0 ? valid(deviceName.slice(dot + 1)) : undefined;
  return suffix ?? valid(DOMAIN_NAME_LINE.exec(text)?.[1]);
}

/** The DC from `nltest /dsgetdc`: "DC: \\DC01.contoso.com" without the backslashes. */
export function dcFromNltest(text: string): string | undefined {
  return valid(DC_LINE.exec(text)?.[1]);
}

/** Context for dependent probes from the evidence gathered so far. */
export function contextFromEvidence(evidence: Evidence): ProbeContext {
  const context: ProbeContext = {};
  // Output is read even when the probe timed out: the lines may already be there.
  const domain = domainFromDsregcmd(evidence['dsregcmd-status']?.stdout ?? '');
  if (domain !== undefined) context.domain = domain;
  const dcName = dcFromNltest(evidence['nltest-dsgetdc']?.stdout ?? '');
  if (dcName !== undefined) context.dcName = dcName;
  return context;
}
