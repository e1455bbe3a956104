// The privileged app:// scheme that serves the packaged renderer from the build folder inside the
// asar: only files under that folder, with their MIME types and the page's CSP as a header.

import { readFile as fsReadFile } from 'node:fs/promises';
import path from 'node:path';
import { protocol } from 'electron';
import { mimeTypeOf } from '../mime-types';
import { APP_HOST, APP_SCHEME } from './app-origin';
import { extractMetaCsp, FALLBACK_CSP } from './content-security-policy';
import { rendererFileOf } from './renderer-file-path';

/** Must run before the app is ready. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
}

/**
 * The file an app:// URL names inside `root`, or null when the URL is foreign or tries to leave
 * the folder (see rendererFileOf, shared with the browser preview).
 */
export function resolveAppFile(root: string, rawUrl: string): string | null {
  let url: URL;
  try {
    url = new URL(rawUrl);
  } catch {
    return null;
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST) return null;
  const prefix = `${APP_SCHEME}://${APP_HOST}`;
  if (rawUrl.slice(0, prefix.length).toLowerCase() !== prefix) return null;
  const rawPath = rawUrl.slice(prefix.length).split(/[?#]/)[0] ?? '';
  return rendererFileOf(root, rawPath, url.pathname);
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
