import type { Parsed } from '@contract/types';
import { z } from 'zod';
import { PARSE_BUDGETS, parseWithin } from './parse-budget';
import { contentLines } from './text-lines';

/** Why opening the share failed, as classified by the share-access probe. */
export const SHARE_FAILURES = [
  'denied',
  'not-found',
  'unreachable',
  'logon-failure',
  'timeout',
  'other',
] as const;
export type ShareFailure = (typeof SHARE_FAILURES)[number];

/**
 * Facts from the `share-access` probe, whose output format is ours: one line of JSON
 * `{"path":"\\\\fs01\\share","listed":true,"entries":12,"failure":null,"message":null}`.
 */
export interface ShareAccessFacts {
  path?: string;
  listed?: boolean;
  entries?: number;
  failure?: ShareFailure | null;
  /** The system's own words for a failure, e.g. "Access is denied." */
  message?: string | null;
  line: string;
}

const shareAccessSchema = z.object({
  path: z.string(),
  listed: z.boolean(),
  entries: z.number().int().nonnegative().nullable().optional(),
  failure: z.enum(SHARE_FAILURES).nullable().optional(),
  message: z.string().nullable().optional(),
});

export function parseShareAccess(text: string): Parsed<ShareAccessFacts> {
  return parseWithin(
    PARSE_BUDGETS.shareAccess,
    'the share test output',
    text,
    () => ({ line: '' }),
    readShareAccess,
  );
}

function readShareAccess(text: string): Parsed<ShareAccessFacts> {
  const line = contentLines(text).find((candidate) => candidate.startsWith('{')) ?? '';
  if (!line)
    return { facts: { line: '' }, recognized: false, problems: ['no share test result in the output'] };
  let json: unknown;
  try {
    json = JSON.parse(line);
  } catch {
    return { facts: { line }, recognized: false, problems: ['share test result is not valid JSON'] };
  }
  const parsed = shareAccessSchema.safeParse(json);
  if (!parsed.success) {
    return { facts: { line }, recognized: false, problems: ['share test result has an unexpected shape'] };
  }
  const { path, listed, entries, failure, message } = parsed.data;
  return {
    facts: {
      path,
      listed,
      entries: entries ?? undefined,
      failure: failure ?? null,
      message: message ?? null,
      line,
    },
    recognized: true,
    problems: [],
  };
}
