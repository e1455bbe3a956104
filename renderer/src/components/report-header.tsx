import { makeStyles, tokens } from '@fluentui/react-components';
import { formatDateTime } from '../lib/format-time';
import { JOIN_TYPE_WORDS } from '../lib/words';
import { useRunStore } from '../state/run-store';
import { useSourceStore } from '../state/source-store';
import { sourceLabel } from './source-label';

const useStyles = makeStyles({
  facts: {
    display: 'flex',
    flexWrap: 'wrap',
    columnGap: tokens.spacingHorizontalL,
    rowGap: 0,
    margin: 0,
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
  },
  fact: { display: 'flex', gap: tokens.spacingHorizontalXS, minWidth: 0 },
  term: { color: tokens.colorNeutralForeground2 },
  value: { margin: 0, fontWeight: tokens.fontWeightSemibold, overflowWrap: 'anywhere' },
});

/** Which device, which user, when, and from where the evidence came. */
export function ReportHeader() {
  const styles = useStyles();
  const report = useRunStore((s) => s.report);
  const source = useSourceStore((s) => s.source);
  if (!report || !source) return null;
  const { device } = report;
  const facts: [string, string][] = [
    ['Source', sourceLabel(source)],
    ['Device', device.name ?? 'unknown'],
    ['User', device.user ?? 'unknown'],
    ['Joined', device.joinType ? JOIN_TYPE_WORDS[device.joinType] : 'unknown'],
    ['Captured', formatDateTime(report.capturedAt)],
  ];
  return (
    <dl className={styles.facts} aria-label="About this checklist" data-testid="report-header">
      {facts.map(([term, value]) => (
        <div key={term} className={styles.fact}>
          <dt className={styles.term}>{term}:</dt>
          <dd className={styles.value} data-fact={term.toLowerCase()}>
            {value}
          </dd>
        </div>
      ))}
    </dl>
  );
}
