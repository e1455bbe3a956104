import type { DocLink } from '@contract/types';
import { Link, makeStyles, tokens } from '@fluentui/react-components';

const useStyles = makeStyles({
  list: {
    margin: 0,
    paddingLeft: tokens.spacingHorizontalXL,
    display: 'grid',
    gap: tokens.spacingVerticalXS,
  },
});

/** Documentation links; the desktop app opens allowlisted ones in the default browser. */
export function DocLinks({ docs }: { docs: DocLink[] }) {
  const styles = useStyles();
  return (
    <ul className={styles.list}>
      {docs.map((doc) => (
        <li key={doc.url}>
          <Link href={doc.url} target="_blank" rel="noreferrer" inline>
            {doc.title}
            <span className="visually-hidden"> (opens in your browser)</span>
          </Link>
        </li>
      ))}
    </ul>
  );
}
