// Find-in-output: where a query occurs in each line, ignoring case.

export interface LinePart {
  text: string;
  /** The index of the match among all matches of the output, or null for text between matches. */
  match: number | null;
}

/** Each line cut into the text between matches and the matches, numbered across all lines. */
export function findInLines(lines: readonly string[], query: string): { parts: LinePart[][]; count: number } {
  let count = 0;
  if (query === '') return { parts: lines.map((text) => [{ text, match: null }]), count };
  const needle = query.toLowerCase();
  const parts = lines.map((line) => {
    const haystack = line.toLowerCase();
    const out: LinePart[] = [];
    let from = 0;
    for (let at = haystack.indexOf(needle); at !== -1; at = haystack.indexOf(needle, at + needle.length)) {
      if (at > from) out.push({ text: line.slice(from, at), match: null });
      out.push({ text: line.slice(at, at + needle.length), match: count });
      count += 1;
      from = at + needle.length;
    }
    if (from < line.length || out.length === 0) out.push({ text: line.slice(from), match: null });
    return out;
  });
  return { parts, count };
}
