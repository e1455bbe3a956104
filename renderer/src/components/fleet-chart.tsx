import type { FleetSummaryRow } from '@contract/fleet-summary';
import { makeStyles, tokens } from '@fluentui/react-components';
import { firstFailing, tally } from '../lib/fleet-rows';

const useStyles = makeStyles({
  charts: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fit, minmax(280px, 1fr))',
    gap: tokens.spacingHorizontalXXL,
  },
  heading: { margin: `0 0 ${tokens.spacingVerticalXS}`, fontSize: tokens.fontSizeBase300 },
  list: { listStyle: 'none', margin: 0, padding: 0, display: 'grid', rowGap: tokens.spacingVerticalXXS },
  item: {
    display: 'grid',
    gridTemplateColumns: 'minmax(8em, 14em) minmax(0, 1fr) 3.5em',
    alignItems: 'center',
    columnGap: tokens.spacingHorizontalS,
    fontSize: tokens.fontSizeBase200,
  },
  label: { overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' },
  track: {
    height: '10px',
    backgroundColor: tokens.colorNeutralBackground3,
    borderRadius: tokens.borderRadiusSmall,
  },
  bar: {
    height: '100%',
    backgroundColor: tokens.colorBrandBackground,
    borderRadius: tokens.borderRadiusSmall,
  },
  count: { textAlign: 'end', fontVariantNumeric: 'tabular-nums' },
});

function Bars({ title, counts }: { title: string; counts: [string, number][] }) {
  const styles = useStyles();
  const max = Math.max(1, ...counts.map(([, count]) => count));
  return (
    <section aria-label={title}>
      <h3 className={styles.heading}>{title}</h3>
      <ul className={styles.list}>
        {counts.map(([name, count]) => (
          <li key={name} className={styles.item} data-bar={name} data-count={count}>
            <span className={styles.label} title={name}>
              {name}
            </span>
            {/* The bar repeats the number beside it, so screen readers read only the text. */}
            <span className={styles.track} aria-hidden="true">
              <span className={styles.bar} style={{ display: 'block', width: `${(count / max) * 100}%` }} />
            </span>
            <span className={styles.count}>
              {count}
              <span className="visually-hidden"> {count === 1 ? 'device' : 'devices'}</span>
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** Devices per trust model used and per first failing check, over the rows the filters show. */
export function FleetChart({ rows }: { rows: readonly FleetSummaryRow[] }) {
  const styles = useStyles();
  return (
    <div className={styles.charts} data-testid="fleet-chart">
      <Bars title="Trust model used" counts={tally(rows, (row) => row.trustModel)} />
      <Bars title="First failing check" counts={tally(rows, firstFailing)} />
    </div>
  );
}
