// The built renderer's files, and nothing outside its folder (the app:// protocol's own guard,
// rendererFileOf). Streamed, so a client that reads slowly holds a small buffer rather than a whole file.
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { pipeline } from 'node:stream/promises';
import { rendererFileOf } from '../main/renderer-file-path';
import { mimeTypeOf } from '../mime-types';
import { sendText } from './http-replies';

export async function serveStatic(
  rendererDir: string,
  request: IncomingMessage,
  response: ServerResponse,
  rawPath: string,
  parsedPath: string,
): Promise<void> {
  const file = rendererFileOf(rendererDir, rawPath, parsedPath);
  if (file === null) {
    sendText(response, 404, 'Not found');
    return;
  }
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
