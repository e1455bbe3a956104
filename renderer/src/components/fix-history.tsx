import { makeStyles, tokens } from '@fluentui/react-components';
import { useEffect, useId, useRef } from 'react';
import { scrollToTopOfList } from '../lib/scroll';
import { useFixStore } from '../state/fix-store';
import { useRunStore } from '../state/run-store';
import { DisclosureChevron } from './disclosure-chevron';
import { FixHistoryEntry } from './fix-history-entry';

const useStyles = makeStyles({
  section: { borderTop: `1px solid ${tokens.colorNeutralStroke1}`, marginTop: tokens.spacingVerticalL },
  heading: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  toggle: {
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalS,
    width: '100%',
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalL}`,
    border: 'none',
    background: 'transparent',
    color: 'inherit',
    font: 'inherit',
    textAlign: 'left',
    cursor: 'pointer',
    ':hover': { backgroundColor: tokens.colorSubtleBackgroundHover },
    ':focus-visible': { outline: `2px solid ${tokens.colorStrokeFocus2}`, outlineOffset: '-2px' },
  },
  hint: {
    fontSize: tokens.fontSizeBase200,
    fontWeight: tokens.fontWeightRegular,
    color: tokens.colorNeutralForeground2,
  },
  list: { listStyle: 'none', margin: 0, padding: `0 0 ${tokens.spacingVerticalL}` },
});

/** The session's audit trail: every fix attempted, newest first. Hidden until there is one. */
export function FixHistory() {
  const styles = useStyles();
  const listId = useId();
  const toggleRef = useRef<HTMLButtonElement>(null);
  const attempts = useRunStore((s) => s.report?.fixAttempts);
  const open = useFixStore((s) => s.historyOpen);
  const setOpen = useFixStore((s) => s.setHistoryOpen);
  const revealSeq = useFixStore((s) => s.historyRevealSeq);

  useEffect(() => {
    if (revealSeq === 0) return;
    const toggle = toggleRef.current;
    if (!toggle) return;
    scrollToTopOfList(toggle);
    toggle.focus({ preventScroll: true });
  }, [revealSeq]);

  if (!attempts || attempts.length === 0) return null;
  const newestFirst = [...attempts].reverse();
  return (
    <section className={styles.section} aria-labelledby={`${listId}-heading`} data-testid="fix-history">
      <h2 className={styles.heading} id={`${listId}-heading`}>
        <button
          ref={toggleRef}
          type="button"
          className={styles.toggle}
          aria-expanded={open}
          aria-controls={listId}
          onClick={() => setOpen(!open)}
        >
          <DisclosureChevron open={open} />
          Fix history ({attempts.length})<span className={styles.hint}> · newest first</span>
        </button>
      </h2>
      <ul id={listId} className={styles.list} hidden={!open}>
        {newestFirst.map((attempt, index) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: attempts are only ever appended; position is identity.
          <FixHistoryEntry key={attempts.length - index} attempt={attempt} />
        ))}
      </ul>
    </section>
  );
}
