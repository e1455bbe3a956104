import iconv from 'iconv-lite';

/** Used when the OEM code page is unknown to iconv-lite: the US console default. */
export const FALLBACK_CODE_PAGE = 437;
const UTF8_CODE_PAGE = 65001;

function hasPrefix(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return prefix.every((byte, index) => bytes[index] === byte);
}

/**
 * Some tools (wevtutil, PowerShell with certain hosts) write UTF-16LE without a BOM. Their
 * text is mostly ASCII, so every other byte (the odd positions) is NUL, while OEM or UTF-8
 * text almost never contains NUL at all.
 */
export function looksLikeUtf16le(bytes: Uint8Array): boolean {
  const pairs = Math.floor(bytes.length / 2);
  if (pairs === 0) return false;
  let oddNuls = 0;
  let evenNuls = 0;
  for (let index = 0; index + 1 < bytes.length; index += 2) {
    if (bytes[index] === 0) evenNuls++;
    if (bytes[index + 1] === 0) oddNuls++;
  }
  return oddNuls / pairs >= 0.3 && evenNuls / pairs < 0.1;
}

function isValidUtf8(bytes: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

function hasNonAscii(bytes: Uint8Array): boolean {
  return bytes.some((byte) => byte > 0x7f);
}

function toBuffer(bytes: Uint8Array): Buffer {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/** iconv-lite name for a Windows code page; unknown pages fall back to 437 rather than throwing. */
export function encodingForCodePage(codePage: number): string {
  if (codePage === UTF8_CODE_PAGE) return 'utf8';
  const name = `cp${codePage}`;
  return Number.isInteger(codePage) && iconv.encodingExists(name) ? name : `cp${FALLBACK_CODE_PAGE}`;
}

// A high surrogate not followed by a low one, or a low one not preceded by a high one.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * UTF-16 from a tool can hold unpaired surrogates (a cut-off pair, or noise). They are not
 * text: shown, copied or saved as UTF-8 they turn into garbage or vanish, so each becomes
 * U+FFFD, as a UTF-8 decoder does with a bad byte.
 */
export function replaceLoneSurrogates(text: string): string {
  return text.replace(LONE_SURROGATE, '\uFFFD');
}

/**
 * Decodes a console tool's output as a person would read it. Console tools write in the
 * OEM code page when piped (not the ANSI one, hence "RÚpertoire" when read as 1252), some
 * write UTF-16LE, a few UTF-8 with a BOM. Any bytes decode: what is not valid in the
 * encoding becomes U+FFFD or the code page's character, never an exception.
 */
export function decodeOutput(bytes: Uint8Array, codePage: number): string {
  return replaceLoneSurrogates(decodeBytes(bytes, codePage));
}

/** A trailing odd byte (output cut mid-character) shows as U+FFFD instead of vanishing. */
function decodeUtf16le(buffer: Buffer): string {
  const even = buffer.length - (buffer.length % 2);
  const text = iconv.decode(buffer.subarray(0, even), 'utf16le', { stripBOM: false });
  return even === buffer.length ? text : `${text}\uFFFD`;
}

function decodeBytes(bytes: Uint8Array, codePage: number): string {
  if (bytes.length === 0) return '';
  const buffer = toBuffer(bytes);
  if (hasPrefix(buffer, [0xff, 0xfe])) return decodeUtf16le(buffer.subarray(2));
  if (hasPrefix(buffer, [0xef, 0xbb, 0xbf]))
    return iconv.decode(buffer.subarray(3), 'utf8', { stripBOM: false });
  if (looksLikeUtf16le(buffer)) return decodeUtf16le(buffer);
  if (codePage === UTF8_CODE_PAGE && hasNonAscii(buffer) && isValidUtf8(buffer)) {
    return iconv.decode(buffer, 'utf8', { stripBOM: false });
  }
  return iconv.decode(buffer, encodingForCodePage(codePage), { stripBOM: false });
}
