// The built renderer's files, and nothing outside its folder. Streamed, so a client that reads
// slowly holds a small buffer rather than a whole file.
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { mimeTypeOf } from '../mime-types';
import { sendText } from './http-replies';

/** The file a URL path names inside the folder; 400 for a malformed path, 404 for one that leads out. */
export function fileOfPath(rendererDir: string, pathname: string): { file: string } | { status: 400 | 404 } {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return { status: 400 };
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return { status: 400 };
  const relative = decoded === '/' ? 'index.html' : decoded.replace(/^\/+/, '');
  const file = path.resolve(rendererDir, relative);
  const inside = path.relative(rendererDir, file);
  if (inside === '' || inside.startsWith('..') || path.isAbsolute(inside)) return { status: 404 };
  return { file };
}

export async function serveStatic(
  rendererDir: string,
  request: IncomingMessage,
  response: ServerResponse,
  pathname: string,
): Promise<void> {
  const found = fileOfPath(rendererDir, pathname);
  if ('status' in found) {
    sendText(response, found.status, found.status === 400 ? 'Bad request' : 'Not found');
    return;
  }
  const { file } = found;
  const info = await stat(file).catch(() => null);
  if (!info?.isFile()) {
    sendText(response, 404, 'Not found');
    return;
  }
  response.writeHead(200, { 'Content-Type': mimeTypeOf(file), 'Content-Length': info.size });
  if (request.method === 'HEAD') {
    response.end();
    return;
  }
  // A client that leaves mid-file ends the pipeline with an error: nothing more to send it.
  await pipeline(createReadStream(file), response).catch(() => response.destroy());
}
