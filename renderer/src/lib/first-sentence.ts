// The verdict shows the next action in one sentence; the whole remedy stays in the step's detail.

// Abbreviations whose full stop does not end a sentence.
const ABBREVIATION = /\b(?:e\.g|i\.e|etc|vs|cf|approx)$/i;

/** The first sentence of a text: up to the first . ! or ? followed by a space or the end. */
export function firstSentence(text: string): string {
  const trimmed = text.trim();
  for (const match of trimmed.matchAll(/[.!?]["”')]?(?=\s|$)/g)) {
    if (ABBREVIATION.test(trimmed.slice(0, match.index))) continue;
    return trimmed.slice(0, match.index + match[0].length);
  }
  return trimmed;
}
