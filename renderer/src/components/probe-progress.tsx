import type { ProbeId } from '@contract/types';
import { makeStyles, mergeClasses, Spinner, tokens } from '@fluentui/react-components';
import { type ProbeProgress as Progress, useRunStore } from '../state/run-store';
import { StatusIcon } from './status-icon';
import { useStatusColors } from './status-styles';

const useStyles = makeStyles({
  box: {
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalL}`,
    display: 'grid',
    gap: tokens.spacingVerticalS,
  },
  heading: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  list: { listStyle: 'none', margin: 0, padding: 0, display: 'grid', gap: tokens.spacingVerticalXXS },
  item: {
    display: 'grid',
    gridTemplateColumns: '20px 5rem minmax(0, 1fr)',
    alignItems: 'center',
    columnGap: tokens.spacingHorizontalS,
  },
  state: { color: tokens.colorNeutralForeground2 },
  icon: { display: 'inline-flex', '--status-icon-contrast': tokens.colorNeutralBackground1 },
});

const WORDS: Record<Progress, string> = {
  waiting: 'Waiting',
  running: 'Running',
  done: 'Done',
  failed: 'Problem',
};

/** Before the first checklist exists: which commands are still running. */
export function ProbeProgress() {
  const styles = useStyles();
  const colors = useStatusColors();
  const running = useRunStore((s) => s.running);
  const hasReport = useRunStore((s) => s.report !== null);
  const probes = useRunStore((s) => s.probes);
  if (!running || hasReport) return null;
  const entries = Object.entries(probes) as [ProbeId, Progress][];
  return (
    <section className={styles.box} aria-label="Collecting evidence">
      <h2 className={styles.heading}>Collecting evidence…</h2>
      <ul className={styles.list}>
        {entries.map(([id, state]) => (
          <li key={id} className={styles.item} data-probe-id={id} data-progress={state}>
            <span className={mergeClasses(styles.icon, state === 'failed' ? colors.warn : colors.pass)}>
              {state === 'done' || state === 'failed' ? (
                <StatusIcon status={state === 'done' ? 'pass' : 'warn'} size={16} />
              ) : (
                <Spinner size="extra-tiny" aria-hidden="true" />
              )}
            </span>
            <span className={styles.state}>{WORDS[state]}</span>
            <code>{id}</code>
          </li>
        ))}
      </ul>
    </section>
  );
}
