// The browser preview: serves the built renderer and answers its API calls over HTTP with the
// same handler table as the desktop app (electron/api.ts), replay only — it never runs a live
// command. Plain node:http, bound to 127.0.0.1, for people without Electron and for the e2e tests.
//
//   npx tsx electron/preview-server.ts [--port N]     (env PORT; default 5178; 0 = any free port)

import { readFile, stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createApiHandlers, dispatch } from './api';
import { mimeTypeOf } from './mime-types';

export const DEFAULT_PREVIEW_PORT = 5178;
/** Captures are limited to 20 MB; the JSON around them adds a little. */
export const MAX_BODY_BYTES = 25 * 1024 * 1024;
/** Each browser tab has its own session (what is open); old ones are dropped beyond this. */
const MAX_SESSIONS = 32;

const REPO_ROOT = fileURLToPath(new URL('..', import.meta.url));
export const RENDERER_DIR = path.join(REPO_ROOT, '.vite', 'renderer', 'main_window');

export interface PreviewServer {
  server: Server;
  port: number;
  url: string;
  close: () => Promise<void>;
}

/** The policy in the built index.html's CSP meta tag: one source of truth for the app and the preview. */
export function cspOfIndexHtml(html: string): string | null {
  const meta = /<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]+)"/i.exec(html);
  return meta?.[1]?.replace(/\s+/g, ' ').trim() ?? null;
}

function newHandlers() {
  return createApiHandlers({ mode: 'preview', allowLive: false });
}

type Handlers = ReturnType<typeof newHandlers>;

export async function startPreviewServer(
  options: { port?: number; rendererDir?: string } = {},
): Promise<PreviewServer> {
  const rendererDir = path.resolve(options.rendererDir ?? RENDERER_DIR);
  let indexHtml: string;
  try {
    indexHtml = await readFile(path.join(rendererDir, 'index.html'), 'utf8');
  } catch {
    throw new Error(`no built renderer in ${rendererDir}: run \`npm run build:renderer\` first`);
  }
  const csp = cspOfIndexHtml(indexHtml);
  if (!csp) throw new Error(`${rendererDir}/index.html has no Content-Security-Policy meta tag`);

  const sessions = new Map<string, Handlers>();
  const sessionFor = (request: IncomingMessage): Handlers => {
    const header = request.headers['x-doctor-session'];
    const id = typeof header === 'string' && /^[A-Za-z0-9-]{1,64}$/.test(header) ? header : 'default';
    let handlers = sessions.get(id);
    if (handlers) {
      sessions.delete(id); // re-insert: the Map's order is least recently used first
    } else {
      handlers = newHandlers();
      if (sessions.size >= MAX_SESSIONS) sessions.delete(sessions.keys().next().value as string);
    }
    sessions.set(id, handlers);
    return handlers;
  };

  let port = 0;
  const server = createServer((request, response) => {
    for (const [name, value] of Object.entries(securityHeaders(csp))) response.setHeader(name, value);
    handle(request, response).catch((error: unknown) => {
      if (!response.headersSent) {
        sendJson(response, 500, { ok: false, error: 'internal', message: errorMessage(error) });
      } else response.destroy();
    });
  });

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    // DNS rebinding: a page on another site that resolves its name to 127.0.0.1 still sends its own Host.
    const allowedHosts = [`127.0.0.1:${port}`, `localhost:${port}`];
    if (!allowedHosts.includes(request.headers.host ?? '')) {
      sendText(response, 403, 'Forbidden: unexpected Host header');
      return;
    }
    const url = new URL(request.url ?? '/', `http://127.0.0.1:${port}`);
    if (url.pathname.startsWith('/api/')) {
      await handleApi(request, response, url.pathname.slice('/api/'.length), allowedHosts);
      return;
    }
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.setHeader('Allow', 'GET, HEAD');
      sendText(response, 405, 'Method not allowed');
      return;
    }
    await serveStatic(request, response, url.pathname);
  }

  async function handleApi(
    request: IncomingMessage,
    response: ServerResponse,
    method: string,
    allowedHosts: string[],
  ): Promise<void> {
    if (request.method !== 'POST') {
      response.setHeader('Allow', 'POST');
      sendJson(response, 405, { ok: false, error: 'method-not-allowed', message: 'use POST' });
      return;
    }
    // Another site's page can send simple cross-origin POSTs; only our own pages may call the API.
    const origin = request.headers.origin;
    const fetchSite = request.headers['sec-fetch-site'];
    if (
      (origin !== undefined && !allowedHosts.some((host) => origin === `http://${host}`)) ||
      fetchSite === 'cross-site'
    ) {
      sendJson(response, 403, {
        ok: false,
        error: 'forbidden',
        message: 'cross-origin requests are refused',
      });
      return;
    }
    const mediaType = (request.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase();
    if (mediaType !== 'application/json') {
      sendJson(response, 415, {
        ok: false,
        error: 'unsupported-media-type',
        message: 'send the arguments as application/json',
      });
      return;
    }
    const body = await readBody(request, MAX_BODY_BYTES);
    if (body === null) {
      response.setHeader('Connection', 'close');
      sendJson(response, 413, {
        ok: false,
        error: 'too-large',
        message: `request body over ${MAX_BODY_BYTES / 1024 / 1024} MB`,
      });
      response.on('finish', () => request.destroy());
      return;
    }
    let args: unknown;
    try {
      args = JSON.parse(body);
    } catch {
      sendJson(response, 400, { ok: false, error: 'invalid-json', message: 'the request body is not JSON' });
      return;
    }
    const result = await dispatch(sessionFor(request), method, args);
    const status = result.ok ? 200 : result.error === 'unknown-method' ? 404 : 400;
    sendJson(response, status, result);
  }

  async function serveStatic(request: IncomingMessage, response: ServerResponse, pathname: string) {
    let decoded: string;
    try {
      decoded = decodeURIComponent(pathname);
    } catch {
      sendText(response, 400, 'Bad request');
      return;
    }
    if (decoded.includes('\0') || decoded.includes('\\')) {
      sendText(response, 400, 'Bad request');
      return;
    }
    const relative = decoded === '/' ? 'index.html' : decoded.replace(/^\/+/, '');
    const file = path.resolve(rendererDir, relative);
    const inside = path.relative(rendererDir, file);
    if (inside === '' || inside.startsWith('..') || path.isAbsolute(inside)) {
      sendText(response, 404, 'Not found');
      return;
    }
    const info = await stat(file).catch(() => null);
    if (!info?.isFile()) {
      sendText(response, 404, 'Not found');
      return;
    }
    const content = await readFile(file);
    response.writeHead(200, {
      'Content-Type': mimeTypeOf(file),
      'Content-Length': content.length,
    });
    response.end(request.method === 'HEAD' ? undefined : content);
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? DEFAULT_PREVIEW_PORT, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  port = (server.address() as AddressInfo).port;
  return {
    server,
    port,
    url: `http://127.0.0.1:${port}/`,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function securityHeaders(csp: string): Record<string, string> {
  return {
    // frame-ancestors works only as a header, so the header adds it to the index.html policy.
    'Content-Security-Policy': `${csp}; frame-ancestors 'none'`,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cross-Origin-Resource-Policy': 'same-origin',
    'Cache-Control': 'no-store',
  };
}

/** The body as text, or null when it is larger than the limit (reading stops there). */
async function readBody(request: IncomingMessage, limit: number): Promise<string | null> {
  const declared = Number(request.headers['content-length']);
  if (Number.isFinite(declared) && declared > limit) return null;
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limit) return null;
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function sendJson(response: ServerResponse, status: number, value: unknown): void {
  const body = JSON.stringify(value);
  response.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(body),
  });
  response.end(body);
}

function sendText(response: ServerResponse, status: number, text: string): void {
  response.writeHead(status, {
    'Content-Type': 'text/plain; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
  });
  response.end(text);
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** --port N / --port=N, else env PORT, else the default. Null when the value is not a port. */
export function portFromArgs(argv: readonly string[], env: NodeJS.ProcessEnv): number | null {
  let raw: string | undefined;
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i] as string;
    if (arg === '--port') raw = argv[i + 1];
    else if (arg.startsWith('--port=')) raw = arg.slice('--port='.length);
  }
  raw ??= env.PORT ?? String(DEFAULT_PREVIEW_PORT);
  if (!/^\d{1,5}$/.test(raw)) return null;
  const port = Number(raw);
  return port <= 65535 ? port : null;
}

async function main(): Promise<void> {
  const port = portFromArgs(process.argv.slice(2), process.env);
  if (port === null) {
    console.error('preview: --port (or PORT) must be a number from 0 to 65535');
    process.exit(2);
  }
  let preview: PreviewServer;
  try {
    preview = await startPreviewServer({ port });
  } catch (error) {
    console.error(`preview: ${errorMessage(error)}`);
    process.exit(2);
  }
  console.log(`WHfB Doctor preview: ${preview.url}`);
  const stop = () => void preview.close().then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  void main();
}
