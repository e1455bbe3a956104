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

/**
 * Decodes a console tool's output as a person would read it. Console tools write in the
 * OEM code page when piped (not the ANSI one, hence "RÚpertoire" when read as 1252), some
 * write UTF-16LE, a few UTF-8 with a BOM.
 */
export function decodeOutput(bytes: Uint8Array, codePage: number): string {
  if (bytes.length === 0) return '';
  const buffer = toBuffer(bytes);
  if (hasPrefix(buffer, [0xff, 0xfe]))
    return iconv.decode(buffer.subarray(2), 'utf16le', { stripBOM: false });
  if (hasPrefix(buffer, [0xef, 0xbb, 0xbf]))
    return iconv.decode(buffer.subarray(3), 'utf8', { stripBOM: false });
  if (looksLikeUtf16le(buffer)) return iconv.decode(buffer, 'utf16le', { stripBOM: false });
  if (codePage === UTF8_CODE_PAGE && hasNonAscii(buffer) && isValidUtf8(buffer)) {
    return iconv.decode(buffer, 'utf8', { stripBOM: false });
  }
  return iconv.decode(buffer, encodingForCodePage(codePage), { stripBOM: false });
}
