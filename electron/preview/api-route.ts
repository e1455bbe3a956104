// POST /api/<method>: the same handler table as Electron's IPC, for the preview's own pages only,
// with the body read under the preview's limits.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createApiHandlers, dispatch } from '../api';
import type { ByteBudget } from './byte-budget';
import { sendJson } from './http-replies';
import type { PreviewLimits } from './preview-limits';
import { type BodyResult, readBody } from './read-body';
import { createSessionStore } from './session-store';

type Refusal = Exclude<BodyResult, { ok: true }>['reason'];

const REFUSALS: Record<Exclude<Refusal, 'aborted'>, { status: number; error: string }> = {
  'too-large': { status: 413, error: 'too-large' },
  'too-slow': { status: 408, error: 'timeout' },
  busy: { status: 503, error: 'busy' },
};

export type ApiRoute = (
  request: IncomingMessage,
  response: ServerResponse,
  method: string,
  allowedHosts: readonly string[],
) => Promise<void>;

export function createApiRoute(limits: PreviewLimits, budget: ByteBudget): ApiRoute {
  const sessions = createSessionStore(limits.maxSessions, () =>
    createApiHandlers({ mode: 'preview', allowLive: false }),
  );
  const messages: Record<Exclude<Refusal, 'aborted'>, string> = {
    'too-large': `request body over ${Math.floor(limits.maxBodyBytes / 1024 / 1024)} MB`,
    'too-slow': `the request body stopped arriving for ${limits.bodyIdleMs / 1000} s`,
    busy: 'the preview is reading other large requests: try again',
  };

  return async (request, response, method, allowedHosts) => {
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
    const body = await readBody(request, {
      maxBytes: limits.maxBodyBytes,
      idleMs: limits.bodyIdleMs,
      budget,
    });
    if (!body.ok) {
      if (body.reason === 'aborted') {
        response.destroy();
        return;
      }
      const refusal = REFUSALS[body.reason];
      response.setHeader('Connection', 'close');
      if (body.reason === 'busy') response.setHeader('Retry-After', '1');
      sendJson(response, refusal.status, { ok: false, error: refusal.error, message: messages[body.reason] });
      return;
    }
    try {
      let args: unknown;
      try {
        args = JSON.parse(body.text);
      } catch {
        sendJson(response, 400, {
          ok: false,
          error: 'invalid-json',
          message: 'the request body is not JSON',
        });
        return;
      }
      const result = await dispatch(sessions.sessionFor(request.headers['x-doctor-session']), method, args);
      const status = result.ok ? 200 : result.error === 'unknown-method' ? 404 : 400;
      sendJson(response, status, result);
    } finally {
      budget.give(body.bytes);
    }
  };
}
