// A UNC path typed by a person ends up in a process argument: accept only the plain
// \\host\share[\folder...] shape and refuse everything that could mean something else.

export type UncCheck =
  | { ok: true; path: string; host: string; share: string }
  | { ok: false; reason: string };

const MAX_LENGTH = 260;
// `$` stays allowed: hidden shares (\\fs01\c$, \\fs01\home$\alice) are everyday paths, and the
// path reaches PowerShell as a single-quoted literal, where `$` means nothing.
const FORBIDDEN_CHARACTERS = /["'`&|<>^%;!*?,=()[\]{}]/;
// Host: a DNS name, a NetBIOS name or an IPv4 address; no ports, no IPv6 literal forms.
const HOST = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,62})(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,62}))*$/;
// Share and folder names: printable, no characters Windows forbids in names.
// Control characters are refused before this is used.
const SEGMENT = /^[^\\/:*?"<>|]+$/;

export function validateUncPath(input: string): UncCheck {
  const path = input.trim();
  if (path === '') return { ok: false, reason: 'type a path such as \\\\server\\share' };
  if (path.length > MAX_LENGTH)
    return { ok: false, reason: `the path is longer than ${MAX_LENGTH} characters` };
  // biome-ignore lint/suspicious/noControlCharactersInRegex: refusing control characters is the point
  if (/[\x00-\x1f\x7f]/.test(path)) return { ok: false, reason: 'the path contains control characters' };
  if (/^[a-z][a-z0-9+.-]*:/i.test(path))
    return { ok: false, reason: 'a URL or drive path is not a share path: use \\\\server\\share' };
  if (path.includes('/')) return { ok: false, reason: 'use backslashes: \\\\server\\share' };
  if (/^\\\\[?.]\\/.test(path))
    return { ok: false, reason: 'device paths (\\\\?\\ and \\\\.\\) are not allowed' };
  if (!path.startsWith('\\\\'))
    return { ok: false, reason: 'a share path starts with two backslashes: \\\\server\\share' };
  if (FORBIDDEN_CHARACTERS.test(path)) {
    return {
      ok: false,
      reason:
        'the path contains a character that is not allowed (quotes, brackets or one of & | < > ^ % ; ! * ?)',
    };
  }
  const segments = path.slice(2).replace(/\\$/, '').split('\\');
  const [host, share, ...folders] = segments;
  if (!host || !share) return { ok: false, reason: 'name both the server and the share: \\\\server\\share' };
  if (!HOST.test(host)) return { ok: false, reason: `"${host}" is not a valid server name` };
  for (const segment of [share, ...folders]) {
    if (segment === '') return { ok: false, reason: 'the path has an empty folder name (double backslash)' };
    if (segment === '.' || segment === '..')
      return { ok: false, reason: '"." and ".." are not allowed in the path' };
    if (!SEGMENT.test(segment))
      return { ok: false, reason: `"${segment}" is not a valid share or folder name` };
    if (/^\s|\s$|\.$/.test(segment))
      return { ok: false, reason: `"${segment}" starts or ends with a space or dot` };
  }
  return { ok: true, path: `\\\\${[host, share, ...folders].join('\\')}`, host: host.toLowerCase(), share };
}
