// The privileged app:// scheme that serves the packaged renderer from the build folder inside the
// asar: only files under that folder, with their MIME types and the page's CSP as a header.

import { readFile as fsReadFile } from 'node:fs/promises';
import path from 'node:path';
import { protocol } from 'electron';
import { mimeTypeOf } from '../mime-types';
import { APP_HOST, APP_SCHEME } from './app-origin';
import { extractMetaCsp, FALLBACK_CSP } from './content-security-policy';

/** Must run before the app is ready. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
}

// Plain names only: no dot segments, separators, drive letters, NULs or Windows device names.
const SAFE_SEGMENT = /^[A-Za-z0-9_@~+-][A-Za-z0-9._@~+-]*$/;
const WINDOWS_DEVICE = /^(con|prn|aux|nul|com\d|lpt\d|conin\$|conout\$)(\..*)?$/i;

/**
 * The file an app:// URL names inside `root`, or null when the URL is foreign or tries to leave
 * the folder (including through percent-encoded dots or separators).
 */
export function resolveAppFile(root: string, rawUrl: string): string | null {
  let url: URL;
  try {
    url = new URL(rawUrl);
  } catch {
    return null;
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST) return null;
  // Judge the raw path too: a URL parser has already removed plain `..` segments, so seeing one
  // here means someone tried; refuse instead of serving whatever it collapsed to.
  const prefix = `${APP_SCHEME}://${APP_HOST}`;
  if (rawUrl.slice(0, prefix.length).toLowerCase() !== prefix) return null;
  const rawPath = rawUrl.slice(prefix.length).split(/[?#]/)[0] ?? '';
  const decodeSegments = (pathname: string): string[] | null => {
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
  };
  if (decodeSegments(rawPath) === null) return null;
  const segments = decodeSegments(url.pathname);
  if (segments === null) return null;
  if (segments.some((segment) => !SAFE_SEGMENT.test(segment) || WINDOWS_DEVICE.test(segment))) return null;
  if (segments.length === 0) segments.push('index.html');
  const base = path.resolve(root);
  const file = path.resolve(base, ...segments);
  const relative = path.relative(base, file);
  if (relative === '' || relative.startsWith('..') || path.isAbsolute(relative)) return null;
  return file;
}

export interface AppProtocolOptions {
  /** The renderer build folder. */
  root: string;
  readFile?: (file: string) => Promise<Uint8Array>;
}

/** What protocol.handle passes (only the parts used here). */
export interface AppRequest {
  url: string;
  method: string;
}

const plain = (status: number, text: string) =>
  new Response(text, {
    status,
    headers: { 'content-type': 'text/plain; charset=utf-8', 'x-content-type-options': 'nosniff' },
  });

export function createAppProtocolHandler(
  options: AppProtocolOptions,
): (request: AppRequest) => Promise<Response> {
  const read = options.readFile ?? ((file: string) => fsReadFile(file));
  let csp: Promise<string> | null = null;
  const policy = () => {
    csp ??= read(path.join(options.root, 'index.html')).then(
      (bytes) => extractMetaCsp(new TextDecoder().decode(bytes)) ?? FALLBACK_CSP,
      () => FALLBACK_CSP,
    );
    return csp;
  };

  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return plain(405, 'method not allowed');
    const file = resolveAppFile(options.root, request.url);
    if (file === null) return plain(404, 'not found');
    let body: Uint8Array;
    try {
      body = await read(file);
    } catch {
      return plain(404, 'not found');
    }
    return new Response(request.method === 'HEAD' ? null : new Uint8Array(body), {
      status: 200,
      headers: {
        'content-type': mimeTypeOf(file),
        'content-security-policy': await policy(),
        'x-content-type-options': 'nosniff',
        'cache-control': 'no-store',
      },
    });
  };
}

/** Must run after the app is ready. */
export function installAppProtocol(root: string): void {
  protocol.handle(APP_SCHEME, createAppProtocolHandler({ root }));
}
