import { makeStyles, tokens } from '@fluentui/react-components';
import { type KeyboardEvent, useEffect, useRef } from 'react';
import { blockedBy } from '../lib/blocked-by';
import { keepInList } from '../lib/scroll';
import { headlineRowTag } from '../lib/words';
import { useChecklistViewStore } from '../state/checklist-view-store';
import { useRunStore } from '../state/run-store';
import { CheckRow } from './check-row';

const useStyles = makeStyles({
  list: { listStyle: 'none', margin: 0, padding: 0 },
  empty: {
    margin: 0,
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalL}`,
    color: tokens.colorNeutralForeground2,
  },
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

/** The steps of the chain, in report order (only those that did not pass, when asked). */
export function Checklist() {
  const styles = useStyles();
  const list = useRef<HTMLOListElement>(null);
  const report = useRunStore((s) => s.report);
  const problemsOnly = useChecklistViewStore((s) => s.problemsOnly);
  const pinned = useChecklistViewStore((s) => s.pinned);
  const headline = report?.headline;
  const headlineId = headline?.status === 'fail' || headline?.status === 'warn' ? headline.checkId : null;
  const openedKey = report ? `${JSON.stringify(report.source)}|${report.capturedAt}|${headlineId}` : '';

  // A new device, scenario or verdict: its row shows without anyone scrolling for it.
  useEffect(() => {
    if (openedKey === '' || !headlineId) return;
    const element = list.current?.querySelector<HTMLElement>(`[data-check-id="${headlineId}"]`);
    if (element) keepInList(element, element.offsetHeight);
  }, [openedKey, headlineId]);

  if (!report || !headline) return null;
  const rows = report.checks.filter((c) => !problemsOnly || c.status !== 'pass' || pinned[c.id]);
  const tag = headlineRowTag(headline);
  return (
    <section aria-labelledby={CHECKLIST_HEADING_ID}>
      <ol ref={list} className={styles.list} onKeyDown={moveBetweenRows}>
        {rows.map((check) => (
          <CheckRow
            key={check.id}
            check={check}
            isHeadline={check.id === headlineId}
            headlineTag={tag}
            blocked={blockedBy(report.checks, check)}
          />
        ))}
      </ol>
      {rows.length === 0 && (
        <p className={styles.empty} data-testid="no-problems">
          Every step passed: “Problems only” has nothing to show.
        </p>
      )}
    </section>
  );
}
