/**
 * The script behind a PowerShell probe's `-EncodedCommand` (base64 of UTF-16LE), so a technician
 * can read and run what the app ran instead of an opaque blob. Undefined when the argv has no
 * encoded command or it is not valid base64 (a practice capture holds a placeholder there).
 */
export function powershellScript(argv: readonly string[]): string | undefined {
  const at = argv.findIndex((arg) => arg.toLowerCase() === '-encodedcommand');
  const encoded = at >= 0 ? argv[at + 1] : undefined;
  if (!encoded || encoded.length % 4 !== 0 || !/^[A-Za-z0-9+/]+={0,2}$/.test(encoded)) return undefined;
  try {
    const binary = atob(encoded);
    const bytes = Uint8Array.from(binary, (c) => c.charCodeAt(0));
    return new TextDecoder('utf-16le', { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
}
