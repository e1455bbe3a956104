import { makeStyles, tokens } from '@fluentui/react-components';
import { Announcer } from './announcer';
import { Checklist } from './checklist';
import { DropOverlay } from './drop-overlay';
import { ErrorAlert } from './error-alert';
import { FixDialog } from './fix-dialog';
import { FixHistory } from './fix-history';
import { FixOutcomeMessage } from './fix-outcome-message';
import { LiveButton } from './live-button';
import { LiveNotice } from './live-notice';
import { OpenCaptureButton } from './open-capture-button';
import { PracticeBox } from './practice-box';
import { ProbeProgress } from './probe-progress';
import { ReportHeader } from './report-header';
import { RerunAllButton } from './rerun-all-button';
import { RunStatus } from './run-status';
import { SaveCaptureButton } from './save-capture-button';
import { ScenarioPicker } from './scenario-picker';
import { SkipLink } from './skip-link';
import { Verdict } from './verdict';

const useStyles = makeStyles({
  // The window never scrolls sideways or as a whole: only the checklist scrolls.
  // `clip`, not `hidden`: a hidden box can still be scrolled by scrollIntoView and shift the whole window.
  shell: { height: '100vh', display: 'flex', flexDirection: 'column', overflow: 'clip' },
  header: {
    flex: 'none',
    display: 'grid',
    gap: tokens.spacingVerticalS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalL}`,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  bar: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalM, flexWrap: 'wrap' },
  title: {
    margin: 0,
    fontSize: tokens.fontSizeBase500,
    fontWeight: tokens.fontWeightSemibold,
    marginRight: 'auto',
  },
  actions: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  hint: { margin: 0, color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200 },
  main: { flex: '1 1 auto', minHeight: 0, display: 'flex', flexDirection: 'column', overflow: 'clip' },
  summary: {
    flex: 'none',
    display: 'grid',
    gap: tokens.spacingVerticalS,
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalL} ${tokens.spacingVerticalS}`,
  },
  scroll: {
    flex: '1 1 auto',
    minHeight: 0,
    overflowY: 'auto',
    overflowX: 'hidden',
    borderTop: `1px solid ${tokens.colorNeutralStroke2}`,
  },
});

export function AppShell() {
  const styles = useStyles();
  return (
    <div className={styles.shell}>
      <SkipLink />
      <header className={styles.header}>
        <div className={styles.bar}>
          <h1 className={styles.title}>WHfB Doctor</h1>
          <p className={styles.hint}>Tip: drop a capture (.json) anywhere to open it.</p>
          <div className={styles.actions}>
            <LiveButton />
            <OpenCaptureButton />
            <SaveCaptureButton />
            <RerunAllButton />
          </div>
        </div>
        <ScenarioPicker />
        <LiveNotice />
      </header>
      <main className={styles.main}>
        <div className={styles.summary}>
          <ReportHeader />
          <Verdict />
          <PracticeBox />
          <FixOutcomeMessage />
          <ErrorAlert />
          <RunStatus />
        </div>
        <div className={styles.scroll} data-testid="checklist-scroll" data-scroll-container="">
          <ProbeProgress />
          <Checklist />
          <FixHistory />
        </div>
      </main>
      <FixDialog />
      <DropOverlay />
      <Announcer />
    </div>
  );
}
