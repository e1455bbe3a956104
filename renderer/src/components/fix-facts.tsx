import { makeStyles, tokens } from '@fluentui/react-components';
import type { ReactNode } from 'react';

const useStyles = makeStyles({
  list: { margin: 0, display: 'grid', gap: tokens.spacingVerticalXS },
  item: { margin: 0 },
  term: { display: 'inline', fontWeight: tokens.fontWeightSemibold },
  value: { display: 'inline', margin: 0 },
});

/** Facts about a fix as "term: text" lines (what it does, what it costs, where it runs…). */
export function FixFacts({ facts }: { facts: readonly (readonly [string, ReactNode])[] }) {
  const styles = useStyles();
  return (
    <dl className={styles.list}>
      {facts.map(([term, value], index) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: the facts are a fixed list; a term may repeat.
        <div key={`${index}-${term}`} className={styles.item}>
          <dt className={styles.term}>{term}: </dt>
          <dd className={styles.value}>{value}</dd>
        </div>
      ))}
    </dl>
  );
}
