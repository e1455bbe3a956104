// The browser preview's transport: each API method is POST /api/<method> with the arguments
// as a JSON array; the server answers {ok:true,value} or {ok:false,error,message}.
import { API_METHODS, type ApiMethod } from '../../../electron/api-channels';
import type { ApiResults, DoctorApi } from '../../../electron/api-contract';

type Envelope = { ok: true; value: unknown } | { ok: false; error: string; message: string };

/** One id per page load, so two browser tabs don't share what is open (and what "Save capture" saves). */
const SESSION_ID =
  typeof crypto.randomUUID === 'function' ? crypto.randomUUID() : `${Date.now()}-${Math.random()}`;

export class ApiCallError extends Error {}

async function call<K extends ApiMethod>(method: K, args: unknown[]): Promise<ApiResults[K]> {
  let response: Response;
  try {
    response = await fetch(`/api/${method}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-doctor-session': SESSION_ID },
      body: JSON.stringify(args),
    });
  } catch {
    throw new ApiCallError('the preview server does not answer: is `npm run preview` still running?');
  }
  let envelope: Envelope;
  try {
    envelope = (await response.json()) as Envelope;
  } catch {
    throw new ApiCallError(`the preview server sent an unreadable answer (HTTP ${response.status})`);
  }
  if (!envelope.ok) throw new ApiCallError(envelope.message);
  // The server validated the arguments and ran the shared handler, so the value has the contract's type.
  return envelope.value as ApiResults[K];
}

type Methods = Pick<DoctorApi, ApiMethod>;

/** One method of the transport: its arguments go to the server as they are (the server validates them). */
function method<K extends ApiMethod>(name: K): Methods[K] {
  const send = (...args: unknown[]) => call(name, args);
  // `send` takes the method's arguments and resolves to its result: exactly Methods[K].
  return send as Methods[K];
}

/** Every method in API_METHODS, derived rather than listed: a new API method cannot be forgotten here. */
export function createHttpDoctorApi(): DoctorApi {
  const methods = Object.fromEntries(API_METHODS.map((name) => [name, method(name)])) as Methods;
  return {
    ...methods,
    // Replays finish at once, so there is nothing to report while they run.
    onProgress: () => () => {},
  };
}
