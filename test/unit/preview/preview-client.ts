// Clients for the preview server's tests: a raw socket that says exactly what a test makes it say
// (and notices being cut off), plain HTTP requests, and a server on a free port over a tiny build.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { request as httpRequest } from 'node:http';
import { connect, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { PreviewLimits } from '../../../electron/preview/preview-limits';
import {
  type PreviewOptions,
  type PreviewServer,
  startPreviewServer,
} from '../../../electron/preview/preview-server';

const INDEX_HTML = `<!doctype html><html><head>
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'self'">
<script type="module" src="./assets/app.js"></script></head><body></body></html>`;

export interface TestServer extends PreviewServer {
  host: string;
  stop: () => Promise<void>;
}

/** The preview over a two-file build in a temporary folder, on a free port of 127.0.0.1. */
export async function startTestServer(
  limits: Partial<PreviewLimits> = {},
  options: Pick<PreviewOptions, 'createHandlers'> = {},
): Promise<TestServer> {
  const rendererDir = await mkdtemp(path.join(tmpdir(), 'preview-test-'));
  await mkdir(path.join(rendererDir, 'assets'));
  await writeFile(path.join(rendererDir, 'index.html'), INDEX_HTML);
  await writeFile(path.join(rendererDir, 'assets', 'app.js'), 'export {};\n');
  const preview = await startPreviewServer({ port: 0, rendererDir, limits, ...options });
  return {
    ...preview,
    host: `127.0.0.1:${preview.port}`,
    stop: async () => {
      await preview.close();
      await rm(rendererDir, { recursive: true, force: true });
    },
  };
}

export interface RawConnection {
  socket: Socket;
  /** Everything the server sent so far. */
  received: () => string;
  /** Resolves with the milliseconds from connecting to the server closing the connection. */
  closed: Promise<number>;
  isClosed: () => boolean;
  /** Waits ms, or less when the connection closes first. */
  pause: (ms: number) => Promise<void>;
  /** Waits until the head of an answer has arrived (or the connection closed, or maxMs passed). */
  answered: (maxMs: number) => Promise<void>;
}

export async function connectRaw(port: number): Promise<RawConnection> {
  const socket = connect(port, '127.0.0.1');
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', resolve);
    socket.once('error', reject);
  });
  const start = performance.now();
  let received = '';
  let isClosed = false;
  socket.setEncoding('latin1');
  socket.on('data', (chunk: string) => {
    received += chunk;
  });
  // Being cut off mid-write is what these tests provoke; the close below records it.
  socket.on('error', () => {});
  const closed = new Promise<number>((resolve) => {
    socket.once('close', () => {
      isClosed = true;
      resolve(performance.now() - start);
    });
  });
  const pause = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, ms);
      void closed.then(() => {
        clearTimeout(timer);
        resolve();
      });
    });
  return {
    socket,
    received: () => received,
    closed,
    isClosed: () => isClosed,
    pause,
    answered: async (maxMs) => {
      const until = performance.now() + maxMs;
      while (!received.includes('\r\n\r\n') && !isClosed && performance.now() < until) await pause(20);
    },
  };
}

/** Writes a chunk and waits until the socket takes more (or closes). */
export function writeWithBackpressure(connection: RawConnection, chunk: string | Buffer): Promise<void> {
  if (connection.isClosed()) return Promise.resolve();
  if (connection.socket.write(chunk)) return Promise.resolve();
  return new Promise((resolve) => {
    connection.socket.once('drain', resolve);
    void connection.closed.then(() => resolve());
  });
}

export interface HttpAnswer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** One request on a connection of its own, with full control of the headers. */
export function send(
  port: number,
  options: { method?: string; path: string; headers?: Record<string, string>; body?: string | Buffer },
): Promise<HttpAnswer> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      {
        host: '127.0.0.1',
        port,
        method: options.method ?? 'GET',
        path: options.path,
        headers: { Host: `127.0.0.1:${port}`, ...options.headers },
        agent: false,
      },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => {
          body += chunk;
        });
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

/** An API call the way the renderer makes it. */
export function callApi(port: number, method: string, args: unknown, session = 'test'): Promise<HttpAnswer> {
  return send(port, {
    method: 'POST',
    path: `/api/${method}`,
    headers: { 'Content-Type': 'application/json', 'X-Doctor-Session': session },
    body: JSON.stringify(args),
  });
}

/** The start of a raw API request whose body the test then writes itself. */
export function apiRequestHead(host: string, headers: Record<string, string>): string {
  const lines = [
    'POST /api/getAppInfo HTTP/1.1',
    `Host: ${host}`,
    'Content-Type: application/json',
    ...Object.entries(headers).map(([name, value]) => `${name}: ${value}`),
  ];
  return `${lines.join('\r\n')}\r\n\r\n`;
}
