import { makeStyles, Spinner, tokens } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import { formatSeconds } from '../lib/format-time';
import { countsInWords } from '../lib/words';
import { useRunStore } from '../state/run-store';
import { useReadOnly } from '../state/source-store';

const useStyles = makeStyles({
  status: {
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalS,
    minHeight: '24px',
    color: tokens.colorNeutralForeground2,
    fontSize: tokens.fontSizeBase200,
  },
});

/** Elapsed time while checks run; the tally and duration once they are done. */
export function RunStatus() {
  const styles = useStyles();
  const running = useRunStore((s) => s.running);
  const runningLabel = useRunStore((s) => s.runningLabel);
  const startedAt = useRunStore((s) => s.startedAt);
  const durationMs = useRunStore((s) => s.durationMs);
  const counts = useRunStore((s) => s.report?.counts);
  // A report file was checked when it was written, not now: its time is the header's "Captured".
  const readOnly = useReadOnly();
  const [now, setNow] = useState(() => Date.now());

  useEffect(() => {
    if (!running) return;
    const timer = setInterval(() => setNow(Date.now()), 100);
    return () => clearInterval(timer);
  }, [running]);

  if (running) {
    const elapsed = startedAt === null ? 0 : Math.max(0, now - startedAt);
    return (
      <div className={styles.status} data-testid="run-status">
        <Spinner size="tiny" aria-hidden="true" />
        <span>
          {runningLabel} {formatSeconds(elapsed)}
        </span>
      </div>
    );
  }
  return (
    <div className={styles.status} data-testid="run-status">
      {counts && (
        <span>
          {countsInWords(counts)}
          {durationMs !== null && !readOnly ? ` · checked in ${formatSeconds(durationMs)}` : ''}
        </span>
      )}
    </div>
  );
}
