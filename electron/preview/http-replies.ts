// How the browser preview answers: its security headers, JSON and text replies.
import type { IncomingMessage, ServerResponse } from 'node:http';

export function securityHeaders(csp: string): Record<string, string> {
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

/**
 * A body still arriving when the answer goes out would otherwise be read to its end to keep the
 * connection: closing it instead means a trickled or oversized body is never waited for.
 */
export function closeIfBodyUnread(request: IncomingMessage, response: ServerResponse): void {
  const hasBody =
    request.headers['transfer-encoding'] !== undefined || Number(request.headers['content-length'] ?? 0) > 0;
  if (hasBody && !request.complete) response.setHeader('Connection', 'close');
}

export function sendJson(response: ServerResponse, status: number, value: unknown): void {
  closeIfBodyUnread(response.req, response);
  const body = JSON.stringify(value);
  response.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(body),
  });
  response.end(body);
}

export function sendText(response: ServerResponse, status: number, text: string): void {
  closeIfBodyUnread(response.req, response);
  response.writeHead(status, {
    'Content-Type': 'text/plain; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
  });
  response.end(text);
}
