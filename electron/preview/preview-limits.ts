// How much the browser preview gives any one client: time to send a request, bytes in a body,
// connections at once. A slow or greedy client is cut off instead of holding the server.
import type { Server, ServerOptions } from 'node:http';
import { MAX_CAPTURE_BYTES } from '@contract/limits';

export interface PreviewLimits {
  /** Time from connecting to the end of the request headers (Node answers 408 after it). */
  headersMs: number;
  /** Time for a whole request, headers and body (Node answers 408 after it). */
  requestMs: number;
  /** Longest silence allowed inside a request body before it is cut with 408. */
  bodyIdleMs: number;
  /** Largest request body, refused with 413 as soon as it is exceeded. */
  maxBodyBytes: number;
  /** Body bytes held in memory at once over all requests; beyond it a request gets 503. */
  maxBufferedBodyBytes: number;
  /** An idle connection between two requests is closed after this. */
  keepAliveMs: number;
  /** A connection with no traffic at all while a request is served (a client not reading) is closed. */
  socketIdleMs: number;
  /** Connections at once; more are closed on arrival. */
  maxConnections: number;
  /** Size of the request line and headers together (Node answers 431 beyond it). */
  maxHeaderBytes: number;
  /** Headers read per request; the rest are ignored. */
  maxHeadersCount: number;
  /** Browser tabs remembered at once (each has what it opened); the least recently used goes first. */
  maxSessions: number;
}

/**
 * The largest legitimate body is a capture at its size limit sent as a JSON string: escaping
 * doubles at most each byte of a capture (`"`, `\` and line breaks), plus the file name around it.
 */
export const MAX_BODY_BYTES = 2 * MAX_CAPTURE_BYTES + 64 * 1024;

export const DEFAULT_PREVIEW_LIMITS: PreviewLimits = {
  headersMs: 5_000,
  // A 40 MB body crosses the loopback in well under a second; this leaves room for a busy machine.
  requestMs: 20_000,
  bodyIdleMs: 3_000,
  maxBodyBytes: MAX_BODY_BYTES,
  maxBufferedBodyBytes: 4 * MAX_BODY_BYTES,
  keepAliveMs: 5_000,
  socketIdleMs: 30_000,
  // A browser opens about six connections per host; this stays far below the usual 1024 open files.
  maxConnections: 256,
  maxHeaderBytes: 16 * 1024,
  maxHeadersCount: 64,
  maxSessions: 32,
};

/** The limits Node's HTTP server takes at creation. */
export function serverOptionsOf(limits: PreviewLimits): ServerOptions {
  return {
    headersTimeout: limits.headersMs,
    requestTimeout: limits.requestMs,
    keepAliveTimeout: limits.keepAliveMs,
    maxHeaderSize: limits.maxHeaderBytes,
    // Node checks the two deadlines on this interval (30 s by default), so it bounds how late a cut comes.
    connectionsCheckingInterval: Math.max(100, Math.min(1_000, Math.floor(limits.headersMs / 4))),
  };
}

/** The limits Node's HTTP server takes as properties. */
export function applyServerLimits(server: Server, limits: PreviewLimits): void {
  server.maxConnections = limits.maxConnections;
  server.maxHeadersCount = limits.maxHeadersCount;
}
