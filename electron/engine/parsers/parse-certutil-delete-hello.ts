import type { Parsed } from '@contract/types';
import { PARSE_BUDGETS, parseWithin } from './parse-budget';
import { contentLines } from './text-lines';

/** What `certutil -deletehellocontainer` printed: whether it completed, and its own sign-out request. */
export interface DeleteHelloFacts {
  /** "CertUtil: -DeleteHelloContainer command completed successfully." (the verb token is not localized). */
  completed: boolean;
  /** The line asking the user to sign out, when printed. */
  signOutLine?: string;
  lines: string[];
}

export function parseCertutilDeleteHello(text: string): Parsed<DeleteHelloFacts> {
  return parseWithin<DeleteHelloFacts>(
    PARSE_BUDGETS.certutilDeleteHello,
    'the certutil output',
    text,
    () => ({ completed: false, lines: [] }),
    (within) => {
      const lines = contentLines(within);
      const verbLine = lines.find((line) => /-DeleteHelloContainer/i.test(line));
      const completed = verbLine !== undefined && /completed successfully/i.test(verbLine);
      // The sign-out request is the other line certutil prints; it is localized, so take it by position.
      const signOutLine = lines.find((line) => line !== verbLine && !/^CertUtil:/i.test(line));
      const facts: DeleteHelloFacts = { completed, lines, ...(signOutLine ? { signOutLine } : {}) };
      if (!verbLine)
        return { facts, recognized: false, problems: ['no CertUtil -DeleteHelloContainer line was found'] };
      return { facts, recognized: true, problems: [] };
    },
  );
}
