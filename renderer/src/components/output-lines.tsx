import { makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { useEffect, useRef } from 'react';
import { findInLines, type LinePart } from '../lib/find-matches';
import type { OutputLine } from '../lib/readable-output';
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
  // A found text: a box around it, so it shows on a marked line too and without colour.
  found: {
    color: tokens.colorNeutralForeground1,
    backgroundColor: tokens.colorPaletteLightTealBackground2,
    outline: `1px solid ${tokens.colorPaletteLightTealBorderActive}`,
    borderRadius: tokens.borderRadiusSmall,
  },
  // The match Enter moved to: thicker box and underline.
  current: {
    outline: `2px solid ${tokens.colorNeutralForeground1}`,
    textDecorationLine: 'underline',
    textDecorationThickness: '2px',
  },
});

interface OutputLinesProps {
  lines: readonly OutputLine[];
  /** When given, the output scrolls inside a keyboard-reachable region with this name. */
  region?: string;
  /** Text to find: every match is boxed, the current one more strongly and scrolled into view. */
  find?: { query: string; current: number };
}

/** Scrolls a box (not the window or the checklist) so that an element inside it shows. */
function scrollWithin(box: HTMLElement, element: HTMLElement): void {
  const boxRect = box.getBoundingClientRect();
  const rect = element.getBoundingClientRect();
  if (rect.top < boxRect.top || rect.bottom > boxRect.bottom) {
    box.scrollTop += rect.top - boxRect.top - boxRect.height / 3;
  }
}

/** Command output, with the deciding lines marked (by a bar and background, not colour alone). */
export function OutputLines({ lines, region, find }: OutputLinesProps) {
  const styles = useStyles();
  const dark = useSettingsStore((s) => s.colorScheme === 'dark');
  const box = useRef<HTMLElement>(null);
  const markClass = mergeClasses(styles.mark, dark ? styles.markDark : styles.markLight);
  const query = find?.query ?? '';
  const current = find?.current ?? -1;
  const { parts } = findInLines(
    lines.map((line) => line.text),
    query,
  );

  useEffect(() => {
    if (current < 0 || query === '' || !box.current) return;
    const element = box.current.querySelector<HTMLElement>('[data-current-match]');
    if (element) scrollWithin(box.current, element);
  }, [current, query]);

  const content = (lineParts: LinePart[]) =>
    lineParts.map((part, index) =>
      part.match === null ? (
        part.text
      ) : (
        <mark
          // biome-ignore lint/suspicious/noArrayIndexKey: parts of one line never move.
          key={index}
          className={mergeClasses(styles.found, part.match === current && styles.current)}
          data-find-match={part.match}
          data-current-match={part.match === current ? '' : undefined}
        >
          {part.text}
        </mark>
      ),
    );

  const pre = (
    <pre className={styles.pre}>
      {lines.map((line, index) =>
        line.marked ? (
          // biome-ignore lint/suspicious/noArrayIndexKey: output lines repeat; their position is their identity.
          <mark key={index} className={markClass}>
            {content(parts[index] ?? [])}
          </mark>
        ) : (
          // biome-ignore lint/suspicious/noArrayIndexKey: see above.
          <span key={index} className={styles.line}>
            {content(parts[index] ?? [])}
          </span>
        ),
      )}
    </pre>
  );
  if (region === undefined) return pre;
  // A scrolling box must be reachable by keyboard, and a named region tells screen readers what it holds.
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: keyboard users scroll the output with the arrow keys.
    <section ref={box} className={styles.scroll} aria-label={region} tabIndex={0}>
      {pre}
    </section>
  );
}
