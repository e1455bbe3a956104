import type { CheckResult } from '@contract/types';
import { Button, makeStyles, tokens } from '@fluentui/react-components';
import { useId } from 'react';
import { firstSentence } from '../lib/first-sentence';
import { isRunnable } from '../lib/fix-words';
import { useAppInfoStore } from '../state/app-info-store';
import { useChecklistViewStore } from '../state/checklist-view-store';
import { useRunStore } from '../state/run-store';
import { FixRunButton } from './fix-run-button';

const useStyles = makeStyles({
  row: {
    display: 'flex',
    alignItems: 'center',
    columnGap: tokens.spacingHorizontalL,
    rowGap: tokens.spacingVerticalXS,
    flexWrap: 'wrap',
  },
  text: { margin: 0, flex: '1 1 24rem', minWidth: 0 },
  term: { fontWeight: tokens.fontWeightSemibold },
  buttons: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap', marginLeft: 'auto' },
});

/** Under the verdict: the next thing to do (the remedy's first sentence), the main fix, and the step. */
export function VerdictAction({ check }: { check: CheckResult }) {
  const styles = useStyles();
  const textId = useId();
  const reveal = useChecklistViewStore((s) => s.reveal);
  const firstFix = check.fixes[0];
  const fix = useAppInfoStore((s) => (firstFix ? s.info?.fixes[firstFix] : undefined));
  const runnable = useRunStore((s) => (firstFix ? isRunnable(s.fixPlans[firstFix]) : false));
  const mainFix = fix && runnable ? fix : null;
  return (
    <div className={styles.row}>
      {check.remediation ? (
        <p className={styles.text} id={textId} data-testid="next-action">
          <span className={styles.term}>What to do: </span>
          {firstSentence(check.remediation)}
        </p>
      ) : (
        <span className={styles.text} id={textId} />
      )}
      <div className={styles.buttons}>
        {mainFix && (
          <span data-testid="main-fix" data-fix-id={mainFix.id}>
            <FixRunButton
              fixId={mainFix.id}
              checkId={check.id}
              describedBy={textId}
              label={`Fix: ${mainFix.title}…`}
              appearance="primary"
            />
          </span>
        )}
        <Button appearance={mainFix ? 'secondary' : 'primary'} onClick={() => reveal(check.id)}>
          Show this step
        </Button>
      </div>
    </div>
  );
}
