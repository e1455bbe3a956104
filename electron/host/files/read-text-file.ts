import { decodeTextFile } from '@contract/decode-text-file';
import { readOutsideFile } from './read-outside-file';

/**
 * The largest saved command output read as text: the live host keeps at most 8 MB of a
 * probe's output, so nothing a probe printed is refused.
 */
export const MAX_TEXT_FILE_BYTES = 8 * 1024 * 1024;

/**
 * Get-AzureADKerberosServer output an administrator saved: the app takes 256 K characters of
 * it pasted, which is at most 512 KB as UTF-16; anything past 1 MB is not that output.
 */
export const MAX_ADMIN_OUTPUT_BYTES = 1024 * 1024;

export type TextFileRead = { ok: true; text: string } | { ok: false; reason: string };

/** A saved command output (UTF-8 or UTF-16), read under the same rules as every outside file. */
export async function readTextFile(file: string, maxBytes = MAX_TEXT_FILE_BYTES): Promise<TextFileRead> {
  const read = await readOutsideFile(file, { maxBytes });
  if (!read.ok) return { ok: false, reason: read.reason };
  return { ok: true, text: decodeTextFile(read.bytes).text };
}
