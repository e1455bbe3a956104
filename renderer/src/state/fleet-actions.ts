// Reading a fleet: the files go to the API in batches (a count and a cap on text per call), so
// the view counts progress and Cancel stops between batches. The files themselves stay here, so a
// row can open its capture as the checklist.
import type { RunResult, SummarizeFilesRequest } from '@contract/api-contract';
import { fleetCsv } from '@contract/fleet-csv';
import type { FleetFileRow } from '@contract/fleet-devices';
import type { FleetSummaryRow } from '@contract/fleet-summary';
import { MAX_FILE_NAME_CHARS, MAX_FLEET_CHARS_PER_CALL, MAX_FLEET_FILES_PER_CALL } from '@contract/limits';
import { doctorApi } from '../api/doctor-api';
import { downloadText } from '../lib/download';
import { errorText } from '../lib/error-text';
import { readFleetText } from '../lib/read-fleet-text';
import { countsInWords } from '../lib/words';
import { useChecklistViewStore } from './checklist-view-store';
import { useFixStore } from './fix-store';
import { type FleetFailure, useFleetStore } from './fleet-store';
import { openCaptureFile } from './run-actions';
import { claimRun, isLatestRun } from './run-sequence';
import { useRunStore } from './run-store';
import { useSourceStore } from './source-store';

/** The file behind each row's path (names made unique when two folders hold the same name). */
let filesByPath = new Map<string, File>();
let loadSeq = 0;

/** Room for " (n)" within the API's limit on a file name. */
const MAX_BASE_CHARS = MAX_FILE_NAME_CHARS - 10;

function uniquePaths(files: readonly File[]): string[] {
  const seen = new Set<string>();
  return files.map((file) => {
    const full = file.webkitRelativePath || file.name;
    // The end of a long path is kept: the file's own name is what a person recognises.
    const base = full.length > MAX_BASE_CHARS ? `…${full.slice(-(MAX_BASE_CHARS - 1))}` : full;
    let path = base;
    for (let n = 2; seen.has(path); n++) path = `${base} (${n})`;
    seen.add(path);
    return path;
  });
}

/** Reads many files into the fleet view, replacing the fleet shown before. */
export async function openFleetFiles(files: readonly File[]): Promise<void> {
  const seq = ++loadSeq;
  const store = useFleetStore.getState();
  store.begin(files.length);
  const paths = uniquePaths(files);
  filesByPath = new Map(paths.map((path, index) => [path, files[index] as File]));
  let batch: SummarizeFilesRequest['files'] = [];
  let batchChars = 0;
  let done = 0;
  // Files refused before sending (too large, unreadable) count as done at once.
  let refused = 0;
  const mtimes = new Map(paths.map((path, index) => [path, files[index]?.lastModified ?? 0]));

  const send = async (): Promise<boolean> => {
    if (batch.length === 0) return true;
    const sent = batch;
    batch = [];
    batchChars = 0;
    const rows: FleetFileRow[] = [];
    const failures: FleetFailure[] = [];
    try {
      for (const result of await doctorApi().summarizeFiles({ files: sent })) {
        // The row keeps the name this view gave the file, so a row finds its file again.
        if (result.ok)
          rows.push({
            row: { ...result.row, path: result.fileName },
            mtimeMs: mtimes.get(result.fileName) ?? 0,
          });
        else failures.push({ fileName: result.fileName, reason: result.reason });
      }
    } catch (error) {
      const reason = errorText(error);
      for (const file of sent) failures.push({ fileName: file.fileName, reason });
    }
    if (seq !== loadSeq) return false;
    done += sent.length;
    useFleetStore.getState().add(rows, failures, done + refused);
    return true;
  };

  for (const [index, file] of files.entries()) {
    const path = paths[index] as string;
    const read = await readFleetText(file);
    if (seq !== loadSeq) return;
    if (!read.ok) {
      refused++;
      useFleetStore.getState().add([], [{ fileName: path, reason: read.reason }], done + refused);
      continue;
    }
    if (
      batch.length >= MAX_FLEET_FILES_PER_CALL ||
      batchChars + read.text.length > MAX_FLEET_CHARS_PER_CALL
    ) {
      if (!(await send())) return;
    }
    batch.push({ fileName: path, text: read.text });
    batchChars += read.text.length;
  }
  if (!(await send())) return;
  useFleetStore.getState().end(false);
}

/** Stops reading after the batch in flight; what was read stays on screen. */
export function cancelFleetLoad(): void {
  loadSeq++;
  useFleetStore.getState().end(true);
}

/**
 * A report file as a read-only checklist: checked whole by the API (it came from a share), shown
 * without fixes, re-runs or full output. The session behind the other buttons is not touched.
 */
async function openReportRow(file: File, path: string, name: string): Promise<void> {
  const store = useFleetStore.getState();
  const read = await readFleetText(file);
  if (!read.ok) {
    store.setNotice(`${name}: ${read.reason}.`);
    return;
  }
  const run = claimRun();
  useRunStore.getState().start(null, [], 'Opening the report…');
  let result: RunResult;
  try {
    result = await doctorApi().openReportFile({ fileName: path, text: read.text });
  } catch (error) {
    result = { ok: false, reason: errorText(error) };
  }
  if (!isLatestRun(run)) return;
  if (!result.ok) {
    useRunStore.getState().stop();
    store.setNotice(`${name}: the report could not be opened (${result.reason}).`);
    return;
  }
  store.setNotice(null);
  store.close();
  useSourceStore.getState().setSource({ kind: 'report', fileName: path });
  useChecklistViewStore.getState().collapseAll();
  useFixStore.getState().dismissOutcome();
  useRunStore
    .getState()
    .finish(result, `Report file opened, read-only: ${countsInWords(result.report.counts)}.`);
}

/** Opens a device's newest file as the checklist: a capture as usual, a report read-only. */
export async function openFleetDevice(row: FleetSummaryRow): Promise<void> {
  const store = useFleetStore.getState();
  const file = row.path === null ? undefined : filesByPath.get(row.path);
  const name = row.deviceName ?? row.deviceId ?? 'this device';
  if (!file || row.path === null) {
    store.setNotice(`The file of ${name} is no longer at hand: open the fleet again.`);
    return;
  }
  if (row.source !== 'capture') {
    await openReportRow(file, row.path, name);
    return;
  }
  store.setNotice(null);
  store.close();
  await openCaptureFile(file);
}

export function exportFleetCsv(rows: readonly FleetSummaryRow[]): void {
  const day = new Date().toISOString().slice(0, 10);
  downloadText(`whfb-fleet-${day}.csv`, fleetCsv(rows), 'text/csv');
}
