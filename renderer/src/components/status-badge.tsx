import type { CheckStatus } from '@contract/types';
import { makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { STATUS_LABEL } from '../lib/words';
import { StatusIcon } from './status-icon';
import { useStatusColors } from './status-styles';

const useStyles = makeStyles({
  badge: {
    display: 'inline-flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalXS,
    fontWeight: tokens.fontWeightSemibold,
    whiteSpace: 'nowrap',
    // Drawn marks on a filled icon use the page background, so they stay visible in both themes.
    '--status-icon-contrast': tokens.colorNeutralBackground1,
  },
});

/** Icon, colour and word together: the status never depends on colour alone. */
export function StatusBadge({ status, label }: { status: CheckStatus; label?: string }) {
  const styles = useStyles();
  const colors = useStatusColors();
  return (
    <span className={mergeClasses(styles.badge, colors[status])}>
      <StatusIcon status={status} />
      <span>{label ?? STATUS_LABEL[status]}</span>
    </span>
  );
}
