import { ENTRA_KERBEROS_REALM } from '../engine/facts/ad-domain';
import { parseRegistry } from '../engine/parsers/parse-registry';
import { isValidHostName, type ProbeContext } from '../engine/probes/probe-context';
import { type CommandRunner, runCommand } from './command-funnel';
import { FALLBACK_CODE_PAGE } from './decode-output';
import { resolveSystemExecutable } from './system-paths';

/** The host process's own environment (never values from the renderer). */
export type HostEnvironment = Readonly<Record<string, string | undefined>>;

export const TCPIP_PARAMETERS_KEY = 'HKLM\\SYSTEM\\CurrentControlSet\\Services\\Tcpip\\Parameters';
export const TCPIP_PARAMETERS_ARGS = ['query', TCPIP_PARAMETERS_KEY] as const;

// reg.exe answers in milliseconds; the OEM code page read allows the same.
const REGISTRY_TIMEOUT_MS = 5_000;

// Account domains and realms that are never an on-premises AD domain: Entra users ("AzureAD"),
// Microsoft accounts, the local authorities, a workgroup, Microsoft Entra Kerberos.
const NOT_AD_DOMAINS = new Set([
  'AZUREAD',
  'MICROSOFTACCOUNT',
  'NT AUTHORITY',
  'BUILTIN',
  'WORKGROUP',
  ENTRA_KERBEROS_REALM,
]);

// NetBIOS names are at most 15 characters.
const NETBIOS_LENGTH = 15;

/** A DNS domain from the environment or the registry, lower-cased like adDomain's; else undefined. */
function dnsDomain(value: string | undefined): string | undefined {
  if (value === undefined || value === '' || !isValidHostName(value)) return undefined;
  return NOT_AD_DOMAINS.has(value.toUpperCase()) ? undefined : value.toLowerCase();
}

/**
 * USERDOMAIN as a NetBIOS AD domain: not a dotted name, not the computer's own name (a local
 * account signs in to the computer), none of the names above.
 */
function netbiosDomain(value: string | undefined, computerName: string | undefined): string | undefined {
  if (value === undefined || value.length > NETBIOS_LENGTH || value.includes('.')) return undefined;
  if (!isValidHostName(value)) return undefined;
  const upper = value.toUpperCase();
  const computer = computerName?.toUpperCase();
  if (NOT_AD_DOMAINS.has(upper) || upper === computer || upper === computer?.slice(0, NETBIOS_LENGTH)) {
    return undefined;
  }
  return upper;
}

/**
 * What the sign-in environment says: USERDNSDOMAIN is the DNS domain of the signed-in user's
 * AD account (set only when the sign-in named one), USERDOMAIN its NetBIOS name. The user's
 * domain is the first of the two that is a valid AD domain name.
 */
export function domainsFromEnvironment(env: HostEnvironment): {
  userDnsDomain?: string;
  userDomain?: string;
} {
  const userDnsDomain = dnsDomain(env.USERDNSDOMAIN);
  const userDomain = userDnsDomain ?? netbiosDomain(env.USERDOMAIN, env.COMPUTERNAME);
  return {
    ...(userDnsDomain === undefined ? {} : { userDnsDomain }),
    ...(userDomain === undefined ? {} : { userDomain }),
  };
}

/**
 * The computer's primary DNS suffix from `reg query ...\Tcpip\Parameters`: Domain (in effect),
 * else NV Domain (set for the next start). On a domain joined device it is the AD domain; it is
 * also the suffix of the Device Name dsregcmd prints, which the fallback reads.
 */
export function parseTcpipDomain(text: string): string | undefined {
  const key = parseRegistry(text).facts.keys.find((candidate) =>
    candidate.path.toUpperCase().endsWith('\\TCPIP\\PARAMETERS'),
  );
  const value = (name: string): string | undefined => {
    const data = key?.values.find((candidate) => candidate.name.toUpperCase() === name)?.data;
    return typeof data === 'string' ? dnsDomain(data) : undefined;
  };
  return value('DOMAIN') ?? value('NV DOMAIN');
}

export interface ReadInstantContextOptions {
  system32: string;
  runner?: CommandRunner;
  environment: HostEnvironment;
}

/**
 * The AD domains known before any probe runs, so nltest and the Entra Kerberos query need not
 * wait for dsregcmd and klist: the device's domain from the computer's primary DNS suffix, else
 * USERDNSDOMAIN (an Entra joined device has no suffix; the user's realm is the domain its DCs
 * serve, as the fallback's krbtgt realm); the user's domain from the environment. Every value
 * is a validated host name; anything else is left out. Never throws.
 */
export async function readInstantContext(options: ReadInstantContextOptions): Promise<ProbeContext> {
  const runner = options.runner ?? runCommand;
  const { userDnsDomain, userDomain } = domainsFromEnvironment(options.environment);
  let suffix: string | undefined;
  try {
    const result = await runner({
      file: resolveSystemExecutable(options.system32, 'reg.exe'),
      args: TCPIP_PARAMETERS_ARGS,
      // Domain names are ASCII, so the fallback page decodes them whatever the console's.
      codePage: FALLBACK_CODE_PAGE,
      timeoutMs: REGISTRY_TIMEOUT_MS,
    });
    suffix = result.error === null ? parseTcpipDomain(result.stdout) : undefined;
  } catch {
    suffix = undefined;
  }
  const domain = suffix ?? userDnsDomain;
  return {
    ...(domain === undefined ? {} : { domain }),
    ...(userDomain === undefined ? {} : { userDomain }),
  };
}
