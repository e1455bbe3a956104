/** The message of anything thrown, for a one-line reason on screen. */
export function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
