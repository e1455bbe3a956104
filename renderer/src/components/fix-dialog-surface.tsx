import type { FixInfo } from '@contract/fix-info';
import type { ReportSource } from '@contract/report-types';
import type { CheckId, FixId } from '@contract/types';
import {
  Button,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  DialogTrigger,
  MessageBar,
  MessageBarBody,
  makeStyles,
  Spinner,
  tokens,
} from '@fluentui/react-components';
import { useState } from 'react';
import { stepWords } from '../lib/fix-words';
import { useAppInfoStore } from '../state/app-info-store';
import { requestFix } from '../state/fix-actions';
import { useFixStore } from '../state/fix-store';
import { useRunStore } from '../state/run-store';
import { DestructiveConfirmation, namesMatch } from './destructive-confirmation';
import { FixFacts } from './fix-facts';

const useStyles = makeStyles({
  content: { display: 'grid', gap: tokens.spacingVerticalM },
  steps: {
    margin: 0,
    paddingLeft: tokens.spacingHorizontalXL,
    display: 'grid',
    gap: tokens.spacingVerticalXXS,
  },
  code: { fontFamily: tokens.fontFamilyMonospace, overflowWrap: 'anywhere' },
});

/** What the dialog says about where a fix acts: practice, a recording, or this device. */
function replayNotice(source: ReportSource | undefined): string | null {
  if (source?.kind === 'scenario')
    return 'Practice: nothing runs on any device; the scenario changes as if it had.';
  if (source?.kind === 'capture')
    return 'Replay: nothing runs on any device. A capture is a recording, so the checklist stays as it is.';
  return null;
}

function whereItRuns(fix: FixInfo, userName: string | null): string {
  const who = userName ? `the signed-in user (${userName})` : 'the signed-in user';
  if (fix.context === 'user')
    return `On this device, as ${who}, not elevated: it needs no administrator rights and does not ask for them.`;
  if (fix.context === 'admin-elsewhere') return 'By an administrator, on another machine; nothing runs here.';
  return 'By the user; the app only explains what to do.';
}

interface FixDialogSurfaceProps {
  fixId: FixId;
  checkId: CheckId;
}

/** What the fix does and costs, where it runs, what happens after; for a destructive fix, the typed confirmation. */
export function FixDialogSurface({ fixId, checkId }: FixDialogSurfaceProps) {
  const styles = useStyles();
  const fix = useAppInfoStore((s) => s.info?.fixes[fixId]);
  const steps = useRunStore((s) => s.fixPlans[fixId]) ?? [];
  const userName = useRunStore((s) => s.report?.device.user ?? null);
  const source = useRunStore((s) => s.report?.source);
  const busy = useFixStore((s) => s.busy === fixId);
  const [typed, setTyped] = useState('');
  if (!fix) return null;
  const notice = replayNotice(source);
  const confirmed = !fix.destructive || (userName !== null && namesMatch(typed, userName));
  const deviceSteps = steps.flatMap((step) =>
    step.kind === 'run' || step.kind === 'open-settings' ? [stepWords(step)] : [],
  );
  const stepFacts = deviceSteps.map(
    ({ verb, what }) =>
      [
        verb === 'Runs' ? 'What it runs' : 'What it opens',
        <code key={what} className={styles.code}>
          {what}
        </code>,
      ] as const,
  );
  const run = () =>
    void requestFix(
      fix.destructive && userName !== null
        ? { action: fixId, confirmation: { acknowledged: true, userName: typed.trim() } }
        : { action: fixId },
      checkId,
    );

  return (
    <DialogSurface data-testid="fix-dialog" data-fix-id={fixId}>
      <DialogBody>
        <DialogTitle>{fix.title}</DialogTitle>
        <DialogContent className={styles.content}>
          {notice && (
            <MessageBar intent="info" layout="multiline">
              <MessageBarBody data-testid="fix-dialog-replay">{notice}</MessageBarBody>
            </MessageBar>
          )}
          <FixFacts
            facts={[
              ['What it does', fix.does],
              ['What it costs you', fix.cost],
              ['Where it runs', whereItRuns(fix, userName)],
              ...stepFacts,
              ['What happens after', fix.after],
            ]}
          />
          {fix.destructive && (
            <DestructiveConfirmation userName={userName} typed={typed} onTypedChange={setTyped} />
          )}
        </DialogContent>
        <DialogActions>
          <DialogTrigger disableButtonEnhancement action="close">
            <Button appearance="secondary">Cancel</Button>
          </DialogTrigger>
          <Button
            appearance="primary"
            disabled={!confirmed || busy}
            icon={busy ? <Spinner size="extra-tiny" aria-hidden="true" /> : undefined}
            onClick={run}
          >
            {busy ? 'Running…' : 'Run'}
          </Button>
        </DialogActions>
      </DialogBody>
    </DialogSurface>
  );
}
