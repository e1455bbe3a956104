import { makeStyles, SearchBox, tokens } from '@fluentui/react-components';
import type { KeyboardEvent } from 'react';

const useStyles = makeStyles({
  find: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  box: { width: '16rem', maxWidth: '100%' },
  count: { color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200, minWidth: '6rem' },
});

interface OutputFindProps {
  /** What is searched, for screen readers: "the full output of klist.exe". */
  what: string;
  query: string;
  count: number;
  current: number;
  onQueryChange: (query: string) => void;
  /** Enter moves to the next match, Shift+Enter to the previous one. */
  onMove: (step: 1 | -1) => void;
}

function countWords(query: string, count: number, current: number): string {
  if (query === '') return '';
  if (count === 0) return 'No matches';
  return `${current + 1} of ${count} ${count === 1 ? 'match' : 'matches'}`;
}

/** The find box above a command's full output, with the number of matches. */
export function OutputFind({ what, query, count, current, onQueryChange, onMove }: OutputFindProps) {
  const styles = useStyles();
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key !== 'Enter') return;
    event.preventDefault();
    onMove(event.shiftKey ? -1 : 1);
  };
  return (
    <div className={styles.find}>
      <SearchBox
        className={styles.box}
        size="small"
        placeholder="Find in output"
        aria-label={`Find in ${what}`}
        value={query}
        onChange={(_, data) => onQueryChange(data.value)}
        onKeyDown={onKeyDown}
      />
      <span className={styles.count} aria-live="polite" data-testid="find-count">
        {countWords(query, count, current)}
      </span>
    </div>
  );
}
