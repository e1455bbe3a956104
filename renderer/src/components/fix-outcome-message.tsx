import type { CheckStatus } from '@contract/types';
import { Button, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { useEffect, useRef } from 'react';
import { actionTitle, OUTCOME_LABEL, withoutOutcomeWord } from '../lib/fix-words';
import { focusWhenNoDialog } from '../lib/focus';
import { STATUS_LABEL } from '../lib/words';
import { useAppInfoStore } from '../state/app-info-store';
import { type FixOutcome, useFixStore } from '../state/fix-store';
import { StatusIcon } from './status-icon';
import { useStatusColors } from './status-styles';

const useStyles = makeStyles({
  bar: {
    display: 'grid',
    gridTemplateColumns: 'auto minmax(0, 1fr) auto',
    alignItems: 'start',
    columnGap: tokens.spacingHorizontalM,
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalM}`,
    borderRadius: tokens.borderRadiusMedium,
    borderLeft: '4px solid',
    '--status-icon-contrast': tokens.colorNeutralBackground1,
    ':focus-visible': { outline: `2px solid ${tokens.colorStrokeFocus2}`, outlineOffset: '2px' },
  },
  good: {
    backgroundColor: tokens.colorStatusSuccessBackground1,
    borderLeftColor: tokens.colorStatusSuccessBorder2,
  },
  refused: {
    backgroundColor: tokens.colorStatusWarningBackground1,
    borderLeftColor: tokens.colorStatusWarningBorder2,
  },
  bad: {
    backgroundColor: tokens.colorStatusDangerBackground1,
    borderLeftColor: tokens.colorStatusDangerBorder2,
  },
  icon: { paddingTop: '2px' },
  text: { display: 'grid', minWidth: 0 },
  line: { margin: 0 },
  title: { fontWeight: tokens.fontWeightSemibold },
  actions: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalXS },
});

type Tone = 'good' | 'refused' | 'bad';
const ICON: Record<Tone, CheckStatus> = { good: 'pass', refused: 'warn', bad: 'fail' };

function toneOf(outcome: FixOutcome): Tone {
  if (outcome.kind === 'not-run' || outcome.attempt.outcome === 'failed') return 'bad';
  return outcome.attempt.outcome === 'refused' ? 'refused' : 'good';
}

function changedWords(outcome: FixOutcome): string | null {
  if (outcome.kind !== 'attempt' || outcome.changes.length === 0) return null;
  const parts = outcome.changes.map((c) => `${c.title} (${STATUS_LABEL[c.from]} → ${STATUS_LABEL[c.to]})`);
  return `Changed: ${parts.join('; ')}.`;
}

function DismissIcon() {
  return (
    <svg width="16" height="16" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
      <path d="M4 4l8 8M12 4l-8 8" stroke="currentColor" strokeWidth="1.6" />
    </svg>
  );
}

/** What came of the last fix, near the verdict; it takes focus, so keyboard users land on the news. */
export function FixOutcomeMessage() {
  const styles = useStyles();
  const colors = useStatusColors();
  const outcome = useFixStore((s) => s.outcome);
  const dismiss = useFixStore((s) => s.dismissOutcome);
  const revealHistory = useFixStore((s) => s.revealHistory);
  const fixes = useAppInfoStore((s) => s.info?.fixes);
  const box = useRef<HTMLDivElement>(null);
  const seq = outcome?.seq ?? 0;

  useEffect(() => {
    if (seq > 0) focusWhenNoDialog(() => box.current);
  }, [seq]);

  // The status region always exists, so screen readers read each new outcome.
  if (!outcome) return <div role="status" data-testid="fix-outcome" />;
  const tone = toneOf(outcome);
  const label = outcome.kind === 'attempt' ? OUTCOME_LABEL[outcome.attempt.outcome] : 'Not run';
  const message =
    outcome.kind === 'attempt'
      ? withoutOutcomeWord(outcome.attempt.message, outcome.attempt.outcome)
      : outcome.reason;
  const changed = changedWords(outcome);
  return (
    <div role="status" data-testid="fix-outcome">
      <div
        ref={box}
        tabIndex={-1}
        className={mergeClasses(styles.bar, styles[tone])}
        data-outcome={outcome.kind === 'attempt' ? outcome.attempt.outcome : 'not-run'}
      >
        <span className={mergeClasses(styles.icon, colors[ICON[tone]])}>
          <StatusIcon status={ICON[tone]} size={18} />
        </span>
        <div className={styles.text}>
          <p className={styles.line}>
            <span className={styles.title}>
              {label}: {actionTitle(outcome.action, fixes)}
            </span>
            {' — '}
            <span data-testid="fix-outcome-message">{message}</span>
          </p>
          {changed && (
            <p className={styles.line} data-testid="fix-outcome-changes">
              {changed}
            </p>
          )}
        </div>
        <div className={styles.actions}>
          {outcome.kind === 'attempt' && (
            <Button size="small" onClick={revealHistory}>
              Show fix history
            </Button>
          )}
          <Button
            size="small"
            appearance="subtle"
            aria-label="Dismiss the fix outcome"
            icon={<DismissIcon />}
            onClick={dismiss}
          />
        </div>
      </div>
    </div>
  );
}
