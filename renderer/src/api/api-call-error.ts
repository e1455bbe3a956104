// The one place the renderer turns the API's envelope into a result or an error. Whatever the
// transport (the desktop app's IPC, the preview's HTTP), a failed call becomes an ApiCallError
// whose message is the main process's or the server's own words, shown to the person as they are.
import { API_METHODS, type ApiMethod } from '@contract/api-channels';
import type { ApiEnvelope, ApiErrorCode, DoctorApi, DoctorTransport } from '@contract/api-contract';

export class ApiCallError extends Error {
  constructor(
    readonly code: ApiErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'ApiCallError';
  }
}

// Electron's own wrapping of a rejected invoke; the app never rejects, but a transport fault could.
const ELECTRON_PREFIX = /^Error invoking remote method '[^']*': (?:Error: )?/;

function isEnvelope(value: unknown): value is ApiEnvelope<unknown> {
  if (typeof value !== 'object' || value === null || !('ok' in value)) return false;
  if (value.ok === true) return 'value' in value;
  return (
    value.ok === false &&
    'error' in value &&
    typeof value.error === 'object' &&
    value.error !== null &&
    'message' in value.error &&
    typeof value.error.message === 'string'
  );
}

/** The value of a successful call; a failed one throws its error with its own words. */
export function unwrap<T>(envelope: ApiEnvelope<T>): T {
  if (!isEnvelope(envelope)) throw new ApiCallError('unavailable', 'the app sent an unreadable answer');
  if (envelope.ok) return envelope.value;
  throw new ApiCallError(envelope.error.code, envelope.error.message);
}

/** Any failure of the transport itself, in the same error type (without Electron's prefix). */
function transportError(error: unknown): ApiCallError {
  if (error instanceof ApiCallError) return error;
  const message = error instanceof Error ? error.message : String(error);
  return new ApiCallError('unavailable', message.replace(ELECTRON_PREFIX, '') || 'the app does not answer');
}

type Methods = Pick<DoctorApi, ApiMethod>;

function unwrapped<K extends ApiMethod>(transport: DoctorTransport, name: K): Methods[K] {
  const send = transport[name] as (...args: unknown[]) => Promise<ApiEnvelope<unknown>>;
  const call = async (...args: unknown[]) => {
    let envelope: ApiEnvelope<unknown>;
    try {
      envelope = await send(...args);
    } catch (error) {
      throw transportError(error);
    }
    return unwrap(envelope);
  };
  // `call` takes the method's arguments and resolves to its result: exactly Methods[K].
  return call as Methods[K];
}

/** The API the renderer's code calls, over whichever transport this window has. */
export function unwrapTransport(transport: DoctorTransport): DoctorApi {
  const methods = Object.fromEntries(
    API_METHODS.map((name) => [name, unwrapped(transport, name)]),
  ) as Methods;
  return { ...methods, onProgress: (listener) => transport.onProgress(listener) };
}
