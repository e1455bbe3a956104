import { makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { useSettingsStore } from '../state/settings-store';

const useStyles = makeStyles({
  pre: {
    margin: 0,
    fontFamily: tokens.fontFamilyMonospace,
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase300,
    backgroundColor: tokens.colorNeutralBackground3,
    color: tokens.colorNeutralForeground1,
    borderRadius: tokens.borderRadiusMedium,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    // Long output lines wrap instead of widening the window.
    whiteSpace: 'pre-wrap',
    overflowWrap: 'anywhere',
  },
  scroll: {
    maxHeight: '24rem',
    overflowY: 'auto',
    borderRadius: tokens.borderRadiusMedium,
    ':focus-visible': { outline: `2px solid ${tokens.colorStrokeFocus2}`, outlineOffset: '2px' },
  },
  line: { display: 'block', minHeight: '1em' },
  mark: {
    display: 'block',
    minHeight: '1em',
    color: tokens.colorNeutralForeground1,
    marginLeft: `calc(-1 * ${tokens.spacingHorizontalM})`,
    paddingLeft: `calc(${tokens.spacingHorizontalM} - 3px)`,
  },
  // The theme has no single "highlighter" token that reads well in both themes: pick one per theme.
  markLight: {
    backgroundColor: tokens.colorPaletteYellowBackground2,
    borderLeft: `3px solid ${tokens.colorPaletteMarigoldBorderActive}`,
  },
  markDark: {
    backgroundColor: tokens.colorPaletteYellowBackground1,
    borderLeft: `3px solid ${tokens.colorPaletteYellowBorderActive}`,
  },
});

interface OutputLinesProps {
  lines: string[];
  /** Lines to highlight: they decided the verdict. Compared without surrounding spaces. */
  highlight: ReadonlySet<string>;
  /** When given, the output scrolls inside a keyboard-reachable region with this name. */
  region?: string;
}

/** Command output, with the deciding lines marked (by a bar and background, not colour alone). */
export function OutputLines({ lines, highlight, region }: OutputLinesProps) {
  const styles = useStyles();
  const dark = useSettingsStore((s) => s.colorScheme === 'dark');
  const markClass = mergeClasses(styles.mark, dark ? styles.markDark : styles.markLight);
  const pre = (
    <pre className={styles.pre}>
      {lines.map((line, index) =>
        highlight.has(line.trim()) ? (
          // biome-ignore lint/suspicious/noArrayIndexKey: output lines repeat; their position is their identity.
          <mark key={index} className={markClass}>
            {line}
          </mark>
        ) : (
          // biome-ignore lint/suspicious/noArrayIndexKey: see above.
          <span key={index} className={styles.line}>
            {line}
          </span>
        ),
      )}
    </pre>
  );
  if (region === undefined) return pre;
  // A scrolling box must be reachable by keyboard, and a named region tells screen readers what it holds.
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: keyboard users scroll the output with the arrow keys.
    <section className={styles.scroll} aria-label={region} tabIndex={0}>
      {pre}
    </section>
  );
}
