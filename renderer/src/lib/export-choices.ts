import type { ExportKind } from '@contract/api-contract';

/** What "Save" in the Export dialog can write: every export but the summary, which is copied. */
export type SaveKind = Exclude<ExportKind, 'summary'>;

export interface SaveChoice {
  kind: SaveKind;
  label: string;
  /** Who the file is for, in a few words. */
  note: string;
  /** The download's type, so the file opens in the right program. */
  mimeType: string;
}

export const SAVE_CHOICES: readonly SaveChoice[] = [
  {
    kind: 'html',
    label: 'HTML report',
    note: 'One page that opens in any browser and prints.',
    mimeType: 'text/html',
  },
  {
    kind: 'markdown',
    label: 'Markdown report',
    note: 'Pastes into a ticket or a wiki.',
    mimeType: 'text/markdown',
  },
  { kind: 'json', label: 'JSON report', note: 'For scripts and other tools.', mimeType: 'application/json' },
  {
    kind: 'capture',
    label: 'Capture (raw outputs)',
    note: 'The evidence itself, to open again in WHfB Doctor.',
    mimeType: 'application/json',
  },
];
