import type { FixAttempt } from '@contract/fix-attempt';
import { makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { OUTCOME_LABEL } from '../lib/fix-words';

const useStyles = makeStyles({
  badge: {
    display: 'inline-block',
    fontSize: tokens.fontSizeBase200,
    fontWeight: tokens.fontWeightSemibold,
    padding: `0 ${tokens.spacingHorizontalS}`,
    borderRadius: tokens.borderRadiusMedium,
    border: '1px solid currentColor',
    whiteSpace: 'nowrap',
  },
  done: { color: tokens.colorStatusSuccessForeground1 },
  simulated: { color: tokens.colorBrandForeground1 },
  shown: { color: tokens.colorNeutralForeground2 },
  refused: { color: tokens.colorStatusWarningForeground1 },
  failed: { color: tokens.colorPaletteRedForeground1 },
});

/** A fix attempt's outcome as a word in a coloured outline (the word carries the meaning). */
export function OutcomeBadge({ outcome }: { outcome: FixAttempt['outcome'] }) {
  const styles = useStyles();
  return (
    <span className={mergeClasses(styles.badge, styles[outcome])} data-testid="outcome-badge">
      {OUTCOME_LABEL[outcome]}
    </span>
  );
}
