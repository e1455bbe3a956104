import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decodeOutput, encodingForCodePage, looksLikeUtf16le } from '../../../electron/host/decode-output';

const bytes = (text: string, encoding: string): Uint8Array => new Uint8Array(iconv.encode(text, encoding));

describe('decodeOutput', () => {
  it('decodes the OEM code pages consoles use', () => {
    expect(decodeOutput(bytes('Répertoire par défaut', 'cp850'), 850)).toBe('Répertoire par défaut');
    expect(decodeOutput(bytes('Zurück', 'cp437'), 437)).toBe('Zurück');
    expect(decodeOutput(bytes('Přístup odepřen', 'cp852'), 852)).toBe('Přístup odepřen');
    expect(decodeOutput(bytes('Доступ запрещен', 'cp866'), 866)).toBe('Доступ запрещен');
    expect(decodeOutput(bytes('アクセスが拒否されました', 'cp932'), 932)).toBe('アクセスが拒否されました');
  });

  it('gives garbage with the wrong code page (why it is read from the registry)', () => {
    expect(decodeOutput(bytes('Répertoire', 'cp1252'), 850)).toBe('RÚpertoire');
  });

  it('falls back to 437 for an unknown code page without throwing', () => {
    expect(decodeOutput(bytes('Zurück', 'cp437'), 12345)).toBe('Zurück');
    expect(decodeOutput(bytes('Zurück', 'cp437'), Number.NaN)).toBe('Zurück');
    expect(encodingForCodePage(-1)).toBe('cp437');
  });

  it('reads UTF-16LE with and without a BOM', () => {
    const text = 'Événement 358 — ok\r\n';
    const withBom = new Uint8Array([0xff, 0xfe, ...Buffer.from(text, 'utf16le')]);
    expect(decodeOutput(withBom, 850)).toBe(text);
    expect(decodeOutput(new Uint8Array(Buffer.from('EventID=358\r\n', 'utf16le')), 850)).toBe(
      'EventID=358\r\n',
    );
  });

  it('reads UTF-8 with a BOM whatever the code page', () => {
    expect(decodeOutput(new Uint8Array([0xef, 0xbb, 0xbf, ...Buffer.from('Zurück', 'utf8')]), 850)).toBe(
      'Zurück',
    );
  });

  it('reads UTF-8 without a BOM when the console code page is 65001', () => {
    expect(decodeOutput(new Uint8Array(Buffer.from('Répertoire', 'utf8')), 65001)).toBe('Répertoire');
  });

  it('keeps OEM decoding for valid UTF-8 lookalikes under another code page', () => {
    const utf8 = new Uint8Array(Buffer.from('é', 'utf8'));
    expect(decodeOutput(utf8, 850)).toBe(iconv.decode(Buffer.from(utf8), 'cp850'));
  });

  it('returns an empty string for no output', () => {
    expect(decodeOutput(new Uint8Array(0), 850)).toBe('');
  });
});

describe('looksLikeUtf16le', () => {
  it('tells UTF-16LE from single-byte text', () => {
    expect(looksLikeUtf16le(Buffer.from('dsregcmd', 'utf16le'))).toBe(true);
    expect(looksLikeUtf16le(Buffer.from('dsregcmd', 'latin1'))).toBe(false);
    expect(looksLikeUtf16le(new Uint8Array([0x41]))).toBe(false);
    expect(looksLikeUtf16le(new Uint8Array([0, 0, 0, 0]))).toBe(false);
  });
});
