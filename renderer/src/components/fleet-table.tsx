import type { FleetSummaryRow } from '@contract/fleet-summary';
import { makeStyles, tokens } from '@fluentui/react-components';
import { type KeyboardEvent, useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import {
  COLUMN_TITLES,
  cellValue,
  FLEET_COLUMNS,
  type FleetColumn,
  type RowWindow,
  rowWindow,
} from '../lib/fleet-rows';
import { openFleetDevice } from '../state/fleet-actions';
import { useFleetStore } from '../state/fleet-store';

/** Every row is one line this tall, so the rows out of view are replaced by their height. */
export const FLEET_ROW_HEIGHT = 28;
/** Rows rendered above and below the viewport. */
const OVERSCAN = 12;
/** Rendered before the viewport is measured (and where there is none, as in a test page). */
const FIRST_WINDOW = 60;
/** Rows one Page Up or Page Down moves. */
const PAGE_ROWS = 10;

const COLUMN_WIDTHS: Record<FleetColumn, string> = {
  deviceName: '19%',
  user: '14%',
  osBuild: '9%',
  joinType: '8%',
  trustModel: '14%',
  rootCause: '16%',
  capturedAt: '13%',
  files: '7%',
};

const useStyles = makeStyles({
  table: {
    borderCollapse: 'collapse',
    width: '100%',
    tableLayout: 'fixed',
    fontSize: tokens.fontSizeBase200,
  },
  head: {
    position: 'sticky',
    top: 0,
    zIndex: 1,
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
    height: `${FLEET_ROW_HEIGHT}px`,
    cursor: 'pointer',
    ':hover': { backgroundColor: tokens.colorNeutralBackground1Hover },
  },
  cell: {
    boxSizing: 'border-box',
    height: `${FLEET_ROW_HEIGHT}px`,
    padding: `0 ${tokens.spacingHorizontalS}`,
    borderBottom: `1px solid ${tokens.colorNeutralStroke3}`,
    whiteSpace: 'nowrap',
    overflow: 'hidden',
    textOverflow: 'ellipsis',
    textAlign: 'start',
    fontWeight: tokens.fontWeightRegular,
  },
  open: {
    border: 'none',
    background: 'none',
    font: 'inherit',
    textAlign: 'start',
    padding: 0,
    maxWidth: '100%',
    overflow: 'hidden',
    textOverflow: 'ellipsis',
    whiteSpace: 'nowrap',
    cursor: 'pointer',
    color: tokens.colorBrandForegroundLink,
    textDecoration: 'underline',
    ':focus-visible': { outline: `2px solid ${tokens.colorStrokeFocus2}`, outlineOffset: '-2px' },
  },
  spacer: { padding: 0, border: 'none' },
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

function rowKey(row: FleetSummaryRow): string {
  return `${row.deviceId ?? ''}|${row.deviceName ?? ''}|${row.path ?? ''}`;
}

interface RowProps {
  row: FleetSummaryRow;
  index: number;
  tabbable: boolean;
  onKey: (event: KeyboardEvent<HTMLButtonElement>, index: number) => void;
  onFocusRow: (index: number) => void;
}

function FleetRow({ row, index, tabbable, onKey, onFocusRow }: RowProps) {
  const styles = useStyles();
  return (
    <tr
      className={styles.row}
      // The header is row 1.
      aria-rowindex={index + 2}
      data-row-index={index}
      data-device={row.deviceName ?? row.deviceId ?? ''}
      onClick={(event) => {
        // The button inside handles its own click (and Enter).
        if (!(event.target instanceof HTMLElement && event.target.closest('button')))
          void openFleetDevice(row);
      }}
    >
      {FLEET_COLUMNS.map((column) =>
        column === 'deviceName' ? (
          <th key={column} scope="row" className={styles.cell}>
            <button
              type="button"
              className={styles.open}
              tabIndex={tabbable ? 0 : -1}
              title={cellValue(row, column)}
              onClick={() => void openFleetDevice(row)}
              onKeyDown={(event) => onKey(event, index)}
              onFocus={() => onFocusRow(index)}
            >
              {cellValue(row, column)}
            </button>
          </th>
        ) : (
          <td key={column} className={styles.cell} data-column={column} title={cellValue(row, column)}>
            {cellValue(row, column)}
          </td>
        ),
      )}
    </tr>
  );
}

/** The row a key moves to from `index`, or null for a key that does not move. */
function targetRow(key: string, index: number, count: number): number | null {
  const moves: Record<string, number> = {
    ArrowDown: index + 1,
    ArrowUp: index - 1,
    PageDown: index + PAGE_ROWS,
    PageUp: index - PAGE_ROWS,
    Home: 0,
    End: count - 1,
  };
  const to = moves[key];
  return to === undefined ? null : Math.max(0, Math.min(count - 1, to));
}

/** The rows in view of the fleet view's scroll box, kept up to date as it scrolls or resizes. */
function useRowWindow(table: React.RefObject<HTMLTableElement | null>, count: number) {
  const [window, setWindow] = useState<RowWindow>({ start: 0, end: Math.min(count, FIRST_WINDOW) });
  const measure = useCallback(() => {
    const element = table.current;
    const box = element?.closest<HTMLElement>('[data-fleet-scroll]');
    if (!element || !box) {
      setWindow({ start: 0, end: Math.min(count, FIRST_WINDOW) });
      return;
    }
    const head = element.tHead?.offsetHeight ?? 0;
    const rowsTop = element.getBoundingClientRect().top - box.getBoundingClientRect().top + head;
    const next = rowWindow(count, -rowsTop, box.clientHeight, FLEET_ROW_HEIGHT, OVERSCAN);
    setWindow((last) => (last.start === next.start && last.end === next.end ? last : next));
  }, [table, count]);
  useLayoutEffect(() => {
    measure();
    const box = table.current?.closest<HTMLElement>('[data-fleet-scroll]');
    if (!box) return;
    box.addEventListener('scroll', measure, { passive: true });
    const resize = new ResizeObserver(measure);
    resize.observe(box);
    return () => {
      box.removeEventListener('scroll', measure);
      resize.disconnect();
    };
  }, [measure, table]);
  return { window, measure };
}

/** Scrolls the fleet view's box just enough for row `index` to show below the sticky header. */
function scrollRowIntoView(table: HTMLTableElement, index: number): void {
  const box = table.closest<HTMLElement>('[data-fleet-scroll]');
  if (!box) return;
  const head = table.tHead?.offsetHeight ?? 0;
  const rowsTop = table.getBoundingClientRect().top - box.getBoundingClientRect().top + box.scrollTop + head;
  const top = rowsTop + index * FLEET_ROW_HEIGHT;
  if (top - head < box.scrollTop) box.scrollTop = top - head;
  else if (top + FLEET_ROW_HEIGHT > box.scrollTop + box.clientHeight)
    box.scrollTop = top + FLEET_ROW_HEIGHT - box.clientHeight;
}

/** The caption, the column widths and the sortable header row. */
function FleetTableHead() {
  return (
    <>
      <caption className="visually-hidden">
        Devices, one row each; choose a device to open its checklist. The arrow keys move between devices.
      </caption>
      <colgroup>
        {FLEET_COLUMNS.map((column) => (
          <col key={column} style={{ width: COLUMN_WIDTHS[column] }} />
        ))}
      </colgroup>
      <thead>
        <tr aria-rowindex={1}>
          {FLEET_COLUMNS.map((column) => (
            <HeaderCell key={column} column={column} />
          ))}
        </tr>
      </thead>
    </>
  );
}

/** Stands in for the rows out of view, at their height, so the scroll bar tells the truth. */
function SpacerRow({ height }: { height: number }) {
  const styles = useStyles();
  if (height <= 0) return null;
  return (
    // biome-ignore lint/a11y/noAriaHiddenOnFocusable: a spacer row holds nothing focusable.
    <tr aria-hidden="true" data-spacer="">
      <td className={styles.spacer} colSpan={FLEET_COLUMNS.length} style={{ height }} />
    </tr>
  );
}

/**
 * One row per device; the device's name is a button that opens its checklist, as a click on the
 * row does. Only the rows in view are rendered (10,000 devices scroll as fast as 10); the arrow
 * keys, Page Up/Down, Home and End move between devices, and the table says how many rows it has.
 */
export function FleetTable({ rows }: { rows: readonly FleetSummaryRow[] }) {
  const styles = useStyles();
  const table = useRef<HTMLTableElement>(null);
  const { window, measure } = useRowWindow(table, rows.length);
  // The one row the Tab key reaches (a roving tab stop), and the row to focus once rendered.
  const [active, setActive] = useState(0);
  const [pendingFocus, setPendingFocus] = useState<number | null>(null);
  const activeRow = Math.min(active, Math.max(0, rows.length - 1));
  const tabStop = activeRow >= window.start && activeRow < window.end ? activeRow : window.start;

  useEffect(() => {
    // Focused once its row is rendered (a move far away renders it after the scroll).
    if (pendingFocus === null || pendingFocus < window.start || pendingFocus >= window.end) return;
    const button = table.current?.querySelector<HTMLButtonElement>(
      `tr[data-row-index="${pendingFocus}"] button`,
    );
    if (!button) return;
    button.focus();
    setPendingFocus(null);
  }, [pendingFocus, window]);

  const onKey = (event: KeyboardEvent<HTMLButtonElement>, index: number) => {
    const to = targetRow(event.key, index, rows.length);
    if (to === null || !table.current) return;
    event.preventDefault();
    scrollRowIntoView(table.current, to);
    measure();
    setActive(to);
    setPendingFocus(to);
  };

  const before = window.start * FLEET_ROW_HEIGHT;
  const after = (rows.length - window.end) * FLEET_ROW_HEIGHT;
  return (
    <table
      ref={table}
      className={styles.table}
      data-testid="fleet-table"
      aria-rowcount={rows.length + 1}
      data-rendered-rows={window.end - window.start}
    >
      <FleetTableHead />
      <tbody>
        <SpacerRow height={before} />
        {rows.slice(window.start, window.end).map((row, offset) => (
          <FleetRow
            key={rowKey(row)}
            row={row}
            index={window.start + offset}
            tabbable={window.start + offset === tabStop}
            onKey={onKey}
            onFocusRow={setActive}
          />
        ))}
        <SpacerRow height={after} />
      </tbody>
    </table>
  );
}
