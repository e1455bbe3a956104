// The browser preview: serves the built renderer and answers its API calls over HTTP with the
// same handler table as the desktop app (electron/api.ts), replay only — it never runs a live
// command. Plain node:http, bound to 127.0.0.1, for people without Electron and for the e2e tests.
// What one client may take (time, bytes, connections) is in preview/preview-limits.ts.
//
//   npx tsx electron/preview-server.ts [--port N]     (env PORT; default 5178; 0 = any free port)

import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createApiRoute } from './preview/api-route';
import { createByteBudget } from './preview/byte-budget';
import { securityHeaders, sendJson, sendText } from './preview/http-replies';
import {
  applyServerLimits,
  DEFAULT_PREVIEW_LIMITS,
  type PreviewLimits,
  serverOptionsOf,
} from './preview/preview-limits';
import { serveStatic } from './preview/static-files';

export const DEFAULT_PREVIEW_PORT = 5178;

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

export async function startPreviewServer(
  options: { port?: number; rendererDir?: string; limits?: Partial<PreviewLimits> } = {},
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

  const limits: PreviewLimits = { ...DEFAULT_PREVIEW_LIMITS, ...options.limits };
  const handleApi = createApiRoute(limits, createByteBudget(limits.maxBufferedBodyBytes));

  let port = 0;
  const server = createServer(serverOptionsOf(limits), (request, response) => {
    // Node clears a connection's idle timer when a kept-alive connection starts its next request.
    response.setTimeout(limits.socketIdleMs);
    for (const [name, value] of Object.entries(securityHeaders(csp))) response.setHeader(name, value);
    handle(request, response).catch((error: unknown) => {
      if (!response.headersSent) {
        sendJson(response, 500, { ok: false, error: 'internal', message: errorMessage(error) });
      } else response.destroy();
    });
  });
  applyServerLimits(server, limits);

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
    await serveStatic(rendererDir, request, response, url.pathname);
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
