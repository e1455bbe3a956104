import { makeStyles, tokens } from '@fluentui/react-components';
import type { KeyboardEvent } from 'react';
import type { CheckId } from '../../../electron/engine/types';
import { useRunStore } from '../state/run-store';
import { CheckRow } from './check-row';

const useStyles = makeStyles({
  heading: {
    margin: 0,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalL}`,
    fontSize: tokens.fontSizeBase400,
    fontWeight: tokens.fontWeightSemibold,
    ':focus-visible': { outline: `2px solid ${tokens.colorStrokeFocus2}`, outlineOffset: '-2px' },
  },
  list: { listStyle: 'none', margin: 0, padding: 0 },
});

export const CHECKLIST_HEADING_ID = 'checklist';

/** Up/Down/Home/End move between rows; Enter and Space (native buttons) open and close them. */
function moveBetweenRows(event: KeyboardEvent<HTMLOListElement>) {
  const keys = ['ArrowDown', 'ArrowUp', 'Home', 'End'];
  const target = event.target as HTMLElement;
  if (!keys.includes(event.key) || !target.matches('[data-row-toggle]')) return;
  const toggles = [...event.currentTarget.querySelectorAll<HTMLButtonElement>('[data-row-toggle]')];
  const at = toggles.indexOf(target as HTMLButtonElement);
  const next =
    event.key === 'Home'
      ? 0
      : event.key === 'End'
        ? toggles.length - 1
        : Math.min(toggles.length - 1, Math.max(0, at + (event.key === 'ArrowDown' ? 1 : -1)));
  event.preventDefault();
  toggles[next]?.focus();
}

/** The steps of the chain, in report order. */
export function Checklist() {
  const styles = useStyles();
  const report = useRunStore((s) => s.report);
  if (!report) return null;
  const titles = new Map<CheckId, string>(report.checks.map((c) => [c.id, c.title]));
  const headlineId =
    report.headline.status === 'fail' || report.headline.status === 'warn' ? report.headline.checkId : null;
  return (
    <section aria-labelledby={CHECKLIST_HEADING_ID}>
      <h2 id={CHECKLIST_HEADING_ID} className={styles.heading} tabIndex={-1}>
        Checklist ({report.checks.length} steps)
      </h2>
      <ol className={styles.list} onKeyDown={moveBetweenRows}>
        {report.checks.map((check) => (
          <CheckRow
            key={check.id}
            check={check}
            isHeadline={check.id === headlineId}
            blockedByTitle={
              check.status === 'blocked' && check.blockedBy
                ? (titles.get(check.blockedBy) ?? check.blockedBy)
                : null
            }
          />
        ))}
      </ol>
    </section>
  );
}
