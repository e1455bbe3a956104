import type { FixInfo } from '@contract/fix-info';
import type { CheckId } from '@contract/types';
import { makeStyles, tokens } from '@fluentui/react-components';
import { useId } from 'react';
import { isRunnable, practiceDeclares, WHERE_IT_RUNS } from '../lib/fix-words';
import { useRunStore } from '../state/run-store';
import { FixFacts } from './fix-facts';
import { FixRunButton } from './fix-run-button';
import { FixStepView } from './fix-step-view';
import { SimulateButton } from './simulate-button';

const useStyles = makeStyles({
  card: {
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    display: 'grid',
    gap: tokens.spacingVerticalXS,
    backgroundColor: tokens.colorNeutralBackground1,
    minWidth: 0,
  },
  title: {
    margin: 0,
    fontSize: tokens.fontSizeBase300,
    fontWeight: tokens.fontWeightSemibold,
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalS,
    flexWrap: 'wrap',
  },
  destructive: {
    fontSize: tokens.fontSizeBase200,
    color: tokens.colorPaletteRedForeground2,
    backgroundColor: tokens.colorStatusDangerBackground1,
    border: `1px solid ${tokens.colorStatusDangerBorder1}`,
    borderRadius: tokens.borderRadiusSmall,
    padding: `0 ${tokens.spacingHorizontalXS}`,
  },
  actions: {
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalM,
    flexWrap: 'wrap',
    marginTop: tokens.spacingVerticalXS,
  },
});

/** The label of the practice button for a fix that only shows words or a command. */
function simulateLabel(fix: FixInfo): string {
  return fix.context === 'admin-elsewhere' ? 'Simulate: the admin ran it' : 'Simulate: the user did it';
}

/** One fix: what it does, what it costs, where it runs, its steps, and how to carry it out. */
export function FixCard({ fix, checkId }: { fix: FixInfo; checkId: CheckId }) {
  const styles = useStyles();
  const titleId = useId();
  const steps = useRunStore((s) => s.fixPlans[fix.id]);
  const practice = useRunStore((s) => s.practice);
  const runnable = isRunnable(steps);
  const simulate = !runnable && steps !== undefined && practiceDeclares(practice, fix.id);
  return (
    <section className={styles.card} aria-labelledby={titleId} data-fix-id={fix.id}>
      <h5 className={styles.title} id={titleId}>
        {fix.title}
        {fix.destructive && <span className={styles.destructive}>Deletes data</span>}
      </h5>
      <FixFacts
        facts={[
          ['What it does', fix.does],
          ['What it costs', fix.cost],
          ['Where it runs', WHERE_IT_RUNS[fix.context]],
        ]}
      />
      {steps?.map((step) => (
        <FixStepView key={`${step.kind}-${JSON.stringify(step)}`} step={step} fixTitle={fix.title} />
      ))}
      <FixFacts facts={[['Afterwards', fix.after]]} />
      {(runnable || simulate) && (
        <div className={styles.actions}>
          {runnable && <FixRunButton fixId={fix.id} checkId={checkId} describedBy={titleId} />}
          {simulate && (
            <SimulateButton
              action={fix.id}
              checkId={checkId}
              label={simulateLabel(fix)}
              describedBy={titleId}
            />
          )}
        </div>
      )}
    </section>
  );
}
