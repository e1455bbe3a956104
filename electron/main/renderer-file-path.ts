// Which file of the renderer's build folder a URL path names: the one guard for the app://
// protocol (desktop) and the browser preview's static files. No Electron import: the preview
// runs in plain Node.

import path from 'node:path';

// Plain names only: no dot segments, separators, drive letters, NULs or Windows device names.
const SAFE_SEGMENT = /^[A-Za-z0-9_@~+-][A-Za-z0-9._@~+-]*$/;
const WINDOWS_DEVICE = /^(con|prn|aux|nul|com\d|lpt\d|conin\$|conout\$)(\..*)?$/i;

/** The path's segments percent-decoded, or null when one hides a separator, a NUL or a dot segment. */
function decodeSegments(pathname: string): string[] | null {
  const decoded: string[] = [];
  for (const segment of pathname.split('/')) {
    let name: string;
    try {
      name = decodeURIComponent(segment);
    } catch {
      return null;
    }
    // Encoded separators, NULs and dot segments are never part of a Vite build's file names.
    if (/[/\\\0]/.test(name) || name === '.' || name === '..') return null;
    if (name !== '') decoded.push(name);
  }
  return decoded;
}

/**
 * The file inside `root` that a URL path names ("/" is index.html), or null when the path tries
 * to leave the folder, including through percent-encoded dots or separators. `rawPath` is the
 * path as the client sent it (before a URL parser collapsed any `..`): seeing one there means
 * someone tried, so the request is refused instead of serving whatever it collapsed to.
 */
export function rendererFileOf(root: string, rawPath: string, parsedPath: string = rawPath): string | null {
  if (decodeSegments(rawPath) === null) return null;
  const segments = decodeSegments(parsedPath);
  if (segments === null) return null;
  if (segments.some((segment) => !SAFE_SEGMENT.test(segment) || WINDOWS_DEVICE.test(segment))) return null;
  if (segments.length === 0) segments.push('index.html');
  const base = path.resolve(root);
  const file = path.resolve(base, ...segments);
  const relative = path.relative(base, file);
  if (relative === '' || relative.startsWith('..') || path.isAbsolute(relative)) return null;
  return file;
}
