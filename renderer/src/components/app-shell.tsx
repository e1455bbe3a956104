import { makeStyles, tokens } from '@fluentui/react-components';
import { useFleetStore } from '../state/fleet-store';
import { useReadOnly } from '../state/source-store';
import { Announcer } from './announcer';
import { ChainPicture } from './chain-picture';
import { Checklist } from './checklist';
import { ChecklistBar } from './checklist-bar';
import { DropOverlay } from './drop-overlay';
import { ErrorAlert } from './error-alert';
import { ExportButton } from './export-button';
import { FixDialog } from './fix-dialog';
import { FixHistory } from './fix-history';
import { FixOutcomeMessage } from './fix-outcome-message';
import { FleetReportNotice } from './fleet-report-notice';
import { FleetView } from './fleet-view';
import { LiveButton } from './live-button';
import { LiveNotice } from './live-notice';
import { OpenCaptureButton } from './open-capture-button';
import { OpenFleetButton } from './open-fleet-button';
import { PracticeBox } from './practice-box';
import { ProbeProgress } from './probe-progress';
import { ReportHeader } from './report-header';
import { RerunAllButton } from './rerun-all-button';
import { SaveCaptureButton } from './save-capture-button';
import { ScenarioPicker } from './scenario-picker';
import { SkipLink } from './skip-link';
import { Verdict } from './verdict';

const useStyles = makeStyles({
  // The window never scrolls sideways or as a whole: only the checklist scrolls.
  // `clip`, not `hidden`: a hidden box can still be scrolled by scrollIntoView and shift the whole window.
  shell: { height: '100vh', display: 'flex', flexDirection: 'column', overflow: 'clip' },
  // One compact bar: the answer and the rows get the height, not the toolbar.
  header: {
    flex: 'none',
    display: 'flex',
    alignItems: 'center',
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalXXS,
    flexWrap: 'wrap',
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalL}`,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  title: {
    margin: 0,
    fontSize: tokens.fontSizeBase400,
    lineHeight: tokens.lineHeightBase400,
    fontWeight: tokens.fontWeightSemibold,
    whiteSpace: 'nowrap',
  },
  actions: {
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalS,
    flexWrap: 'wrap',
    marginLeft: 'auto',
  },
  hint: {
    margin: 0,
    color: tokens.colorNeutralForeground2,
    fontSize: tokens.fontSizeBase200,
    // Only where the bar has room for it; the drop still works everywhere.
    '@media (max-width: 1279px)': { display: 'none' },
  },
  main: { flex: '1 1 auto', minHeight: 0, display: 'flex', flexDirection: 'column', overflow: 'clip' },
  // Spacing on the parts that show: the empty live regions (fix outcome, error) take no room.
  summary: {
    flex: 'none',
    display: 'grid',
    // One column that never grows past the window, whatever a part inside it wants.
    gridTemplateColumns: 'minmax(0, 1fr)',
    padding: `0 ${tokens.spacingHorizontalL} ${tokens.spacingVerticalS}`,
    '& > :not(:empty)': { marginTop: tokens.spacingVerticalS },
  },
  scroll: {
    flex: '1 1 auto',
    minHeight: 0,
    overflowY: 'auto',
    overflowX: 'hidden',
  },
});

export function AppShell() {
  const styles = useStyles();
  const fleetOpen = useFleetStore((s) => s.open);
  // A report file's checklist has no session behind it: nothing to re-run, save or export.
  const readOnly = useReadOnly();
  return (
    <div className={styles.shell}>
      <SkipLink />
      <header className={styles.header}>
        <h1 className={styles.title}>WHfB Doctor</h1>
        {/* The fleet view has its own actions (CSV, back to the device): only opening files is shared. */}
        {!fleetOpen && <ScenarioPicker />}
        <div className={styles.actions}>
          <p className={styles.hint}>
            {fleetOpen
              ? 'Tip: drop capture and report files anywhere to read them as a fleet.'
              : 'Tip: drop a capture (.json) anywhere to open it.'}
          </p>
          {!fleetOpen && <LiveButton />}
          {!fleetOpen && <OpenCaptureButton />}
          <OpenFleetButton />
          {!fleetOpen && !readOnly && <SaveCaptureButton />}
          {!fleetOpen && !readOnly && <ExportButton />}
          {!fleetOpen && !readOnly && <RerunAllButton />}
        </div>
        {!fleetOpen && <LiveNotice />}
      </header>
      {fleetOpen ? (
        <FleetView />
      ) : (
        <main className={styles.main}>
          <div className={styles.summary}>
            <FleetReportNotice />
            <ReportHeader />
            <Verdict />
            <ChainPicture />
            <PracticeBox />
            <FixOutcomeMessage />
            <ErrorAlert />
          </div>
          <ChecklistBar />
          <div className={styles.scroll} data-testid="checklist-scroll" data-scroll-container="">
            <ProbeProgress />
            <Checklist />
            <FixHistory />
          </div>
        </main>
      )}
      <FixDialog />
      <DropOverlay />
      <Announcer />
    </div>
  );
}
