// What the buttons do: each action calls the API and moves the stores. Components call these
// and read the stores; they never talk to the API themselves.
import type { ApiEnvelope, ProbeOutputResult, RunRequest, RunResult } from '@contract/api-contract';
import { decodeTextFile } from '@contract/decode-text-file';
import { MAX_CAPTURE_BYTES } from '@contract/limits';
import { oneLine } from '@contract/one-line';
import type { Report } from '@contract/report-types';
import type { CheckId, ProbeId } from '@contract/types';
import { unwrap } from '../api/api-call-error';
import { doctorApi } from '../api/doctor-api';
import { downloadText } from '../lib/download';
import { errorText } from '../lib/error-text';
import { countsInWords, STATUS_LABEL } from '../lib/words';
import { useAppInfoStore } from './app-info-store';
import { useChecklistViewStore } from './checklist-view-store';
import { useFixStore } from './fix-store';
import { claimRun, isLatestRun } from './run-sequence';
import { useRunStore } from './run-store';
import { type SourceView, useSourceStore } from './source-store';

const OPEN_FAILED = 'Could not open the capture file';
const SAVE_FAILED = 'Could not save the capture';

let appStarted = false;

function probesFor(checkId: CheckId | null): ProbeId[] {
  const checkProbes = useAppInfoStore.getState().info?.checkProbes;
  if (!checkProbes) return [];
  if (checkId) return [...(checkProbes[checkId] ?? [])];
  return [...new Set(Object.values(checkProbes).flat())];
}

/** What was opened, as far as the screen needs to say it (a capture opened by main has no text here). */
type OpenedSource =
  | { kind: 'live' }
  | { kind: 'scenario'; name: string }
  | { kind: 'capture'; fileName: string };

function sourceView(request: OpenedSource): SourceView {
  if (request.kind === 'live') return { kind: 'live' };
  if (request.kind === 'capture') return { kind: 'capture', fileName: request.fileName };
  const scenario = useAppInfoStore.getState().info?.scenarios.find((s) => s.name === request.name);
  return { kind: 'scenario', name: request.name, title: scenario?.title ?? request.name };
}

function whatFailed(request: OpenedSource): string {
  if (request.kind === 'capture') return OPEN_FAILED;
  if (request.kind === 'scenario') return 'Could not open the practice scenario';
  return 'Could not check this device';
}

function completion(report: Report, checkId: CheckId | null): string {
  if (checkId) {
    const check = report.checks.find((c) => c.id === checkId);
    if (check) return `Check re-run: ${check.title}: ${STATUS_LABEL[check.status]}.`;
  }
  return `Checks complete: ${countsInWords(report.counts)}.`;
}

async function settle(
  run: number,
  checkId: CheckId | null,
  work: () => Promise<RunResult>,
  failureTitle: string,
  /** Runs just before the new report is shown, so everything on screen changes at once. */
  beforeShowing: () => void = () => {},
): Promise<Report | null> {
  const store = useRunStore.getState();
  store.start(checkId, probesFor(checkId));
  let result: RunResult;
  try {
    result = await work();
  } catch (error) {
    result = { ok: false, reason: errorText(error) };
  }
  if (!isLatestRun(run)) return null;
  if (!result.ok) {
    // The previous report stays on screen: a bad file must not wipe a good result.
    useRunStore.getState().fail({ title: failureTitle, reason: result.reason });
    return null;
  }
  beforeShowing();
  useRunStore.getState().finish(result, completion(result.report, checkId));
  return result.report;
}

/**
 * Opens a scenario, a capture file's text, or runs live; on success the new report replaces the old.
 * `alreadySent` is the same request sent earlier (start-up sends it alongside getAppInfo).
 */
export async function openSource(request: RunRequest, alreadySent?: Promise<RunResult>): Promise<boolean> {
  return showOpened(request, () => alreadySent ?? doctorApi().runChecklist(request));
}

/** File ▸ Open capture… in the desktop app: main read and opened the file; its answer shows like a picked file's. */
export function showCaptureOpenedByMenu(fileName: string, result: ApiEnvelope<RunResult>): Promise<boolean> {
  return showOpened({ kind: 'capture', fileName }, async () => unwrap(result));
}

async function showOpened(opened: OpenedSource, work: () => Promise<RunResult>): Promise<boolean> {
  const run = claimRun();
  const report = await settle(run, null, work, whatFailed(opened), () => {
    useSourceStore.getState().setSource(sourceView(opened));
    // Another device: start with every row closed, and without the last fix's outcome.
    useChecklistViewStore.getState().collapseAll();
    useFixStore.getState().dismissOutcome();
  });
  return report !== null;
}

/** Re-runs every check, or one. Replays re-evaluate the same output; live runs run the probes again. */
export async function rerun(checkId: CheckId | null = null): Promise<void> {
  const run = claimRun();
  await settle(run, checkId, () => doctorApi().rerun(checkId ? { checkId } : {}), 'Re-run failed');
}

export async function openCaptureFile(file: File): Promise<boolean> {
  // Larger files are not captures (the engine's own limit): refuse them before reading.
  if (file.size > MAX_CAPTURE_BYTES) {
    const mb = (file.size / 1024 / 1024).toFixed(1);
    useRunStore
      .getState()
      .showError({ title: OPEN_FAILED, reason: `${file.name}: file is ${mb} MB, too large to be a capture` });
    return false;
  }
  let text: string;
  try {
    // UTF-8 or UTF-16 (a capture re-saved by PowerShell 5.1), by its BOM or its shape, as main reads it.
    text = decodeTextFile(new Uint8Array(await file.arrayBuffer())).text;
  } catch {
    useRunStore
      .getState()
      .showError({ title: OPEN_FAILED, reason: `${file.name}: the file could not be read` });
    return false;
  }
  return openSource({ kind: 'capture', fileName: file.name, text });
}

/** "Show full output": one probe's raw output, from the session behind the report on screen. */
export async function loadProbeOutput(probeId: ProbeId): Promise<ProbeOutputResult> {
  try {
    return await doctorApi().probeOutput({ probeId });
  } catch (error) {
    // A failed call (its arguments, the transport): its reason, in one line, like the API's own.
    return { ok: false, reason: oneLine(errorText(error)) };
  }
}

export async function saveCapture(): Promise<void> {
  try {
    const exported = await doctorApi().exportCapture();
    if (!exported.ok) {
      useRunStore.getState().showError({ title: SAVE_FAILED, reason: exported.reason });
      return;
    }
    downloadText(exported.fileName, exported.text);
  } catch (error) {
    useRunStore.getState().showError({ title: SAVE_FAILED, reason: errorText(error) });
  }
}

/** Start-up: learn what the app offers, then run live on Windows, else open a scenario (?scenario=NAME or the first). */
export async function startApp(search: string): Promise<void> {
  if (appStarted) return;
  appStarted = true;
  const api = doctorApi();
  api.onProgress((event) => useRunStore.getState().progress(event));
  // File ▸ Open capture… in the desktop app: main read and opened the file; only its report came here.
  window.doctor?.onMenuCommand((command) => {
    if (command.command === 'open-capture') void showCaptureOpenedByMenu(command.fileName, command.result);
  });
  // A named scenario is asked for at once, in parallel with the app info: the first checklist comes sooner.
  const wanted = new URLSearchParams(search).get('scenario');
  const wantedRequest: RunRequest | null = wanted ? { kind: 'scenario', name: wanted } : null;
  const early = wantedRequest ? api.runChecklist(wantedRequest) : undefined;
  let info: Awaited<ReturnType<typeof api.getAppInfo>>;
  try {
    info = await api.getAppInfo();
  } catch (error) {
    useRunStore.getState().showError({ title: 'Could not start', reason: errorText(error) });
    return;
  }
  useAppInfoStore.getState().setInfo(info);
  if (wantedRequest && (await openSource(wantedRequest, early))) return;
  // An unknown ?scenario= still shows something useful, and keeps saying why it is not the one asked for.
  const problem = wantedRequest ? useRunStore.getState().error : null;
  const first = info.scenarios[0];
  if (info.liveSupported) await openSource({ kind: 'live' });
  else if (first) await openSource({ kind: 'scenario', name: first.name });
  if (problem) useRunStore.getState().showError(problem);
}
