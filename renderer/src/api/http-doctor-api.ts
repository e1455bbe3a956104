// The browser preview's transport: each API method is POST /api/<method> with the arguments as a
// JSON array; the server answers the contract's envelope, which is passed on as it is (unwrapped
// in api-call-error.ts, as the desktop app's envelopes are).
import { API_METHODS, type ApiMethod } from '@contract/api-channels';
import type { ApiEnvelope, DoctorTransport } from '@contract/api-contract';

/** One id per page load, so two browser tabs don't share what is open (and what "Save capture" saves). */
const SESSION_ID =
  typeof crypto.randomUUID === 'function' ? crypto.randomUUID() : `${Date.now()}-${Math.random()}`;

const unavailable = (message: string): ApiEnvelope<never> => ({
  ok: false,
  error: { code: 'unavailable', message },
});

async function post(method: ApiMethod, args: unknown[]): Promise<ApiEnvelope<unknown>> {
  let response: Response;
  try {
    response = await fetch(`/api/${method}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-doctor-session': SESSION_ID },
      body: JSON.stringify(args),
    });
  } catch {
    return unavailable('the preview server does not answer: is `npm run preview` still running?');
  }
  try {
    // The server validated the arguments and ran the shared handler: the envelope has the contract's type.
    return (await response.json()) as ApiEnvelope<unknown>;
  } catch {
    return unavailable(`the preview server sent an unreadable answer (HTTP ${response.status})`);
  }
}

type Methods = Pick<DoctorTransport, ApiMethod>;

/** Every method in API_METHODS, derived rather than listed: a new API method cannot be forgotten here. */
export function createHttpTransport(): DoctorTransport {
  const methods = Object.fromEntries(
    API_METHODS.map((name) => [name, (...args: unknown[]) => post(name, args)]),
  ) as unknown as Methods;
  return {
    ...methods,
    // Replays finish at once, so there is nothing to report while they run.
    onProgress: () => () => {},
  };
}
