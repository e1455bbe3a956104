import { isNameChar } from './identifier-shapes';

/** A UNC path found in text: \\host\share\folder, also with JSON's doubled backslashes. */
export interface UncPath {
  hostStart: number;
  hostEnd: number;
  components: { start: number; end: number }[];
  end: number;
}

/** The UNC path that starts at `start` (the first backslash), or undefined. */
export function uncPathAt(text: string, start: number): UncPath | undefined {
  // A path starts at the first backslash of its run, after something that is not a name.
  if (isNameChar(text[start - 1]) || text[start - 1] === '\\') return undefined;
  let i = start;
  while (text[i] === '\\') i += 1;
  const lead = i - start;
  // Two backslashes, or four where the text is JSON; a component separator is half of that.
  if (lead !== 2 && lead !== 4) return undefined;
  const separator = lead / 2;
  const hostStart = i;
  while (isNameChar(text[i])) i += 1;
  if (i === hostStart) return undefined;
  const path: UncPath = { hostStart, hostEnd: i, components: [], end: i };
  for (;;) {
    let j = i;
    while (text[j] === '\\') j += 1;
    if (j - i !== separator || !isNameChar(text[j])) break;
    const componentStart = j;
    while (isNameChar(text[j])) j += 1;
    path.components.push({ start: componentStart, end: j });
    i = j;
    path.end = j;
  }
  return path;
}
