import type { FixAttempt } from '@contract/fix-attempt';
import { SIGN_OUT_AND_IN } from '@contract/scenario-actions';
import { makeStyles, tokens } from '@fluentui/react-components';
import { formatTime } from '../lib/format-time';
import { useAppInfoStore } from '../state/app-info-store';
import { AttemptOutput } from './attempt-output';
import { OutcomeBadge } from './outcome-badge';

const useStyles = makeStyles({
  entry: {
    display: 'grid',
    gridTemplateColumns: '6rem minmax(0, 1fr)',
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalXXS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    borderTop: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  time: { color: tokens.colorNeutralForeground2, fontVariantNumeric: 'tabular-nums' },
  body: { display: 'grid', gap: tokens.spacingVerticalXS, minWidth: 0 },
  top: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  title: { fontWeight: tokens.fontWeightSemibold },
  message: { margin: 0, maxWidth: '75ch' },
});

/** One attempt: when, which fix, what came of it (the message as recorded), and its output. */
export function FixHistoryEntry({ attempt }: { attempt: FixAttempt }) {
  const styles = useStyles();
  const fixId = attempt.fixId;
  const fixTitle = useAppInfoStore((s) =>
    fixId === SIGN_OUT_AND_IN ? undefined : s.info?.fixes[fixId]?.title,
  );
  const title = fixId === SIGN_OUT_AND_IN ? 'The user signed out and in (practice)' : (fixTitle ?? fixId);
  return (
    <li
      className={styles.entry}
      data-fix-attempt=""
      data-fix-id={attempt.fixId}
      data-outcome={attempt.outcome}
    >
      <time className={styles.time} dateTime={attempt.at}>
        {formatTime(attempt.at)}
      </time>
      <div className={styles.body}>
        <div className={styles.top}>
          <span className={styles.title}>{title}</span>
          <OutcomeBadge outcome={attempt.outcome} />
        </div>
        <p className={styles.message}>{attempt.message}</p>
        {attempt.output !== '' && <AttemptOutput output={attempt.output} title={title} />}
      </div>
    </li>
  );
}
