import { Button, makeStyles, ProgressBar, tokens } from '@fluentui/react-components';
import { cancelFleetLoad } from '../state/fleet-actions';
import { useFleetStore } from '../state/fleet-store';

const useStyles = makeStyles({
  box: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalM },
  bar: { flex: '1 1 auto', maxWidth: '320px' },
});

/** While files are read: how many of how many, and a way to stop. */
export function FleetProgress() {
  const styles = useStyles();
  const loading = useFleetStore((s) => s.loading);
  const stoppedAt = useFleetStore((s) => s.stoppedAt);
  return (
    <div role="status" data-testid="fleet-progress">
      {loading && (
        <div className={styles.box}>
          <span>
            Reading files: {loading.done} of {loading.total}
          </span>
          <ProgressBar
            className={styles.bar}
            value={loading.total === 0 ? 0 : loading.done / loading.total}
            aria-label="Files read"
          />
          <Button onClick={cancelFleetLoad}>Cancel</Button>
        </div>
      )}
      {!loading && stoppedAt && (
        <span>
          Stopped after {stoppedAt.done} of {stoppedAt.total} files: the rows below are those read.
        </span>
      )}
    </div>
  );
}
