import { makeStyles, tokens } from '@fluentui/react-components';
import { useReadOnly } from '../state/source-store';

const useStyles = makeStyles({
  notice: {
    margin: 0,
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalM}`,
    borderLeft: `4px solid ${tokens.colorNeutralStroke1}`,
    backgroundColor: tokens.colorNeutralBackground3,
    color: tokens.colorNeutralForeground1,
  },
  label: { fontWeight: tokens.fontWeightSemibold },
});

/** Over a checklist opened from a fleet's report file: what it is, and what it cannot do. */
export function FleetReportNotice() {
  const styles = useStyles();
  const readOnly = useReadOnly();
  if (!readOnly) return null;
  return (
    <p className={styles.notice} data-testid="read-only-notice">
      <span className={styles.label}>From a report file: read-only.</span> The verdict and evidence as the
      report recorded them. Nothing re-runs and no fix is offered; open the device's capture to check it
      again.
    </p>
  );
}
