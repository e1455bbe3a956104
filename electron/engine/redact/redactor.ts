import { learnLine } from './learn-identifiers';
import { type PlaceholderKind, PlaceholderTable } from './placeholder-table';
import { redactText } from './redact-text';

/**
 * Replaces identifying values with placeholders, the same value with the same placeholder
 * for as long as the redactor lives: share one between a capture and its report so the two
 * still match. Learn everything first (names without a shape of their own are recognised
 * from the fields that print them), then redact.
 */
export interface Redactor {
  /** Notes the user, computer, domain and site names a text gives away. */
  learn(text: string): void;
  /**
   * The text with every identifying value replaced. Command output keeps its columns (gaps
   * after a replaced name absorb the change of length); pass `{ prose: true }` for sentences.
   */
  redact(text: string, options?: { prose?: boolean }): string;
  /** How many distinct values of each kind have been replaced so far. */
  counts(): Partial<Record<PlaceholderKind, number>>;
}

export function createRedactor(): Redactor {
  const table = new PlaceholderTable();
  return {
    learn(text) {
      for (const line of text.split('\n')) learnLine(line, table);
    },
    redact(text, options) {
      return redactText(text, table, !options?.prose);
    },
    counts() {
      return table.counts();
    },
  };
}
