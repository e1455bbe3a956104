import type { CaptureInputs, ProbeOutputs } from '@contract/types';
import { validateUncPath } from '@contract/validate-unc-path';
import { adDomain, userAdDomain } from '../facts/ad-domain';
import { buildFactSet, type FactSet, factsOf } from '../facts/fact-set';

/**
 * What dependent probes learn before they start: from the instant sources (environment,
 * registry, see readInstantContext), from earlier probes, from the person's inputs. Values
 * are validated host names.
 */
export interface ProbeContext {
  /** The device's AD domain, DNS (contoso.com) preferred, else NetBIOS (CONTOSO). */
  domain?: string;
  /**
   * The signed-in user's AD domain when known (see userAdDomain), e.g. eu.contoso.com for a
   * user of a child domain on a device of corp.contoso.com. The Entra Kerberos query searches it.
   */
  userDomain?: string;
  /** Domain controller found by nltest, e.g. DC01.contoso.com. */
  dcName?: string;
  /** The UNC path the person asked to test, already validated. */
  share?: string;
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

function valid(value: string | undefined): string | undefined {
  return value !== undefined && isValidHostName(value) ? value : undefined;
}

/** The context the person's inputs give: the share to test, when it is a valid UNC path. */
export function contextFromInputs(inputs: CaptureInputs = {}): ProbeContext {
  const share = inputs.share === undefined ? undefined : validateUncPath(inputs.share);
  return share?.ok ? { share: share.path } : {};
}

/**
 * Context for dependent probes from the output gathered so far, read by the same parsers and
 * domain rules as the checks. For a one-off reading; the live host keeps its facts instead
 * (contextFromFacts), so each output is parsed once however many probes wait on it.
 */
export function contextFromOutputs(outputs: ProbeOutputs, inputs: CaptureInputs = {}): ProbeContext {
  // Output is read even when the probe timed out: the lines may already be there.
  const readable: ProbeOutputs = {};
  for (const [id, result] of Object.entries(outputs)) {
    readable[id as keyof ProbeOutputs] = { ...result, error: null };
  }
  return contextFromFacts(buildFactSet(readable), inputs);
}

/**
 * Context for dependent probes from facts already parsed: the device's domain from dsregcmd
 * (DNS suffix of the device name, else NetBIOS DomainName) or, on an Entra joined device, the
 * realm of the krbtgt ticket; the user's domain from the client realm of that ticket or from
 * whoami; the DC from nltest.
 */
export function contextFromFacts(set: FactSet, inputs: CaptureInputs = {}): ProbeContext {
  const context: ProbeContext = {};
  const domain = valid(adDomain(set));
  if (domain !== undefined) context.domain = domain;
  const userDomain = valid(userAdDomain(set)?.domain);
  if (userDomain !== undefined) context.userDomain = userDomain;
  // The clock matters against any DC the exchange could use: the key-list one, else any KDC.
  const dcName = valid(
    factsOf(set, 'nltest-dsgetdc')?.dc?.value ?? factsOf(set, 'nltest-dsgetdc-kdc')?.dc?.value,
  );
  if (dcName !== undefined) context.dcName = dcName;
  return { ...context, ...contextFromInputs(inputs) };
}
