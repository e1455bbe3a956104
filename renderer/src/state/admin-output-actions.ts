// An administrator's pasted Get-AzureADKerberosServer output, checked against the open session.
import type { RunResult } from '@contract/api-contract';
import { MAX_ADMIN_OUTPUT_CHARS } from '@contract/limits';
import type { CheckResult } from '@contract/types';
import { doctorApi } from '../api/doctor-api';
import { errorText } from '../lib/error-text';
import { statusChanges } from '../lib/status-changes';
import { claimRun, isLatestRun } from './run-sequence';
import { useRunStore } from './run-store';
import { showChangedSession } from './show-result';

const KEYS_CHECK = 'entra-kerberos-keys';

export type AdminOutputResult = { ok: true; check: CheckResult } | { ok: false; reason: string };

export async function checkAdminOutput(text: string): Promise<AdminOutputResult> {
  if (text.trim() === '') return { ok: false, reason: 'Paste the output first.' };
  if (text.length > MAX_ADMIN_OUTPUT_CHARS) {
    return {
      ok: false,
      reason: `The pasted text is longer than ${MAX_ADMIN_OUTPUT_CHARS / 1024} KB: paste only what Get-AzureADKerberosServer printed.`,
    };
  }
  const before = useRunStore.getState().report;
  const run = claimRun();
  useRunStore.getState().start(KEYS_CHECK, [], 'Checking the keys…');
  let result: RunResult;
  try {
    result = await doctorApi().attachAdminOutput({ text });
  } catch (error) {
    result = { ok: false, reason: errorText(error) };
  }
  if (!isLatestRun(run)) return { ok: false, reason: 'Another checklist was opened meanwhile: paste again.' };
  if (!result.ok) {
    useRunStore.getState().stop();
    return { ok: false, reason: result.reason };
  }
  const check = result.report.checks.find((c) => c.id === KEYS_CHECK);
  const changes = before ? statusChanges(before, result.report) : [];
  // The panel says what came of it in its own status line: no second announcement.
  showChangedSession(result, changes, null);
  return check ? { ok: true, check } : { ok: false, reason: 'The report has no Entra Kerberos keys step.' };
}
