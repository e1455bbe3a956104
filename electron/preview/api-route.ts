// POST /api/<method>: the same handler table as Electron's IPC, for the preview's own pages only,
// with the body read under the preview's limits.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ApiErrorCode } from '@contract/api-contract';
import { createApiHandlers } from '../api/create-api-handlers';
import { type ApiHandlers, dispatch, failure } from '../api/dispatch';
import type { ByteBudget } from './byte-budget';
import { sendJson } from './http-replies';
import type { PreviewLimits } from './preview-limits';
import { type BodyResult, readBody } from './read-body';
import { createTabSessions } from './tab-sessions';

type Refusal = Exclude<BodyResult, { ok: true }>['reason'];

const REFUSALS: Record<Exclude<Refusal, 'aborted'>, { status: number; code: ApiErrorCode }> = {
  'too-large': { status: 413, code: 'too-large' },
  'too-slow': { status: 408, code: 'timeout' },
  busy: { status: 503, code: 'busy' },
};

/** The HTTP status of a failed call: the envelope says the same in its code. */
const STATUS_OF: Record<ApiErrorCode, number> = {
  'invalid-arguments': 400,
  'unknown-method': 404,
  refused: 403,
  'too-large': 413,
  timeout: 408,
  busy: 503,
  unavailable: 503,
  internal: 500,
};

export type ApiRoute = (
  request: IncomingMessage,
  response: ServerResponse,
  method: string,
  allowedHosts: readonly string[],
) => Promise<void>;

const replayOnly = (): ApiHandlers => createApiHandlers({ mode: 'preview', allowLive: false });

export function createApiRoute(
  limits: PreviewLimits,
  budget: ByteBudget,
  createHandlers: () => ApiHandlers = replayOnly,
): ApiRoute {
  const sessions = createTabSessions(limits.maxSessions, createHandlers);
  const messages: Record<Exclude<Refusal, 'aborted'>, string> = {
    'too-large': `request body over ${Math.floor(limits.maxBodyBytes / 1024 / 1024)} MB`,
    'too-slow': `the request body stopped arriving for ${limits.bodyIdleMs / 1000} s`,
    busy: 'the preview is reading other large requests: try again',
  };

  return async (request, response, method, allowedHosts) => {
    if (request.method !== 'POST') {
      response.setHeader('Allow', 'POST');
      sendJson(response, 405, failure('refused', 'use POST'));
      return;
    }
    // Another site's page can send simple cross-origin POSTs; only our own pages may call the API.
    const origin = request.headers.origin;
    const fetchSite = request.headers['sec-fetch-site'];
    if (
      (origin !== undefined && !allowedHosts.some((host) => origin === `http://${host}`)) ||
      fetchSite === 'cross-site'
    ) {
      sendJson(response, 403, failure('refused', 'cross-origin requests are refused'));
      return;
    }
    const mediaType = (request.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase();
    if (mediaType !== 'application/json') {
      sendJson(response, 415, failure('refused', 'send the arguments as application/json'));
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
      sendJson(response, refusal.status, failure(refusal.code, messages[body.reason]));
      return;
    }
    try {
      let args: unknown;
      try {
        args = JSON.parse(body.text);
      } catch {
        sendJson(response, 400, failure('invalid-arguments', 'the request body is not JSON'));
        return;
      }
      const result = await dispatch(sessions.sessionFor(request.headers['x-doctor-session']), method, args);
      const status = result.ok ? 200 : STATUS_OF[result.error.code];
      sendJson(response, status, result);
    } finally {
      budget.give(body.bytes);
    }
  };
}
