import { decodeTextFile } from '@contract/decode-text-file';
import { describe, expect, it } from 'vitest';

const TEXT = 'KeyVersion : 3\r\nNom : Société\r\n';
const utf16be = (text: string) => Buffer.from(text, 'utf16le').swap16();

describe('decoding a saved text file', () => {
  it.each([
    ['UTF-8', Buffer.from(TEXT, 'utf8'), 'utf-8'],
    ['UTF-8 with BOM', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(TEXT)]), 'utf-8'],
    [
      'UTF-16LE with BOM',
      Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(TEXT, 'utf16le')]),
      'utf-16le',
    ],
    ['UTF-16BE with BOM', Buffer.concat([Buffer.from([0xfe, 0xff]), utf16be(TEXT)]), 'utf-16be'],
    ['UTF-16LE without BOM', Buffer.from(TEXT, 'utf16le'), 'utf-16le'],
    ['UTF-16BE without BOM', utf16be(TEXT), 'utf-16be'],
  ])('reads %s as the same text, without the BOM', (_name, bytes, encoding) => {
    expect(decodeTextFile(bytes)).toEqual({ text: TEXT, encoding, valid: true });
  });

  it('reads an empty file as empty text', () => {
    expect(decodeTextFile(new Uint8Array())).toEqual({ text: '', encoding: 'utf-8', valid: true });
  });

  it('says when bytes are not valid in the encoding, keeping the rest readable', () => {
    const decoded = decodeTextFile(Buffer.from([0x4f, 0x4b, 0xff, 0x21]));
    expect(decoded).toEqual({ text: 'OK\uFFFD!', encoding: 'utf-8', valid: false });
    expect(decodeTextFile(Buffer.from([0xff, 0xfe, 0x41, 0x00, 0x42])).valid).toBe(false);
  });
});
