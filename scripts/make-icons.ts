// Draws the app icon (a white key on a Windows-blue rounded square) and writes build/icon.png
// (512×512) and build/icon.ico (16–256 px). No image libraries: the shapes are signed distance
// functions sampled 5×5 per pixel, PNGs are written with node:zlib, the ICO by hand.
// Run: npm run icons

import { writeFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { deflateSync } from 'node:zlib';

export const PNG_SIZE = 512;
export const ICO_SIZES = [16, 24, 32, 48, 64, 256] as const;
/** Sizes stored as PNG inside the ICO; smaller ones are classic 32-bit bitmaps (every tool reads those). */
const ICO_PNG_MIN_SIZE = 256;
const SAMPLES = 5;

type Rgb = readonly [number, number, number];
const TOP: Rgb = [0x1a, 0x8a, 0xe0];
const BOTTOM: Rgb = [0x00, 0x5f, 0xb8];
const WHITE: Rgb = [0xff, 0xff, 0xff];

// Shapes in a unit square (x right, y down); negative distance = inside.
function roundedBox(x: number, y: number, cx: number, cy: number, hw: number, hh: number, r: number): number {
  const qx = Math.abs(x - cx) - hw + r;
  const qy = Math.abs(y - cy) - hh + r;
  return Math.hypot(Math.max(qx, 0), Math.max(qy, 0)) + Math.min(Math.max(qx, qy), 0) - r;
}
const circle = (x: number, y: number, cx: number, cy: number, r: number) => Math.hypot(x - cx, y - cy) - r;

const tile = (x: number, y: number) => roundedBox(x, y, 0.5, 0.5, 0.46, 0.46, 0.2);

function key(x: number, y: number): number {
  // Bow: a ring on the left.
  const ring = Math.max(circle(x, y, 0.33, 0.5, 0.165), -circle(x, y, 0.33, 0.5, 0.07));
  // Shaft and two teeth to the right.
  const shaft = roundedBox(x, y, 0.6, 0.5, 0.2, 0.05, 0.015);
  const tooth1 = roundedBox(x, y, 0.665, 0.585, 0.03, 0.06, 0.01);
  const tooth2 = roundedBox(x, y, 0.755, 0.6, 0.03, 0.075, 0.01);
  return Math.min(ring, shaft, tooth1, tooth2);
}

function colorAt(x: number, y: number): Rgb {
  if (key(x, y) <= 0) return WHITE;
  const t = Math.min(Math.max((y - 0.04) / 0.92, 0), 1);
  return [0, 1, 2].map((i) => (TOP[i] ?? 0) + ((BOTTOM[i] ?? 0) - (TOP[i] ?? 0)) * t) as unknown as Rgb;
}

/** RGBA pixels, row by row from the top, not premultiplied. */
export function renderIcon(size: number): Uint8Array {
  const pixels = new Uint8Array(size * size * 4);
  // Pixels farther than this from every edge are uniform: one sample is enough.
  const margin = Math.SQRT2 / size;
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      const offset = (py * size + px) * 4;
      const cx = (px + 0.5) / size;
      const cy = (py + 0.5) / size;
      const inTile = tile(cx, cy);
      if (inTile > margin) continue;
      if (inTile < -margin && Math.abs(key(cx, cy)) > margin) {
        pixels.set([...colorAt(cx, cy).map(Math.round), 255], offset);
        continue;
      }
      let covered = 0;
      const sum = [0, 0, 0];
      for (let sy = 0; sy < SAMPLES; sy++) {
        for (let sx = 0; sx < SAMPLES; sx++) {
          const x = (px + (sx + 0.5) / SAMPLES) / size;
          const y = (py + (sy + 0.5) / SAMPLES) / size;
          if (tile(x, y) > 0) continue;
          covered++;
          const color = colorAt(x, y);
          for (let i = 0; i < 3; i++) sum[i] = (sum[i] ?? 0) + (color[i] ?? 0);
        }
      }
      if (covered === 0) continue;
      for (let i = 0; i < 3; i++) pixels[offset + i] = Math.round((sum[i] ?? 0) / covered);
      pixels[offset + 3] = Math.round((covered / (SAMPLES * SAMPLES)) * 255);
    }
  }
  return pixels;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Uint8Array): number {
  let crc = 0xffffffff;
  for (const byte of bytes) crc = (CRC_TABLE[(crc ^ byte) & 0xff] ?? 0) ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Uint8Array): Buffer {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, 'ascii');
  out.set(data, 8);
  out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
  return out;
}

export function encodePng(size: number, rgba: Uint8Array): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // RGBA
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0; // filter: none
    raw.set(rgba.subarray(y * size * 4, (y + 1) * size * 4), y * (size * 4 + 1) + 1);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', new Uint8Array()),
  ]);
}

/** A 32-bit BMP as stored in an ICO: BITMAPINFOHEADER, BGRA rows bottom-up, then the AND mask. */
function encodeIcoBitmap(size: number, rgba: Uint8Array): Buffer {
  const maskStride = Math.ceil(size / 32) * 4;
  const out = Buffer.alloc(40 + size * size * 4 + maskStride * size);
  out.writeUInt32LE(40, 0);
  out.writeInt32LE(size, 4);
  out.writeInt32LE(size * 2, 8); // colour rows + mask rows
  out.writeUInt16LE(1, 12);
  out.writeUInt16LE(32, 14);
  out.writeUInt32LE(size * size * 4 + maskStride * size, 20);
  for (let y = 0; y < size; y++) {
    const row = size - 1 - y;
    for (let x = 0; x < size; x++) {
      const from = (y * size + x) * 4;
      const to = 40 + (row * size + x) * 4;
      out[to] = rgba[from + 2] ?? 0;
      out[to + 1] = rgba[from + 1] ?? 0;
      out[to + 2] = rgba[from] ?? 0;
      out[to + 3] = rgba[from + 3] ?? 0;
      if ((rgba[from + 3] ?? 0) === 0) {
        const maskByte = 40 + size * size * 4 + row * maskStride + (x >> 3);
        out[maskByte] = (out[maskByte] ?? 0) | (0x80 >> (x & 7));
      }
    }
  }
  return out;
}

export function encodeIco(images: readonly { size: number; rgba: Uint8Array }[]): Buffer {
  const bodies = images.map(({ size, rgba }) =>
    size >= ICO_PNG_MIN_SIZE ? encodePng(size, rgba) : encodeIcoBitmap(size, rgba),
  );
  const header = Buffer.alloc(6 + 16 * images.length);
  header.writeUInt16LE(0, 0);
  header.writeUInt16LE(1, 2); // icon
  header.writeUInt16LE(images.length, 4);
  let offset = header.length;
  images.forEach(({ size }, i) => {
    const entry = 6 + 16 * i;
    const body = bodies[i] ?? Buffer.alloc(0);
    header[entry] = size >= 256 ? 0 : size;
    header[entry + 1] = size >= 256 ? 0 : size;
    header.writeUInt16LE(1, entry + 4); // planes
    header.writeUInt16LE(32, entry + 6); // bits per pixel
    header.writeUInt32LE(body.length, entry + 8);
    header.writeUInt32LE(offset, entry + 12);
    offset += body.length;
  });
  return Buffer.concat([header, ...bodies]);
}

export function makeIcons(): { png: Buffer; ico: Buffer } {
  return {
    png: encodePng(PNG_SIZE, renderIcon(PNG_SIZE)),
    ico: encodeIco(ICO_SIZES.map((size) => ({ size, rgba: renderIcon(size) }))),
  };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { png, ico } = makeIcons();
  const buildDir = fileURLToPath(new URL('../build/', import.meta.url));
  writeFileSync(`${buildDir}icon.png`, png);
  writeFileSync(`${buildDir}icon.ico`, ico);
  console.log(`wrote build/icon.png (${png.length} bytes) and build/icon.ico (${ico.length} bytes)`);
}
