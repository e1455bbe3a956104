// What the person sees change when the app starts, opens a scenario or a file, re-runs, or fails:
// the run store (status line, per-probe progress, report, error, announcement), the source shown
// in the header and the rows left open. Driven through the actions with a fake API.

import type { RunResult } from '@contract/api-contract';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { useAppInfoStore } from '../../../renderer/src/state/app-info-store';
import { useChecklistViewStore } from '../../../renderer/src/state/checklist-view-store';
import { useFixStore } from '../../../renderer/src/state/fix-store';
import {
  ensureCaptureText,
  openCaptureFile,
  openSource,
  rerun,
  saveCapture,
  startApp,
} from '../../../renderer/src/state/run-actions';
import { isCheckPending, useRunStore } from '../../../renderer/src/state/run-store';
import { useSourceStore } from '../../../renderer/src/state/source-store';
import { appInfo, createFakeApi, installBrowser, scenarioRun } from './fake-doctor-api';

const api = createFakeApi();
const downloads = installBrowser(api);

/** A promise the test settles by hand, to look at the screen while a run is in flight. */
function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((ok, fail) => {
    resolve = ok;
    reject = fail;
  });
  return { promise, resolve, reject };
}

function file(name: string, text: string, size = text.length): File {
  return { name, size, text: async () => text } as unknown as File;
}

describe('start-up', () => {
  it('opens the scenario named in ?scenario=, asked for alongside the app info', async () => {
    await startApp('?scenario=cloud-trust-policy-missing');
    expect(api.runChecklist).toHaveBeenCalledWith({ kind: 'scenario', name: 'cloud-trust-policy-missing' });
    expect(api.getAppInfo).toHaveBeenCalledTimes(1);
    const run = useRunStore.getState();
    expect(run.report?.headline.checkId).toBe('cloud-trust-policy');
    expect(run.running).toBe(false);
    expect(run.announcement?.text).toBe('Checks complete: 1 failed, 1 blocked, 14 passed, 2 skipped.');
    expect(useSourceStore.getState().source).toEqual({
      kind: 'scenario',
      name: 'cloud-trust-policy-missing',
      title: 'Cloud trust policy not set',
    });
    // Started once only: a second call (React's double effects) does nothing.
    await startApp('?scenario=healthy-hybrid');
    expect(api.getAppInfo).toHaveBeenCalledTimes(1);
  });

  it('opens a capture that File ▸ Open sent from the menu like a picked file', async () => {
    vi.mocked(api.runChecklist).mockResolvedValueOnce(scenarioRun('clock-skew'));
    api.emitMenuCommand({ command: 'open-capture', fileName: 'menu.json', text: '{"m":1}' });
    await vi.waitFor(() =>
      expect(useSourceStore.getState().source).toEqual({ kind: 'capture', fileName: 'menu.json' }),
    );
    expect(api.runChecklist).toHaveBeenLastCalledWith({
      kind: 'capture',
      fileName: 'menu.json',
      text: '{"m":1}',
    });
  });

  it('forwards progress events from the API to the rows', () => {
    useAppInfoStore.getState().setInfo(appInfo());
    useRunStore.getState().start(null, ['dsregcmd-status', 'klist-tickets']);
    api.emitProgress({ probeId: 'dsregcmd-status', phase: 'start' });
    expect(useRunStore.getState().probes['dsregcmd-status']).toBe('running');
    useRunStore.getState().stop();
  });
});

describe('opening a source', () => {
  beforeEach(() => {
    useAppInfoStore.getState().setInfo(appInfo());
  });

  it('marks every probe waiting while it runs, then shows the report and how long it took', async () => {
    const answer = deferred<RunResult>();
    vi.mocked(api.runChecklist).mockImplementationOnce(() => answer.promise);
    const opened = openSource({ kind: 'scenario', name: 'healthy-hybrid' });
    const during = useRunStore.getState();
    expect(during.running).toBe(true);
    expect(during.runningLabel).toBe('Checking…');
    expect(Object.values(during.probes).every((p) => p === 'waiting')).toBe(true);
    expect(during.probes['dsregcmd-status']).toBe('waiting');
    expect(isCheckPending(during, ['dsregcmd-status'])).toBe(true);
    answer.resolve(scenarioRun('healthy-hybrid'));
    expect(await opened).toBe(true);
    const after = useRunStore.getState();
    expect(after.running).toBe(false);
    expect(after.report?.headline.status).toBe('pass');
    expect(after.durationMs).toBeGreaterThanOrEqual(0);
    expect(isCheckPending(after, ['dsregcmd-status'])).toBe(false);
  });

  it('closes the open rows and the last fix outcome when another device opens', async () => {
    useChecklistViewStore.getState().toggle('prt');
    useFixStore
      .getState()
      .showOutcome({ kind: 'not-run', action: 'refresh-prt', checkId: 'prt', reason: 'x' });
    await openSource({ kind: 'scenario', name: 'expired-prt' });
    expect(useChecklistViewStore.getState().expanded).toEqual({});
    expect(useFixStore.getState().outcome).toBeNull();
  });

  it("shows the API's own reason under a title that says what did not work, and keeps the old report", async () => {
    await openSource({ kind: 'scenario', name: 'healthy-hybrid' });
    const before = useRunStore.getState().report;
    expect(await openSource({ kind: 'scenario', name: 'no-such-thing' })).toBe(false);
    const run = useRunStore.getState();
    expect(run.error).toEqual({
      title: 'Could not open the practice scenario',
      reason: 'no scenario named no-such-thing',
    });
    expect(run.report).toBe(before);
    expect(run.running).toBe(false);
  });

  it('shows a thrown error in its own words, not a transport prefix', async () => {
    vi.mocked(api.runChecklist).mockRejectedValueOnce(new Error('the capture has no probes'));
    await openSource({ kind: 'capture', fileName: 'a.json', text: '{}' });
    expect(useRunStore.getState().error).toEqual({
      title: 'Could not open the capture file',
      reason: 'the capture has no probes',
    });
    vi.mocked(api.runChecklist).mockRejectedValueOnce('plain text thrown');
    await openSource({ kind: 'live' });
    expect(useRunStore.getState().error).toEqual({
      title: 'Could not check this device',
      reason: 'plain text thrown',
    });
  });

  it('drops the answer to an older request when a newer one was made meanwhile', async () => {
    const slow = deferred<RunResult>();
    vi.mocked(api.runChecklist).mockImplementationOnce(() => slow.promise);
    const first = openSource({ kind: 'scenario', name: 'clock-skew' });
    const second = openSource({ kind: 'scenario', name: 'healthy-entra-joined' });
    expect(await second).toBe(true);
    slow.resolve(scenarioRun('clock-skew'));
    expect(await first).toBe(false);
    expect(useSourceStore.getState().source).toMatchObject({ name: 'healthy-entra-joined' });
  });

  it('an opened file keeps its text for "full output" and names the file in the header', async () => {
    vi.mocked(api.runChecklist).mockResolvedValueOnce(scenarioRun('healthy-hybrid'));
    expect(await openCaptureFile(file('pc-0142.json', '{"x":1}'))).toBe(true);
    expect(api.runChecklist).toHaveBeenLastCalledWith({
      kind: 'capture',
      fileName: 'pc-0142.json',
      text: '{"x":1}',
    });
    expect(useSourceStore.getState()).toMatchObject({
      source: { kind: 'capture', fileName: 'pc-0142.json' },
      captureText: '{"x":1}',
    });
    expect(await ensureCaptureText()).toBe('{"x":1}');
  });

  it('refuses a file too large to be a capture, or unreadable, before sending it', async () => {
    const calls = vi.mocked(api.runChecklist).mock.calls.length;
    expect(await openCaptureFile(file('huge.json', '', 25 * 1024 * 1024))).toBe(false);
    expect(useRunStore.getState().error).toEqual({
      title: 'Could not open the capture file',
      reason: 'huge.json: file is 25.0 MB, too large to be a capture',
    });
    const broken = {
      name: 'gone.json',
      size: 10,
      text: () => Promise.reject(new Error('gone')),
    } as unknown as File;
    expect(await openCaptureFile(broken)).toBe(false);
    expect(useRunStore.getState().error?.reason).toBe('gone.json: the file could not be read');
    expect(vi.mocked(api.runChecklist).mock.calls.length).toBe(calls);
    useRunStore.getState().dismissError();
    expect(useRunStore.getState().error).toBeNull();
  });
});

describe('re-running', () => {
  it('re-runs one check, marks only its probes, and announces its new status', async () => {
    useAppInfoStore.getState().setInfo(appInfo());
    await openSource({ kind: 'scenario', name: 'healthy-hybrid' });
    const answer = deferred<RunResult>();
    vi.mocked(api.rerun).mockImplementationOnce(() => answer.promise);
    const running = rerun('prt');
    expect(api.rerun).toHaveBeenLastCalledWith({ checkId: 'prt' });
    expect(useRunStore.getState().runningCheckId).toBe('prt');
    expect(Object.keys(useRunStore.getState().probes)).toEqual(appInfo().checkProbes.prt);
    answer.resolve(scenarioRun('healthy-hybrid'));
    await running;
    expect(useRunStore.getState().announcement?.text).toBe(
      'Check re-run: Primary Refresh Token (PRT): Pass.',
    );
  });

  it('a failed re-run says "Re-run failed" with the reason', async () => {
    vi.mocked(api.rerun).mockResolvedValueOnce({ ok: false, reason: 'no session: open a scenario first' });
    await rerun();
    expect(api.rerun).toHaveBeenLastCalledWith({});
    expect(useRunStore.getState().error).toEqual({
      title: 'Re-run failed',
      reason: 'no session: open a scenario first',
    });
  });

  it('a live re-run drops the cached full output, since the evidence changed', async () => {
    vi.mocked(api.runChecklist).mockResolvedValueOnce(scenarioRun('healthy-hybrid'));
    await openSource({ kind: 'live' });
    useSourceStore.getState().setCaptureText('old');
    await rerun();
    expect(useSourceStore.getState().captureText).toBeNull();
  });
});

describe('the capture behind the screen', () => {
  it('is fetched once for a scenario, then reused', async () => {
    await openSource({ kind: 'scenario', name: 'healthy-hybrid' });
    const before = vi.mocked(api.exportCapture).mock.calls.length;
    expect(await ensureCaptureText()).toBe('{"probes":{}}');
    expect(await ensureCaptureText()).toBe('{"probes":{}}');
    expect(vi.mocked(api.exportCapture).mock.calls.length).toBe(before + 1);
  });

  it('is null when the API cannot export it', async () => {
    useSourceStore.getState().setCaptureText(null);
    vi.mocked(api.exportCapture).mockResolvedValueOnce({ ok: false, reason: 'no session' });
    expect(await ensureCaptureText()).toBeNull();
  });

  it('"Save capture" downloads it, or shows why not', async () => {
    await saveCapture();
    const saved = downloads.saved.at(-1);
    expect(saved?.fileName).toBe('capture.json');
    expect(saved?.type).toBe('application/json');
    expect(await saved?.text).toBe('{"probes":{}}');
    vi.mocked(api.exportCapture).mockResolvedValueOnce({ ok: false, reason: 'nothing is open' });
    await saveCapture();
    expect(useRunStore.getState().error).toEqual({
      title: 'Could not save the capture',
      reason: 'nothing is open',
    });
    vi.mocked(api.exportCapture).mockRejectedValueOnce(new Error('disk full'));
    await saveCapture();
    expect(useRunStore.getState().error?.reason).toBe('disk full');
  });
});
