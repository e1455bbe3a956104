import { oneLine } from '@contract/one-line';

// The few system errors a person can act on, in words; anything else keeps its code.
const WORDS: Record<string, string> = {
  ENOENT: 'no such file',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EISDIR: 'is a folder',
  ENOSPC: 'the disk is full',
  EROFS: 'the disk is read-only',
  EBUSY: 'the file is in use',
};

/** "LABEL: no such file", "LABEL: ENOTDIR": one short line for a failed file operation. */
export function describeFileError(label: string, error: unknown): string {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  if (typeof code === 'string') return oneLine(`${label}: ${WORDS[code] ?? code}`);
  const message = error instanceof Error ? error.message : String(error);
  return oneLine(`${label}: ${message}`);
}
