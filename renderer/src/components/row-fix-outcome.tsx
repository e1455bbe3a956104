import type { CheckId } from '@contract/types';
import { makeStyles, tokens } from '@fluentui/react-components';
import { actionTitle, OUTCOME_LABEL } from '../lib/fix-words';
import { useAppInfoStore } from '../state/app-info-store';
import { useFixStore } from '../state/fix-store';

const useStyles = makeStyles({
  note: {
    margin: 0,
    maxWidth: '75ch',
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalM}`,
    borderLeft: `3px solid ${tokens.colorBrandStroke1}`,
    backgroundColor: tokens.colorNeutralBackground3,
    borderRadius: tokens.borderRadiusSmall,
  },
  term: { fontWeight: tokens.fontWeightSemibold },
});

/** In the row a fix was started from: what came of it (the message near the verdict says the same). */
export function RowFixOutcome({ checkId }: { checkId: CheckId }) {
  const styles = useStyles();
  const outcome = useFixStore((s) => (s.outcome?.checkId === checkId ? s.outcome : null));
  const fixes = useAppInfoStore((s) => s.info?.fixes);
  if (!outcome) return null;
  const label = outcome.kind === 'attempt' ? OUTCOME_LABEL[outcome.attempt.outcome] : 'Not run';
  const text = outcome.kind === 'attempt' ? outcome.attempt.message : outcome.reason;
  return (
    <p className={styles.note} data-testid="row-fix-outcome">
      <span className={styles.term}>
        Last fix from this step, {actionTitle(outcome.action, fixes)}: {label}.{' '}
      </span>
      {text}
    </p>
  );
}
