// The browser preview: serves the built renderer and answers its API calls over HTTP with the
// same handler table as the desktop app (electron/api/), replay only — it never runs a live
// command. Plain node:http, bound to 127.0.0.1, for people without Electron and for the e2e tests.
// What one client may take (time, bytes, connections) is in preview-limits.ts. The file guard and
// the CSP reader are the desktop app's own (electron/main/), which import nothing from Electron.
//
//   npx tsx electron/preview/preview-server.ts [--port N]     (env PORT; default 5178; 0 = any free port)

import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { type ApiHandlers, failure } from '../api/dispatch';
import { extractMetaCsp } from '../main/content-security-policy';
import { type ApiRoute, createApiRoute } from './api-route';
import { createByteBudget } from './byte-budget';
import { securityHeaders, sendJson, sendText } from './http-replies';
import {
  applyServerLimits,
  DEFAULT_PREVIEW_LIMITS,
  type PreviewLimits,
  serverOptionsOf,
} from './preview-limits';
import { serveStatic } from './static-files';

export const DEFAULT_PREVIEW_PORT = 5178;

const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const RENDERER_DIR = path.join(REPO_ROOT, '.vite', 'renderer', 'main_window');

export interface PreviewServer {
  server: Server;
  port: number;
  url: string;
  close: () => Promise<void>;
}

export interface PreviewOptions {
  port?: number;
  rendererDir?: string;
  limits?: Partial<PreviewLimits>;
  /** A tab's handler table (default: the shared one, replay only); tests pass their own. */
  createHandlers?: () => ApiHandlers;
}

/** The policy of the built index.html's CSP meta tag: the preview refuses to serve a page without one. */
async function readPolicy(rendererDir: string): Promise<string> {
  let indexHtml: string;
  try {
    indexHtml = await readFile(path.join(rendererDir, 'index.html'), 'utf8');
  } catch {
    throw new Error(`no built renderer in ${rendererDir}: run \`npm run build:renderer\` first`);
  }
  const csp = extractMetaCsp(indexHtml);
  if (!csp) throw new Error(`${rendererDir}/index.html has no Content-Security-Policy meta tag`);
  return csp;
}

export async function startPreviewServer(options: PreviewOptions = {}): Promise<PreviewServer> {
  const rendererDir = path.resolve(options.rendererDir ?? RENDERER_DIR);
  const csp = await readPolicy(rendererDir);
  const limits: PreviewLimits = { ...DEFAULT_PREVIEW_LIMITS, ...options.limits };
  let port = 0;
  const handleApi = createApiRoute(
    limits,
    createByteBudget(limits.maxBufferedBodyBytes),
    options.createHandlers,
  );
  const handle = createRequestHandler(rendererDir, handleApi, () => port);
  const server = createServer(serverOptionsOf(limits), (request, response) => {
    // Node clears a connection's idle timer when a kept-alive connection starts its next request.
    response.setTimeout(limits.socketIdleMs);
    for (const [name, value] of Object.entries(securityHeaders(csp))) response.setHeader(name, value);
    handle(request, response).catch((error: unknown) => {
      if (!response.headersSent) sendJson(response, 500, failure('internal', errorMessage(error)));
      else response.destroy();
    });
  });
  applyServerLimits(server, limits);
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

/** Host check first (pages and API alike), then the API under /api/, else the build's files. */
function createRequestHandler(
  rendererDir: string,
  handleApi: ApiRoute,
  portOf: () => number,
): (request: IncomingMessage, response: ServerResponse) => Promise<void> {
  return async (request, response) => {
    const port = portOf();
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
    // The path as sent, beside the parsed one: a `..` the parser collapsed is refused, not followed.
    const rawPath = (request.url ?? '/').split(/[?#]/)[0] ?? '/';
    await serveStatic(rendererDir, request, response, rawPath, url.pathname);
  };
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** --port N / --port=N (node:util's parser, as the CLI uses), else env PORT, else the default. */
export function portFromArgs(argv: readonly string[], env: NodeJS.ProcessEnv): number | null {
  let raw: string | undefined;
  try {
    raw = parseArgs({ args: [...argv], options: { port: { type: 'string' } }, strict: true }).values.port;
  } catch {
    return null;
  }
  raw ??= env.PORT ?? String(DEFAULT_PREVIEW_PORT);
  if (!/^\d{1,5}$/.test(raw)) return null;
  const port = Number(raw);
  return port <= 65535 ? port : null;
}

async function main(): Promise<void> {
  const port = portFromArgs(process.argv.slice(2), process.env);
  if (port === null) {
    console.error('preview: the only option is --port N (or env PORT), a number from 0 to 65535');
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
