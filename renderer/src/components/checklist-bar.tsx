import { makeStyles, Switch, tokens } from '@fluentui/react-components';
import { useChecklistViewStore } from '../state/checklist-view-store';
import { useRunStore } from '../state/run-store';
import { CHECKLIST_HEADING_ID } from './checklist';
import { RunStatus } from './run-status';

const useStyles = makeStyles({
  bar: {
    flex: 'none',
    display: 'flex',
    alignItems: 'center',
    columnGap: tokens.spacingHorizontalL,
    flexWrap: 'wrap',
    padding: `0 ${tokens.spacingHorizontalS} 0 ${tokens.spacingHorizontalL}`,
    borderTop: `1px solid ${tokens.colorNeutralStroke2}`,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
    minHeight: '36px',
  },
  heading: {
    margin: 0,
    fontSize: tokens.fontSizeBase400,
    fontWeight: tokens.fontWeightSemibold,
    ':focus-visible': { outline: `2px solid ${tokens.colorStrokeFocus2}`, outlineOffset: '2px' },
  },
  filter: { marginLeft: 'auto' },
});

/** Above the rows: the checklist's heading, the tally, and the "problems only" filter. */
export function ChecklistBar() {
  const styles = useStyles();
  const steps = useRunStore((s) => s.report?.checks.length);
  const problemsOnly = useChecklistViewStore((s) => s.problemsOnly);
  const setProblemsOnly = useChecklistViewStore((s) => s.setProblemsOnly);
  return (
    <div className={styles.bar}>
      {steps !== undefined && (
        <h2 id={CHECKLIST_HEADING_ID} className={styles.heading} tabIndex={-1}>
          Checklist ({steps} steps)
        </h2>
      )}
      <RunStatus />
      {steps !== undefined && (
        <Switch
          className={styles.filter}
          label="Problems only"
          checked={problemsOnly}
          data-testid="problems-only"
          onChange={(_, data) => setProblemsOnly(data.checked)}
        />
      )}
    </div>
  );
}
