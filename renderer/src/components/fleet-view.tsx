import { groupDevices } from '@contract/fleet-devices';
import { Button, makeStyles, tokens } from '@fluentui/react-components';
import { useMemo } from 'react';
import { filterRows, sortRows } from '../lib/fleet-rows';
import { exportFleetCsv } from '../state/fleet-actions';
import { useFleetStore } from '../state/fleet-store';
import { FleetChart } from './fleet-chart';
import { FleetFailures } from './fleet-failures';
import { FleetFilters } from './fleet-filters';
import { FleetProgress } from './fleet-progress';
import { FleetTable } from './fleet-table';

const useStyles = makeStyles({
  // The whole view scrolls (the table's header row sticks): the counts and filters can be tall.
  view: { flex: '1 1 auto', minHeight: 0, overflowY: 'auto', overflowX: 'hidden' },
  top: {
    flex: 'none',
    display: 'grid',
    gridTemplateColumns: 'minmax(0, 1fr)',
    rowGap: tokens.spacingVerticalS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalL}`,
  },
  titleBar: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalM, flexWrap: 'wrap' },
  heading: { margin: 0, fontSize: tokens.fontSizeBase500, marginInlineEnd: 'auto' },
  scroll: { padding: `0 ${tokens.spacingHorizontalL} ${tokens.spacingVerticalL}` },
  empty: { color: tokens.colorNeutralForeground2 },
});

/** The fleet: one row per device over many files (newest file wins), with counts, filters and CSV. */
export function FleetView() {
  const styles = useStyles();
  const files = useFleetStore((s) => s.files);
  const sort = useFleetStore((s) => s.sort);
  const text = useFleetStore((s) => s.text);
  const trustModel = useFleetStore((s) => s.trustModel);
  const rootCause = useFleetStore((s) => s.rootCause);
  const notice = useFleetStore((s) => s.notice);
  const close = useFleetStore((s) => s.close);
  // The same rule as the `fleet` command: one row per device, the newest file wins, with the count.
  const devices = useMemo(() => groupDevices(files).map((device) => device.row), [files]);
  const shown = useMemo(
    () => sortRows(filterRows(devices, { text, trustModel, rootCause }), sort),
    [devices, text, trustModel, rootCause, sort],
  );
  return (
    <main
      className={styles.view}
      data-testid="fleet-view"
      data-fleet-scroll=""
      aria-labelledby="fleet-heading"
    >
      <div className={styles.top}>
        <div className={styles.titleBar}>
          <h2 id="fleet-heading" className={styles.heading}>
            Fleet
          </h2>
          <span data-testid="fleet-counts">
            {shown.length === devices.length
              ? `${devices.length} devices`
              : `${shown.length} of ${devices.length} devices`}{' '}
            from {files.length} files
          </span>
          <Button disabled={shown.length === 0} onClick={() => exportFleetCsv(shown)}>
            Export CSV
          </Button>
          <Button appearance="primary" onClick={close}>
            Back to the device
          </Button>
        </div>
        <FleetProgress />
        <div role="status" data-testid="fleet-notice">
          {notice}
        </div>
        {devices.length > 0 && <FleetChart rows={shown} />}
        {devices.length > 0 && <FleetFilters rows={devices} />}
        <FleetFailures />
      </div>
      <div className={styles.scroll}>
        {devices.length === 0 ? (
          <p className={styles.empty}>
            No devices yet: choose “Open fleet…” or drop capture and report files (.json, .json.gz) here.
          </p>
        ) : (
          <FleetTable rows={shown} />
        )}
      </div>
    </main>
  );
}
