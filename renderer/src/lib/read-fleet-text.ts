// A fleet file's text, read in the renderer: plain JSON, or gzipped JSON (as the collection
// script leaves them) expanded here and cut off past the capture limit, so a bomb stays small.
import { decodeTextFile } from '@contract/decode-text-file';
import { MAX_CAPTURE_BYTES } from '@contract/limits';

export type FleetText = { ok: true; text: string } | { ok: false; reason: string };

const tooLarge = (): FleetText => ({
  ok: false,
  reason: `the file is over ${MAX_CAPTURE_BYTES / 1024 / 1024} MB, too large to be a capture or report`,
});

async function gunzip(file: File): Promise<FleetText> {
  const reader = file.stream().pipeThrough(new DecompressionStream('gzip')).getReader();
  const decoder = new TextDecoder();
  let text = '';
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > MAX_CAPTURE_BYTES) {
      await reader.cancel();
      return tooLarge();
    }
    text += decoder.decode(value, { stream: true });
  }
  return { ok: true, text: text + decoder.decode() };
}

export async function readFleetText(file: File): Promise<FleetText> {
  if (file.size > MAX_CAPTURE_BYTES) return tooLarge();
  try {
    return file.name.toLowerCase().endsWith('.gz')
      ? await gunzip(file)
      : { ok: true, text: decodeTextFile(new Uint8Array(await file.arrayBuffer())).text };
  } catch {
    return { ok: false, reason: 'the file could not be read (or is not valid gzip)' };
  }
}
