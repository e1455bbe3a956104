import { makeStyles, tokens } from '@fluentui/react-components';
import type { FleetSummaryRow } from '../../../electron/fleet/fleet-summary';
import { COLUMN_TITLES, cellValue, FLEET_COLUMNS, type FleetColumn } from '../lib/fleet-rows';
import { openFleetDevice } from '../state/fleet-actions';
import { useFleetStore } from '../state/fleet-store';

const useStyles = makeStyles({
  table: { borderCollapse: 'collapse', width: '100%', fontSize: tokens.fontSizeBase200 },
  head: {
    position: 'sticky',
    top: 0,
    backgroundColor: tokens.colorNeutralBackground2,
    textAlign: 'start',
    padding: 0,
    borderBottom: `1px solid ${tokens.colorNeutralStroke1}`,
  },
  sortButton: {
    border: 'none',
    background: 'none',
    font: 'inherit',
    textAlign: 'start',
    color: 'inherit',
    boxSizing: 'border-box',
    width: '100%',
    cursor: 'pointer',
    fontWeight: tokens.fontWeightSemibold,
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    ':focus-visible': { outline: `2px solid ${tokens.colorStrokeFocus2}`, outlineOffset: '-2px' },
  },
  row: {
    cursor: 'pointer',
    ':hover': { backgroundColor: tokens.colorNeutralBackground1Hover },
  },
  cell: {
    padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalS}`,
    borderBottom: `1px solid ${tokens.colorNeutralStroke3}`,
    overflowWrap: 'anywhere',
  },
  open: {
    border: 'none',
    background: 'none',
    font: 'inherit',
    textAlign: 'start',
    padding: 0,
    cursor: 'pointer',
    color: tokens.colorBrandForegroundLink,
    textDecoration: 'underline',
    ':focus-visible': { outline: `2px solid ${tokens.colorStrokeFocus2}` },
  },
});

const ARROWS = { ascending: ' ▲', descending: ' ▼' } as const;

function HeaderCell({ column }: { column: FleetColumn }) {
  const styles = useStyles();
  const sort = useFleetStore((s) => s.sort);
  const sortBy = useFleetStore((s) => s.sortBy);
  const sorted = sort.column === column ? sort.direction : undefined;
  return (
    <th scope="col" className={styles.head} aria-sort={sorted ?? 'none'} data-column={column}>
      {/* A button: Enter and Space sort, as a click does. */}
      <button type="button" className={styles.sortButton} onClick={() => sortBy(column)}>
        {COLUMN_TITLES[column]}
        {sorted && <span aria-hidden="true">{ARROWS[sorted]}</span>}
      </button>
    </th>
  );
}

/** One row per device; the device's name is a button that opens its checklist, as a click on the row does. */
export function FleetTable({ rows }: { rows: readonly FleetSummaryRow[] }) {
  const styles = useStyles();
  return (
    <table className={styles.table} data-testid="fleet-table">
      <caption className="visually-hidden">
        Devices, one row each; choose a device to open its checklist
      </caption>
      <thead>
        <tr>
          {FLEET_COLUMNS.map((column) => (
            <HeaderCell key={column} column={column} />
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr
            key={`${row.deviceId ?? ''}|${row.deviceName ?? ''}|${row.path ?? ''}`}
            className={styles.row}
            data-device={row.deviceName ?? row.deviceId ?? ''}
            onClick={(event) => {
              // The button inside handles its own click (and Enter).
              if (!(event.target instanceof HTMLElement && event.target.closest('button')))
                void openFleetDevice(row);
            }}
          >
            {FLEET_COLUMNS.map((column) =>
              column === 'deviceName' ? (
                <th key={column} scope="row" className={styles.cell} style={{ textAlign: 'start' }}>
                  <button type="button" className={styles.open} onClick={() => void openFleetDevice(row)}>
                    {cellValue(row, column)}
                  </button>
                </th>
              ) : (
                <td key={column} className={styles.cell} data-column={column}>
                  {cellValue(row, column)}
                </td>
              ),
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
