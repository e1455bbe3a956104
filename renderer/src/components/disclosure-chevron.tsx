import { makeStyles, mergeClasses, tokens } from '@fluentui/react-components';

const useStyles = makeStyles({
  chevron: { transition: 'transform 120ms', color: tokens.colorNeutralForeground2, flexShrink: 0 },
  open: { transform: 'rotate(90deg)' },
});

/** The arrow beside an expandable heading: points right when closed, down when open. */
export function DisclosureChevron({ open, className }: { open: boolean; className?: string }) {
  const styles = useStyles();
  return (
    <svg
      className={mergeClasses(styles.chevron, open && styles.open, className)}
      width="16"
      height="16"
      viewBox="0 0 16 16"
      aria-hidden="true"
      focusable="false"
    >
      <path d="M6 3.5L10.5 8 6 12.5" fill="none" stroke="currentColor" strokeWidth="1.6" />
    </svg>
  );
}
