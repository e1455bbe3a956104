import type { PracticeInfo } from '@contract/api-contract';
import { SIGN_OUT_AND_IN } from '@contract/scenario-actions';
import type { CheckResult } from '@contract/types';
import { makeStyles, tokens } from '@fluentui/react-components';
import { useId } from 'react';
import { actionTitle, practiceExplanation } from '../lib/fix-words';
import { useAppInfoStore } from '../state/app-info-store';
import { useRunStore } from '../state/run-store';
import { SimulateButton } from './simulate-button';

const useStyles = makeStyles({
  box: {
    display: 'grid',
    gap: tokens.spacingVerticalXS,
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalM}`,
    borderRadius: tokens.borderRadiusMedium,
    border: `1px dashed ${tokens.colorBrandStroke1}`,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  action: {
    display: 'flex',
    alignItems: 'center',
    justifyContent: 'space-between',
    columnGap: tokens.spacingHorizontalL,
    rowGap: tokens.spacingVerticalXS,
    flexWrap: 'wrap',
  },
  text: {
    margin: 0,
    flex: '1 1 28rem',
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
  },
  heading: { display: 'inline', margin: 0, fontSize: 'inherit', fontWeight: tokens.fontWeightSemibold },
});

/** Practice steps that no row offers as a fix: the person's own part, such as signing out and in. */
function stepsOutsideRows(
  practice: PracticeInfo | null,
  checks: readonly CheckResult[],
): PracticeInfo['actions'] {
  if (!practice) return [];
  const offered = new Set<string>(checks.flatMap((c) => c.fixes));
  return practice.actions.filter((a) => a.action === SIGN_OUT_AND_IN || !offered.has(a.action));
}

function buttonLabel(action: string, title: string): string {
  return action === SIGN_OUT_AND_IN
    ? 'Simulate: user signs out, signs in and sets up the PIN'
    : `Simulate: ${title}`;
}

/** Near the verdict in a practice scenario: what the user does next, which the app cannot do for them. */
export function PracticeBox() {
  const styles = useStyles();
  const headingId = useId();
  const practice = useRunStore((s) => s.practice);
  const checks = useRunStore((s) => s.report?.checks);
  const fixes = useAppInfoStore((s) => s.info?.fixes);
  const steps = stepsOutsideRows(practice, checks ?? []);
  if (steps.length === 0) return null;
  return (
    <section className={styles.box} aria-labelledby={headingId} data-testid="practice-box">
      {steps.map(({ action, note }, index) => {
        const textId = `${headingId}-${action}`;
        return (
          <div key={action} className={styles.action}>
            <div className={styles.text} id={textId}>
              {index === 0 && (
                <>
                  <h2 className={styles.heading} id={headingId}>
                    Practice: the user's part
                  </h2>
                  <span aria-hidden="true"> — </span>
                </>
              )}
              Only the user can do this step; simulating it means {practiceExplanation(note)}
            </div>
            <SimulateButton
              action={action}
              checkId={null}
              label={buttonLabel(action, actionTitle(action, fixes))}
              size="small"
              describedBy={textId}
            />
          </div>
        );
      })}
    </section>
  );
}
