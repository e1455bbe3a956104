// The dispatch table's one entrance, shared by Electron's IPC and the preview's HTTP route:
// arguments are validated before any handler runs, and every call answers the same envelope,
// whether it worked, was malformed, named no method, or the handler threw.

import { API_METHODS, type ApiMethod } from '@contract/api-channels';
import { API_ARGUMENTS, type ApiEnvelope, type ApiError, type ApiResults } from '@contract/api-contract';
import { oneLine } from '@contract/one-line';
import type { z } from 'zod';

/** One handler per API method, taking the validated arguments. */
export type ApiHandlers = {
  [K in ApiMethod]: (...args: z.output<(typeof API_ARGUMENTS)[K]>) => Promise<ApiResults[K]>;
};

export const failure = (code: ApiError['code'], message: string): { ok: false; error: ApiError } => ({
  ok: false,
  error: { code, message },
});

/** Validates a call and runs its handler; never throws, and nothing malformed reaches a handler. */
export async function dispatch(
  handlers: ApiHandlers,
  method: string,
  rawArgs: unknown,
): Promise<ApiEnvelope<unknown>> {
  if (!(API_METHODS as readonly string[]).includes(method)) {
    return failure('unknown-method', `unknown method "${oneLine(method)}"`);
  }
  const name = method as ApiMethod;
  const parsed = API_ARGUMENTS[name].safeParse(rawArgs);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return failure(
      'invalid-arguments',
      `${name}: ${issue?.path.join('.') || 'arguments'}: ${issue?.message}`,
    );
  }
  const handler = handlers[name] as (...args: unknown[]) => Promise<unknown>;
  try {
    return { ok: true, value: await handler(...(parsed.data as unknown[])) };
  } catch (error) {
    console.error(`${name} failed:`, error);
    const message = error instanceof Error ? error.message : String(error);
    return failure('internal', `${name}: ${oneLine(message.split(/\r?\n/)[0] ?? '') || 'internal error'}`);
  }
}
