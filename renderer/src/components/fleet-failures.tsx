import { makeStyles, tokens } from '@fluentui/react-components';
import { useFleetStore } from '../state/fleet-store';

const useStyles = makeStyles({
  list: { margin: 0, paddingInlineStart: tokens.spacingHorizontalXL, fontSize: tokens.fontSizeBase200 },
  name: { fontWeight: tokens.fontWeightSemibold },
});

/** The files that gave no row, each with why; they never stop the others. */
export function FleetFailures() {
  const styles = useStyles();
  const failures = useFleetStore((s) => s.failures);
  if (failures.length === 0) return null;
  return (
    <details data-testid="fleet-failures">
      <summary>
        {failures.length} unreadable {failures.length === 1 ? 'file' : 'files'}
      </summary>
      <ul className={styles.list}>
        {failures.map((failure, index) => (
          // Names can repeat across folders; the position keeps each line apart.
          // biome-ignore lint/suspicious/noArrayIndexKey: the list only grows, in order
          <li key={index}>
            <span className={styles.name}>{failure.fileName}</span>: {failure.reason}
          </li>
        ))}
      </ul>
    </details>
  );
}
