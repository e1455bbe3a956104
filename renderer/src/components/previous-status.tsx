import type { CheckStatus } from '@contract/types';
import { makeStyles, tokens } from '@fluentui/react-components';
import { STATUS_LABEL } from '../lib/words';

const useStyles = makeStyles({
  was: {
    justifySelf: 'start',
    fontSize: tokens.fontSizeBase200,
    color: tokens.colorNeutralForeground2,
    border: `1px solid ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
    padding: `0 ${tokens.spacingHorizontalXS}`,
    whiteSpace: 'nowrap',
  },
});

/** "was: Fail" under a row's status, after a fix (or pasted output) changed it. */
export function PreviousStatus({ status }: { status: CheckStatus }) {
  const styles = useStyles();
  return (
    <span className={styles.was} data-testid="previous-status">
      was: {STATUS_LABEL[status]}
    </span>
  );
}
