import type { SourceView } from '../state/source-store';

/** "This device (live)", "Capture file: x.json", "Practice scenario: …": what the screen shows. */
export function sourceLabel(source: SourceView): string {
  switch (source.kind) {
    case 'live':
      return 'This device (live)';
    case 'capture':
      return `Capture file: ${source.fileName}`;
    case 'scenario':
      return `Practice scenario: ${source.title}`;
    case 'report':
      return `Report file: ${source.fileName}`;
  }
}
