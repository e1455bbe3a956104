// Carrying out fixes and practice steps: the API runs (or, in replay, simulates) them; the
// screen then shows the new checklist, which rows changed, and what came of the attempt.
import type { FixRequest, FixResult } from '@contract/api-contract';
import type { CheckId } from '@contract/types';
import { doctorApi } from '../api/doctor-api';
import { errorText } from '../lib/error-text';
import { statusChanges } from '../lib/status-changes';
import { useFixStore } from './fix-store';
import { claimRun, isLatestRun } from './run-sequence';
import { useRunStore } from './run-store';
import { showChangedSession } from './show-result';

/** Asks main to run a fix (or a practice step) started from a row (`checkId`) or from outside the rows (null). */
export async function requestFix(request: FixRequest, checkId: CheckId | null): Promise<void> {
  const run = claimRun();
  useFixStore.getState().setBusy(request.action);
  useRunStore.getState().start(null, [], 'Running the fix…');
  let result: FixResult;
  try {
    result = await doctorApi().runFix(request);
  } catch (error) {
    result = { ok: false, reason: errorText(error) };
  }
  const fixes = useFixStore.getState();
  fixes.setBusy(null);
  fixes.closeDialog();
  if (!isLatestRun(run)) return;
  if (!result.ok) {
    useRunStore.getState().stop();
    fixes.showOutcome({ kind: 'not-run', action: request.action, checkId, reason: result.reason });
    return;
  }
  const changes = statusChanges(result.before, result.after.report);
  // The outcome message announces itself (role="status") and takes focus: no second announcement.
  showChangedSession(result.after, changes, null);
  fixes.showOutcome({ kind: 'attempt', action: request.action, checkId, attempt: result.attempt, changes });
}
