// Text files people save on Windows come as UTF-8 (with or without a byte order mark) or as
// UTF-16 (Windows PowerShell 5.1's `>` and Out-File write UTF-16LE with a BOM; some editors
// write big-endian). The encoding is decided from the bytes, before any parsing.

export type TextEncodingName = 'utf-8' | 'utf-16le' | 'utf-16be';

export interface DecodedText {
  text: string;
  encoding: TextEncodingName;
  /** False when some bytes were not valid in that encoding (they became U+FFFD). */
  valid: boolean;
}

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return bytes.length >= prefix.length && prefix.every((byte, index) => bytes[index] === byte);
}

/**
 * Without a BOM, mostly-ASCII UTF-16 shows as a NUL in every other byte: odd positions for
 * little-endian, even ones for big-endian. UTF-8 text has no NULs at all. The first 4 KB decide.
 */
function guessUtf16(bytes: Uint8Array): TextEncodingName | null {
  const end = Math.min(bytes.length - (bytes.length % 2), 4096);
  const pairs = end / 2;
  if (pairs === 0) return null;
  let evenNuls = 0;
  let oddNuls = 0;
  for (let index = 0; index < end; index += 2) {
    if (bytes[index] === 0) evenNuls++;
    if (bytes[index + 1] === 0) oddNuls++;
  }
  if (oddNuls / pairs >= 0.3 && evenNuls / pairs < 0.1) return 'utf-16le';
  if (evenNuls / pairs >= 0.3 && oddNuls / pairs < 0.1) return 'utf-16be';
  return null;
}

function decode(bytes: Uint8Array, encoding: TextEncodingName): DecodedText {
  try {
    return {
      text: new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(bytes),
      encoding,
      valid: true,
    };
  } catch {
    return { text: new TextDecoder(encoding, { ignoreBOM: true }).decode(bytes), encoding, valid: false };
  }
}

/** Decodes a saved text file by its BOM, or by its shape when there is none; the BOM is dropped. */
export function decodeTextFile(bytes: Uint8Array): DecodedText {
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) return decode(bytes.subarray(3), 'utf-8');
  if (startsWith(bytes, [0xff, 0xfe])) return decode(bytes.subarray(2), 'utf-16le');
  if (startsWith(bytes, [0xfe, 0xff])) return decode(bytes.subarray(2), 'utf-16be');
  return decode(bytes, guessUtf16(bytes) ?? 'utf-8');
}
