import type { Parsed, Sourced } from '@contract/types';
import { PARSE_BUDGETS, parseWithin } from './parse-budget';
import { parseRegistry, type RegistryKey, type RegistryValue } from './parse-registry';

/** What kind of credential the sign-in screen last used, from its credential provider's CLSID. */
export type LogonProviderKind = 'pin' | 'biometric' | 'password' | 'smart-card' | 'fido2' | 'other';

/**
 * Facts from `reg query HKLM\SOFTWARE\Microsoft\Windows\CurrentVersion\Authentication\LogonUI`.
 *
 * These values are machine-wide: LogonUI writes them for the last sign-in or unlock made at this
 * device's sign-in screen, possibly by another user, and not for a session started any other way
 * (Run as, RDP with supplied credentials). They are an inference signal about how the user signed
 * in, never proof of it.
 */
export interface LogonProviderFacts {
  /** `LastLoggedOnProvider`: the credential provider's CLSID as printed, e.g. "{D6886603-9D2F-4EB2-B667-1971041FA96B}". */
  lastProvider?: Sourced<string>;
  /** What that CLSID is; 'other' for any provider not in the table (web sign-in, third-party ones). */
  kind?: LogonProviderKind;
  /** `LastLoggedOnUser`, e.g. "CONTOSO\\alice" or "AzureAD\\AliceSmith". */
  lastUser?: Sourced<string>;
  /** `LastLoggedOnSAMUser`. */
  lastSamUser?: Sourced<string>;
  /** `LastLoggedOnUserSID`. */
  lastUserSid?: Sourced<string>;
}

// Credential provider CLSIDs, upper case without braces. Sources:
// - credentialprovider.h (Windows SDK 8+): PasswordCredentialProvider 60b78e88-..., SmartcardCredentialProvider
//   8FD7E19C-..., SmartcardPinProvider 94596c7e-..., SmartcardReaderSelectionProvider 1b283861-...,
//   SmartcardWinRTProvider 1ee7337f-..., WinBioCredentialProvider BEC09223-..., and the Windows 7 (V1)
//   password, smart card and WinBio providers 6f45dc1e-..., 8bf9a910-..., AC3AC249-...
// - Microsoft Learn, Windows Hello for Business multifactor unlock: PIN D6886603-..., Fingerprint BEC09223-...,
//   Facial Recognition 8AF662BF-... (the NGC credential provider is the Hello PIN).
// - FIDO F8A1793B-...: named "FIDO Credential Provider" by the providers' registry names that scripts and
//   Windows' own code compare LastLoggedOnProvider with; not in a Microsoft document found here.
// - Iris C885AA15-... ("IrisCredentialProvider"): community lists only, kept because it is a Hello gesture.
// Left out on purpose: cb82ea12-... PINLogonCredentialProvider is the old Windows 8 convenience PIN, not Hello
// ('other'); 2D8B3101-E025-480D-917C-835522C7F628, which one list also calls a FIDO provider, could not be
// confirmed and reads as 'other'.
const PROVIDER_KINDS = new Map<string, LogonProviderKind>([
  ['D6886603-9D2F-4EB2-B667-1971041FA96B', 'pin'],
  ['BEC09223-B018-416D-A0AC-523971B639F5', 'biometric'],
  ['AC3AC249-E820-4343-A65B-377AC634DC09', 'biometric'],
  ['8AF662BF-65A0-4D0A-A540-A338A999D36F', 'biometric'],
  ['C885AA15-1764-4293-B82A-0586ADD46B35', 'biometric'],
  ['60B78E88-EAD8-445C-9CFD-0B87F74EA6CD', 'password'],
  ['6F45DC1E-5384-457A-BC13-2CD81B0D28ED', 'password'],
  ['8FD7E19C-3BF7-489B-A72C-846AB3678C96', 'smart-card'],
  ['8BF9A910-A8FF-457F-999F-A5CA10B4A885', 'smart-card'],
  ['94596C7E-3744-41CE-893E-BBF09122F76A', 'smart-card'],
  ['1B283861-754F-4022-AD47-A5EAAA618894', 'smart-card'],
  ['1EE7337F-85AC-45E2-A23C-37C753209769', 'smart-card'],
  ['F8A1793B-7873-4046-B2A7-1F318747F427', 'fido2'],
]);

const LOGONUI_KEY = '\\authentication\\logonui';

/** The kind of a credential provider CLSID, compared case-insensitively, with or without braces. */
export function logonProviderKind(clsid: string): LogonProviderKind {
  // Braces stripped with string methods: /\s*\}$/ is quadratic on a long run of spaces.
  let bare = clsid.trim();
  if (bare.startsWith('{')) bare = bare.slice(1).trimStart();
  if (bare.endsWith('}')) bare = bare.slice(0, -1).trimEnd();
  return PROVIDER_KINDS.get(bare.toUpperCase()) ?? 'other';
}

export function parseLogonProvider(text: string): Parsed<LogonProviderFacts> {
  return parseWithin(
    PARSE_BUDGETS.logonProvider,
    'the LogonUI registry output',
    text,
    () => ({}),
    readLogonProvider,
  );
}

function readLogonProvider(text: string): Parsed<LogonProviderFacts> {
  const registry = parseRegistry(text);
  if (!registry.recognized) return { facts: {}, recognized: false, problems: registry.problems };
  const facts: LogonProviderFacts = {};
  const values = logonUiValues(registry.facts.keys);
  const provider = stringValue(values, 'LastLoggedOnProvider');
  if (provider) {
    facts.lastProvider = provider;
    facts.kind = logonProviderKind(provider.value);
  }
  const user = stringValue(values, 'LastLoggedOnUser');
  if (user) facts.lastUser = user;
  const samUser = stringValue(values, 'LastLoggedOnSAMUser');
  if (samUser) facts.lastSamUser = samUser;
  const sid = stringValue(values, 'LastLoggedOnUserSID');
  if (sid) facts.lastUserSid = sid;
  const problems = provider ? [] : ['no LastLoggedOnProvider value in the LogonUI key'];
  return { facts, recognized: true, problems };
}

/**
 * Values of the LogonUI key itself (or of values pasted without their key line). Its subkeys
 * (UserTile maps SIDs to providers, with /s) must not stand in for the last sign-in.
 */
function logonUiValues(keys: RegistryKey[]): RegistryValue[] {
  const own = keys.filter((key) => key.path === '' || key.path.toLowerCase().endsWith(LOGONUI_KEY));
  return own.flatMap((key) => key.values);
}

function stringValue(values: RegistryValue[], name: string): Sourced<string> | undefined {
  const wanted = name.toLowerCase();
  const found = values.find((value) => value.name.toLowerCase() === wanted && typeof value.data === 'string');
  if (found === undefined || typeof found.data !== 'string' || found.data === '') return undefined;
  return { value: found.data, line: found.line };
}
