import type { CheckResult } from '@contract/types';
import { makeStyles, mergeClasses, Spinner, tokens } from '@fluentui/react-components';
import { type RefObject, useEffect, useId, useRef } from 'react';
import { type BlockedBy, blockedByWords } from '../lib/blocked-by';
import { scrollToTopOfList } from '../lib/scroll';
import { useAppInfoStore } from '../state/app-info-store';
import { useChecklistViewStore } from '../state/checklist-view-store';
import { isCheckPending, useRunStore } from '../state/run-store';
import { CheckDetail } from './check-detail';
import { DisclosureChevron } from './disclosure-chevron';
import { PreviousStatus } from './previous-status';
import { StatusBadge } from './status-badge';

const useStyles = makeStyles({
  row: {
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
    borderLeft: '4px solid transparent',
  },
  // The verdict's row: a coloured bar down the whole row, a tint behind its header only.
  headline: { borderLeft: `4px solid ${tokens.colorStatusDangerBorder2}` },
  headlineWarn: { borderLeft: `4px solid ${tokens.colorStatusWarningBorder2}` },
  heading: { margin: 0, fontSize: 'inherit', fontWeight: 'inherit' },
  headingFail: { backgroundColor: tokens.colorStatusDangerBackground1 },
  headingWarn: { backgroundColor: tokens.colorStatusWarningBackground1 },
  toggle: {
    display: 'grid',
    gridTemplateColumns: '6.5rem minmax(0, 1fr) auto 1.25rem',
    alignItems: 'start',
    columnGap: tokens.spacingHorizontalM,
    width: '100%',
    padding: `${tokens.spacingVerticalSNudge} ${tokens.spacingHorizontalM}`,
    border: 'none',
    background: 'transparent',
    color: 'inherit',
    font: 'inherit',
    textAlign: 'left',
    cursor: 'pointer',
    ':hover': { backgroundColor: tokens.colorSubtleBackgroundHover },
    ':focus-visible': {
      outline: `2px solid ${tokens.colorStrokeFocus2}`,
      outlineOffset: '-2px',
    },
  },
  // A closed row reads on one line: the title, then as much of the summary as fits.
  oneLine: {
    display: 'grid',
    gridTemplateColumns: 'minmax(0, 18rem) minmax(0, 1fr)',
    columnGap: tokens.spacingHorizontalM,
    minWidth: 0,
  },
  cut: { whiteSpace: 'nowrap', overflow: 'hidden', textOverflow: 'ellipsis', minWidth: 0 },
  full: { display: 'grid', gap: tokens.spacingVerticalXXS, minWidth: 0 },
  titleLine: { display: 'flex', alignItems: 'baseline', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  title: { fontWeight: tokens.fontWeightSemibold },
  summary: { color: tokens.colorNeutralForeground2 },
  tag: {
    marginRight: tokens.spacingHorizontalXS,
    fontSize: tokens.fontSizeBase200,
    fontWeight: tokens.fontWeightSemibold,
    color: tokens.colorStatusDangerForeground1,
    textTransform: 'uppercase',
    letterSpacing: '0.04em',
  },
  tagWarn: { color: tokens.colorStatusWarningForeground1 },
  blocked: { color: tokens.colorNeutralForeground2, fontStyle: 'italic' },
  status: { display: 'grid', gap: tokens.spacingVerticalXXS, justifyItems: 'start' },
  chevron: { marginTop: '2px' },
});

interface CheckRowProps {
  check: CheckResult;
  /** This row is the verdict's step (the root cause, or the first warning). */
  isHeadline: boolean;
  /** What the verdict's row is called: "Root cause", "First warning". */
  headlineTag: string;
  blocked: BlockedBy | null;
}

/** The row's words: everything when open, one line when closed (the verdict above says the root cause in full). */
function RowText({
  check,
  expanded,
  tagText,
  blocked,
}: {
  check: CheckResult;
  expanded: boolean;
  /** The verdict row's tag ("Root cause"), or null on the other rows. */
  tagText: string | null;
  blocked: BlockedBy | null;
}) {
  const styles = useStyles();
  const warn = check.status === 'warn';
  const blockedText = blocked && <span className={styles.blocked}>{blockedByWords(blocked)}</span>;
  const contradiction = check.contradiction && (
    <span className={styles.blocked} data-contradiction="">
      The evidence disagrees with an earlier step
    </span>
  );
  const tag = tagText !== null && (
    <span className={mergeClasses(styles.tag, warn && styles.tagWarn)}>{tagText}</span>
  );
  return expanded ? (
    <span className={styles.full}>
      <span className={styles.titleLine}>
        {tag}
        <span className={styles.title}>{check.title}</span>
      </span>
      {blockedText}
      <span className={styles.summary}>{check.summary}</span>
      {contradiction}
    </span>
  ) : (
    <span className={styles.oneLine}>
      <span className={mergeClasses(styles.title, styles.cut)}>{check.title}</span>
      <span className={mergeClasses(styles.summary, styles.cut)}>
        {tag}
        {tag && ' '}
        {blockedText}
        {blocked && ' · '}
        {contradiction}
        {check.contradiction && ' · '}
        {check.summary}
      </span>
    </span>
  );
}

/** When the chain picture or the verdict asks to open this step, its button scrolls up and takes focus. */
function useFocusOnReveal(id: CheckResult['id'], buttonRef: RefObject<HTMLButtonElement | null>) {
  const revealSeq = useChecklistViewStore((s) => (s.revealRequest?.id === id ? s.revealRequest.seq : 0));
  useEffect(() => {
    if (revealSeq === 0) return;
    const button = buttonRef.current;
    if (!button) return;
    scrollToTopOfList(button);
    button.focus({ preventScroll: true });
  }, [revealSeq, buttonRef]);
}

export function CheckRow({ check, isHeadline, headlineTag, blocked }: CheckRowProps) {
  const styles = useStyles();
  const headingId = useId();
  const panelId = useId();
  const buttonRef = useRef<HTMLButtonElement>(null);
  const expanded = useChecklistViewStore((s) => s.expanded[check.id] === true);
  const toggle = useChecklistViewStore((s) => s.toggle);
  const probeIds = useAppInfoStore((s) => s.info?.checkProbes[check.id]);
  const pending = useRunStore((s) => isCheckPending(s, probeIds));
  const previous = useRunStore((s) => s.previousStatus[check.id]);
  useFocusOnReveal(check.id, buttonRef);
  const warn = check.status === 'warn';
  const text = (
    <RowText check={check} expanded={expanded} tagText={isHeadline ? headlineTag : null} blocked={blocked} />
  );

  return (
    <li
      id={`step-${check.id}`}
      className={mergeClasses(styles.row, isHeadline && (warn ? styles.headlineWarn : styles.headline))}
      data-check-id={check.id}
      data-status={check.status}
      data-headline={isHeadline ? 'true' : undefined}
      data-previous-status={previous}
      aria-busy={pending || undefined}
    >
      <h3
        className={mergeClasses(
          styles.heading,
          isHeadline && (warn ? styles.headingWarn : styles.headingFail),
        )}
        id={headingId}
      >
        <button
          ref={buttonRef}
          type="button"
          className={styles.toggle}
          aria-expanded={expanded}
          aria-controls={panelId}
          data-row-toggle=""
          onClick={() => toggle(check.id)}
        >
          <span className={styles.status}>
            <StatusBadge status={check.status} />
            {previous && <PreviousStatus status={previous} />}
          </span>
          {text}
          {pending ? <Spinner size="extra-tiny" aria-label="Checking…" /> : <span />}
          <DisclosureChevron open={expanded} className={styles.chevron} />
        </button>
      </h3>
      <div id={panelId} hidden={!expanded}>
        {expanded && <CheckDetail check={check} headingId={headingId} blocked={blocked} />}
      </div>
    </li>
  );
}
