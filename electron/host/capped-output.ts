import type { Readable } from 'node:stream';

/** The bytes read from one output stream, at most the cap, and whether more came. */
export interface CappedOutput {
  bytes(): Uint8Array;
  /** True once the stream sent more than the cap: the rest was read and dropped. */
  readonly cut: boolean;
  /** Bytes seen so far, kept or dropped: tells a silent stream from a busy one. */
  readonly seen: number;
}

/**
 * Reads a stream into memory up to maxBytes. Past the cap the stream keeps flowing (so a
 * writer is never blocked on a full pipe while it is being stopped) but nothing more is
 * kept, and onCut is called once.
 */
export function collectCapped(stream: Readable, maxBytes: number, onCut: () => void): CappedOutput {
  const chunks: Uint8Array[] = [];
  let kept = 0;
  let seen = 0;
  let cut = false;
  stream.on('data', (chunk: Uint8Array) => {
    seen += chunk.byteLength;
    if (cut) return;
    const room = maxBytes - kept;
    if (chunk.byteLength <= room) {
      chunks.push(chunk);
      kept += chunk.byteLength;
      return;
    }
    // A copy, so the dropped rest of a large chunk is not kept alive by the slice.
    if (room > 0) chunks.push(new Uint8Array(chunk.subarray(0, room)));
    kept += room;
    cut = true;
    onCut();
  });
  return {
    bytes: () => Buffer.concat(chunks, kept),
    get cut() {
      return cut;
    },
    get seen() {
      return seen;
    },
  };
}
