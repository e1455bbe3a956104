// The fleet view's logic: rows sorted by a column (empty cells last, builds in number order),
// filtered by text, trust model and first failing check, counted for the chart; files read in
// batches with progress, refusals listed, Cancel keeping what was read, a row opening its capture
// (or, for a report file, the report read-only).
import { gzipSync } from 'node:zlib';
import type { FleetFileSummary } from '@contract/api-contract';
import { type FleetSummaryRow, summaryFromReport } from '@contract/fleet-summary';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import {
  COLUMN_TITLES,
  cellValue,
  FLEET_COLUMNS,
  filterRows,
  firstFailing,
  sortRows,
  tally,
} from '../../../renderer/src/lib/fleet-rows';
import { readFleetText } from '../../../renderer/src/lib/read-fleet-text';
import {
  cancelFleetLoad,
  exportFleetCsv,
  openFleetDevice,
  openFleetFiles,
} from '../../../renderer/src/state/fleet-actions';
import { ANY, useFleetStore } from '../../../renderer/src/state/fleet-store';
import { useRunStore } from '../../../renderer/src/state/run-store';
import { useSourceStore } from '../../../renderer/src/state/source-store';
import { createFakeApi, failed, installBrowser, ok, scenarioReport, scenarioRun } from './fake-doctor-api';

const api = createFakeApi();
const downloads = installBrowser(api);

function row(scenario: string, overrides: Partial<FleetSummaryRow> = {}): FleetSummaryRow {
  const base = summaryFromReport(scenarioReport(scenario), {
    deviceId: null,
    osBuild: '22631.4460',
    source: 'capture',
    path: `${scenario}.json`,
  });
  return { ...base, ...overrides };
}

function fileOf(name: string, text: string, extra: Partial<File> = {}): File {
  const bytes = new TextEncoder().encode(text);
  return {
    name,
    size: bytes.byteLength,
    webkitRelativePath: '',
    lastModified: 1000,
    arrayBuffer: async () => bytes.slice().buffer,
    stream: () => new Blob([bytes]).stream(),
    ...extra,
  } as unknown as File;
}

/** Answers summarizeFiles with one row per file whose text names a scenario, else a refusal. */
function summarizeLikeTheApp() {
  vi.mocked(api.summarizeFiles).mockImplementation(async ({ files }) =>
    ok(
      files.map(({ fileName, text }): FleetFileSummary => {
        const scenario = text.trim();
        return scenario.startsWith('{')
          ? { ok: false, fileName, reason: 'not a capture' }
          : { ok: true, fileName, row: row(scenario, { deviceName: fileName }) };
      }),
    ),
  );
}

/** Answers the next summarizeFiles call as for report files: one 'report' row per file, named PC-<n>. */
function summarizeAsReports(scenario: string) {
  vi.mocked(api.summarizeFiles).mockImplementationOnce(async ({ files }) =>
    ok(
      files.map(({ fileName }, index) => ({
        ok: true as const,
        fileName,
        row: row(scenario, { source: 'report', deviceName: `PC-${index + 1}` }),
      })),
    ),
  );
}

/** The fleet's row for a file, as the view lists it. */
function fleetRow(path: string): FleetSummaryRow {
  const found = useFleetStore.getState().files.find((f) => f.row.path === path);
  if (!found) throw new Error(`no row for ${path}`);
  return found.row;
}

describe('fleet rows', () => {
  const a = row('healthy-hybrid', { deviceName: 'PC-10', osBuild: '22631.4460' });
  const b = row('cloud-trust-policy-missing', { deviceName: 'pc-9', osBuild: '19045.1' });
  const c = row('rdp-session', { deviceName: 'PC-2', osBuild: null, user: 'CORP\\ann' });

  it('sorts numbers as numbers, ignoring case, with empty cells last either way', () => {
    const names = (rows: FleetSummaryRow[]) => rows.map((r) => r.deviceName);
    expect(names(sortRows([a, b, c], { column: 'deviceName', direction: 'ascending' }))).toEqual([
      'PC-2',
      'pc-9',
      'PC-10',
    ]);
    expect(names(sortRows([a, b, c], { column: 'deviceName', direction: 'descending' }))).toEqual([
      'PC-10',
      'pc-9',
      'PC-2',
    ]);
    expect(names(sortRows([a, b, c], { column: 'osBuild', direction: 'ascending' }))).toEqual([
      'pc-9',
      'PC-10',
      'PC-2',
    ]);
    expect(names(sortRows([a, b, c], { column: 'osBuild', direction: 'descending' }))).toEqual([
      'PC-10',
      'pc-9',
      'PC-2',
    ]);
    // Equal cells: by device name.
    expect(names(sortRows([a, c, b], { column: 'files', direction: 'ascending' }))).toEqual([
      'PC-2',
      'pc-9',
      'PC-10',
    ]);
  });

  it('shows the first failing check, "none" or "unknown", and a dash for an empty cell', () => {
    expect(firstFailing(a)).toBe('none');
    expect(firstFailing(b)).toBe('cloud-trust-policy');
    expect(firstFailing(row('healthy-hybrid', { status: 'fail', rootCause: null }))).toBe('unknown');
    expect(cellValue(c, 'osBuild')).toBe('—');
    expect(cellValue(a, 'files')).toBe('1');
    expect(cellValue(b, 'rootCause')).toBe('cloud-trust-policy');
    expect(FLEET_COLUMNS.map((column) => COLUMN_TITLES[column])).toContain('First failing check');
  });

  it('filters by text in names, user, id, build or path, and by trust model and root cause', () => {
    expect(filterRows([a, b, c], { text: ' ann ', trustModel: ANY, rootCause: ANY })).toEqual([c]);
    expect(filterRows([a, b, c], { text: '19045', trustModel: ANY, rootCause: ANY })).toEqual([b]);
    expect(filterRows([a, b, c], { text: '', trustModel: a.trustModel, rootCause: ANY })).toContain(a);
    expect(filterRows([a, b, c], { text: '', trustModel: ANY, rootCause: 'cloud-trust-policy' })).toEqual([
      b,
    ]);
    expect(filterRows([a, b, c], { text: '', trustModel: ANY, rootCause: 'none' })).toEqual([a]);
  });

  it('counts rows per value for the chart, most first, ties by name', () => {
    expect(tally([a, b, c, a], (r) => r.status)).toEqual([
      ['fail', 2],
      ['pass', 2],
    ]);
  });
});

describe('reading fleet files', () => {
  it('plain JSON as it is, gzip expanded, and too-large or broken files refused with why', async () => {
    expect(await readFleetText(fileOf('a.json', '{"a":1}'))).toEqual({ ok: true, text: '{"a":1}' });
    const gz = gzipSync('{"b":2}');
    const gzFile = {
      name: 'b.JSON.GZ',
      size: gz.byteLength,
      stream: () => new Blob([gz]).stream(),
    } as unknown as File;
    expect(await readFleetText(gzFile)).toEqual({ ok: true, text: '{"b":2}' });
    expect(await readFleetText(fileOf('c.json', 'x', { size: 21 * 1024 * 1024 }))).toEqual({
      ok: false,
      reason: 'the file is over 20 MB, too large to be a capture or report',
    });
    const bad = { name: 'd.gz', size: 3, stream: () => new Blob(['not gzip']).stream() } as unknown as File;
    expect(await readFleetText(bad)).toEqual({
      ok: false,
      reason: 'the file could not be read (or is not valid gzip)',
    });
    const bomb = gzipSync(Buffer.alloc(21 * 1024 * 1024, 0x20));
    const bombFile = {
      name: 'e.gz',
      size: bomb.byteLength,
      stream: () => new Blob([bomb]).stream(),
    } as unknown as File;
    expect(await readFleetText(bombFile)).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/over 20 MB/),
    });
  });
});

describe('the fleet view', () => {
  beforeEach(() => {
    summarizeLikeTheApp();
  });

  it('opens with progress, lists rows and refusals, and forgets the last filters', async () => {
    useFleetStore.getState().setText('old filter');
    const files = [
      fileOf('pc-1.json', 'healthy-hybrid'),
      fileOf('pc-2.json', '{"not":"a capture"}'),
      fileOf('pc-3.json', 'x', { size: 30 * 1024 * 1024 }),
    ];
    const seen: (number | undefined)[] = [];
    const unsubscribe = useFleetStore.subscribe((s) => seen.push(s.loading?.done));
    await openFleetFiles(files);
    unsubscribe();
    const fleet = useFleetStore.getState();
    expect(fleet.open).toBe(true);
    expect(fleet.text).toBe('');
    expect(fleet.loading).toBeNull();
    expect(fleet.stoppedAt).toBeNull();
    expect(fleet.files.map((f) => f.row.path)).toEqual(['pc-1.json']);
    expect(fleet.files[0]?.mtimeMs).toBe(1000);
    expect(fleet.failures).toEqual([
      { fileName: 'pc-3.json', reason: 'the file is over 20 MB, too large to be a capture or report' },
      { fileName: 'pc-2.json', reason: 'not a capture' },
    ]);
    expect(seen).toContain(1);
    expect(seen).toContain(3);
  });

  it('sends at most 50 files per call and gives files of the same name their own paths', async () => {
    const files = Array.from({ length: 60 }, (_, i) =>
      fileOf('capture.json', 'healthy-hybrid', { webkitRelativePath: i < 2 ? 'fleet/capture.json' : '' }),
    );
    vi.mocked(api.summarizeFiles).mockClear();
    await openFleetFiles(files);
    const batches = vi.mocked(api.summarizeFiles).mock.calls.map(([request]) => request.files.length);
    expect(batches).toEqual([50, 10]);
    const paths = useFleetStore.getState().files.map((f) => f.row.path);
    expect(paths.slice(0, 4)).toEqual([
      'fleet/capture.json',
      'fleet/capture.json (2)',
      'capture.json',
      'capture.json (2)',
    ]);
    expect(new Set(paths).size).toBe(60);
  });

  it('a batch the API could not take lists each of its files with the reason', async () => {
    vi.mocked(api.summarizeFiles).mockRejectedValueOnce(new Error('the app closed'));
    await openFleetFiles([fileOf('a.json', 'healthy-hybrid'), fileOf('b.json', 'clock-skew')]);
    expect(useFleetStore.getState().failures).toEqual([
      { fileName: 'a.json', reason: 'the app closed' },
      { fileName: 'b.json', reason: 'the app closed' },
    ]);
    // A call refused as a call: its own words, with no transport prefix.
    vi.mocked(api.summarizeFiles).mockResolvedValueOnce(
      failed('summarizeFiles: files: more than 20971520 characters in one call', 'invalid-arguments'),
    );
    await openFleetFiles([fileOf('c.json', 'healthy-hybrid')]);
    expect(useFleetStore.getState().failures).toEqual([
      { fileName: 'c.json', reason: 'summarizeFiles: files: more than 20971520 characters in one call' },
    ]);
  });

  it('Cancel stops after the batch in flight and says where it stopped', async () => {
    let release: () => void = () => {};
    vi.mocked(api.summarizeFiles).mockImplementationOnce(
      ({ files }) =>
        new Promise((resolve) => {
          release = () =>
            resolve(ok(files.map(({ fileName }) => ({ ok: true, fileName, row: row('healthy-hybrid') }))));
        }),
    );
    const files = Array.from({ length: 55 }, (_, i) => fileOf(`pc-${i}.json`, 'healthy-hybrid'));
    const loading = openFleetFiles(files);
    await vi.waitFor(() => expect(api.summarizeFiles).toHaveBeenCalled());
    cancelFleetLoad();
    release();
    await loading;
    const fleet = useFleetStore.getState();
    expect(fleet.loading).toBeNull();
    expect(fleet.stoppedAt).toEqual({ done: 0, total: 55 });
    expect(fleet.files).toEqual([]);
  });

  it('sorts by a column, and a second click turns the order round', () => {
    const store = useFleetStore.getState();
    store.sortBy('osBuild');
    expect(useFleetStore.getState().sort).toEqual({ column: 'osBuild', direction: 'ascending' });
    useFleetStore.getState().sortBy('osBuild');
    expect(useFleetStore.getState().sort).toEqual({ column: 'osBuild', direction: 'descending' });
    useFleetStore.getState().sortBy('user');
    expect(useFleetStore.getState().sort).toEqual({ column: 'user', direction: 'ascending' });
    store.setTrustModel('key-trust');
    store.setRootCause('prt');
    expect(useFleetStore.getState()).toMatchObject({ trustModel: 'key-trust', rootCause: 'prt' });
    store.close();
    expect(useFleetStore.getState().open).toBe(false);
    store.show();
    expect(useFleetStore.getState().open).toBe(true);
  });

  it('a row opens its capture as the checklist, or says why it cannot', async () => {
    await openFleetFiles([fileOf('pc-1.json', 'healthy-hybrid')]);
    const [file] = useFleetStore.getState().files;
    vi.mocked(api.runChecklist).mockResolvedValueOnce(ok(scenarioRun('healthy-hybrid')));
    await openFleetDevice(file?.row as FleetSummaryRow);
    expect(api.runChecklist).toHaveBeenLastCalledWith({
      kind: 'capture',
      fileName: 'pc-1.json',
      text: 'healthy-hybrid',
    });
    expect(useFleetStore.getState().open).toBe(false);
    expect(useSourceStore.getState().source).toEqual({ kind: 'capture', fileName: 'pc-1.json' });

    await openFleetDevice(row('healthy-hybrid', { path: 'gone.json', deviceName: 'PC-7' }));
    expect(useFleetStore.getState().notice).toBe(
      'The file of PC-7 is no longer at hand: open the fleet again.',
    );
    expect(useFleetStore.getState().open).toBe(false);
  });

  it('a report row opens its report read-only through openReportFile; the session is not asked', async () => {
    const text = JSON.stringify(scenarioReport('cloud-trust-policy-missing'));
    summarizeAsReports('cloud-trust-policy-missing');
    await openFleetFiles([fileOf('pc-9.report.json', text)]);
    const reportRow = fleetRow('pc-9.report.json');
    expect(reportRow.source).toBe('report');
    const runs = vi.mocked(api.runChecklist).mock.calls.length;
    const seen: (string | null)[] = [];
    const unsubscribe = useRunStore.subscribe((s) => seen.push(s.running ? s.runningLabel : null));
    await openFleetDevice(reportRow);
    unsubscribe();
    expect(seen).toContain('Opening the report…');
    expect(api.openReportFile).toHaveBeenLastCalledWith({ fileName: 'pc-9.report.json', text });
    expect(vi.mocked(api.runChecklist).mock.calls.length).toBe(runs);
    expect(useFleetStore.getState()).toMatchObject({ open: false, notice: null });
    expect(useSourceStore.getState().source).toEqual({ kind: 'report', fileName: 'pc-9.report.json' });
    const run = useRunStore.getState();
    expect(run.running).toBe(false);
    expect(run.report?.headline.checkId).toBe('cloud-trust-policy');
    // Read-only: nothing on it acts on a device.
    expect(run.report?.checks.every((check) => check.fixes.length === 0)).toBe(true);
    expect(run.fixPlans).toEqual({});
    expect(run.announcement?.text).toMatch(/^Report file opened, read-only: .*1 failed/);
  });

  it('a report row that cannot be opened says why in the fleet view and keeps the checklist', async () => {
    summarizeAsReports('healthy-hybrid');
    await openFleetFiles([fileOf('pc-1.json', '{"not":"a report"}'), fileOf('pc-2.json', '{}')]);
    const broken = fleetRow('pc-1.json');
    const refused = fleetRow('pc-2.json');
    const before = useRunStore.getState().report;
    const source = useSourceStore.getState().source;
    // The app's own reader says what is wrong with the file.
    await openFleetDevice(broken);
    expect(useFleetStore.getState().notice).toMatch(
      /^PC-1: the report could not be opened \(pc-1\.json: not a report this version can show: .+\)\.$/,
    );
    expect(useFleetStore.getState().open).toBe(true);
    expect(useRunStore.getState()).toMatchObject({ report: before, running: false });
    expect(useSourceStore.getState().source).toBe(source);
    // A call that failed as a call: its own words.
    vi.mocked(api.openReportFile).mockResolvedValueOnce(
      failed('openReportFile: text: too long', 'too-large'),
    );
    await openFleetDevice(refused);
    expect(useFleetStore.getState().notice).toBe(
      'PC-2: the report could not be opened (openReportFile: text: too long).',
    );
    vi.mocked(api.openReportFile).mockRejectedValueOnce(
      new Error("Error invoking remote method 'doctor:openReportFile': Error: the window closed"),
    );
    await openFleetDevice(refused);
    expect(useFleetStore.getState().notice).toBe('PC-2: the report could not be opened (the window closed).');
    expect(useRunStore.getState().report).toBe(before);
  });

  it('a report row whose file can no longer be read says so without asking the API', async () => {
    // Read once for its row; by the time the row is opened the file has grown past the limit.
    let size = 100;
    const growing = fileOf('pc-6.json', 'x', {});
    Object.defineProperty(growing, 'size', { get: () => size });
    summarizeAsReports('healthy-hybrid');
    await openFleetFiles([growing]);
    size = 30 * 1024 * 1024;
    const calls = vi.mocked(api.openReportFile).mock.calls.length;
    await openFleetDevice(fleetRow('pc-6.json'));
    expect(useFleetStore.getState().notice).toBe(
      'PC-1: the file is over 20 MB, too large to be a capture or report.',
    );
    expect(vi.mocked(api.openReportFile).mock.calls.length).toBe(calls);
  });

  it('exports the rows as a dated CSV', async () => {
    exportFleetCsv([row('healthy-hybrid', { deviceName: '=cmd' })]);
    const saved = downloads.saved.at(-1);
    expect(saved?.fileName).toMatch(/^whfb-fleet-\d{4}-\d{2}-\d{2}\.csv$/);
    expect(saved?.type).toBe('text/csv');
    expect(await saved?.text).toContain("'=cmd");
  });
});
