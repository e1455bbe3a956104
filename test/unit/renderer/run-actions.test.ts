// What the person sees change when the app starts, opens a scenario or a file, re-runs, or fails:
// the run store (status line, per-probe progress, report, error, announcement), the source shown
// in the header and the rows left open, and the full output a row shows. Driven through the
// actions with a fake API that answers envelopes as main does.

import type { ApiEnvelope, RunResult } from '@contract/api-contract';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { useAppInfoStore } from '../../../renderer/src/state/app-info-store';
import { useChecklistViewStore } from '../../../renderer/src/state/checklist-view-store';
import { useFixStore } from '../../../renderer/src/state/fix-store';
import {
  loadProbeOutput,
  openCaptureFile,
  openSource,
  rerun,
  saveCapture,
  startApp,
} from '../../../renderer/src/state/run-actions';
import { isCheckPending, useRunStore } from '../../../renderer/src/state/run-store';
import { useSourceStore } from '../../../renderer/src/state/source-store';
import { appInfo, createFakeApi, failed, installBrowser, ok, scenarioRun } from './fake-doctor-api';

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

/** A picked or dropped file: its bytes (UTF-8 unless given), as the browser hands them over. */
function file(
  name: string,
  text: string,
  size = text.length,
  bytes: Uint8Array = new TextEncoder().encode(text),
): File {
  return { name, size, arrayBuffer: async () => bytes.slice().buffer } as unknown as File;
}

/** What Windows PowerShell 5.1's `>` writes: UTF-16LE with a byte order mark. */
function utf16le(text: string): Uint8Array {
  const bytes = new Uint8Array(2 + text.length * 2);
  bytes.set([0xff, 0xfe]);
  for (let i = 0; i < text.length; i++) {
    bytes[2 + i * 2] = text.charCodeAt(i) & 0xff;
    bytes[3 + i * 2] = text.charCodeAt(i) >> 8;
  }
  return bytes;
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

  it('shows a capture that File ▸ Open opened in main like a picked file, without asking again', async () => {
    const calls = vi.mocked(api.runChecklist).mock.calls.length;
    api.emitMenuCommand({
      command: 'open-capture',
      fileName: 'menu.json',
      result: ok(scenarioRun('clock-skew')),
    });
    await vi.waitFor(() =>
      expect(useSourceStore.getState().source).toEqual({ kind: 'capture', fileName: 'menu.json' }),
    );
    expect(useRunStore.getState().report?.headline.checkId).toBe('clock-skew');
    expect(vi.mocked(api.runChecklist).mock.calls.length).toBe(calls);
  });

  it("shows why File ▸ Open could not open a capture, in main's own words", async () => {
    const before = useRunStore.getState().report;
    api.emitMenuCommand({
      command: 'open-capture',
      fileName: 'bad.json',
      result: ok({ ok: false, reason: 'bad.json: not a capture file' }),
    });
    await vi.waitFor(() =>
      expect(useRunStore.getState().error).toEqual({
        title: 'Could not open the capture file',
        reason: 'bad.json: not a capture file',
      }),
    );
    api.emitMenuCommand({
      command: 'open-capture',
      fileName: 'huge.json',
      result: failed('runChecklist: text: too long', 'invalid-arguments'),
    });
    await vi.waitFor(() => expect(useRunStore.getState().error?.reason).toBe('runChecklist: text: too long'));
    expect(useRunStore.getState().report).toBe(before);
    expect(useSourceStore.getState().source).toEqual({ kind: 'capture', fileName: 'menu.json' });
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
    const answer = deferred<ApiEnvelope<RunResult>>();
    vi.mocked(api.runChecklist).mockImplementationOnce(() => answer.promise);
    const opened = openSource({ kind: 'scenario', name: 'healthy-hybrid' });
    const during = useRunStore.getState();
    expect(during.running).toBe(true);
    expect(during.runningLabel).toBe('Checking…');
    expect(Object.values(during.probes).every((p) => p === 'waiting')).toBe(true);
    expect(during.probes['dsregcmd-status']).toBe('waiting');
    expect(isCheckPending(during, ['dsregcmd-status'])).toBe(true);
    answer.resolve(ok(scenarioRun('healthy-hybrid')));
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

  it("shows a failed call's error in its own words, with no transport prefix", async () => {
    vi.mocked(api.runChecklist).mockResolvedValueOnce(
      failed('runChecklist: text: more than 20971520 characters', 'invalid-arguments'),
    );
    await openSource({ kind: 'capture', fileName: 'a.json', text: '{}' });
    expect(useRunStore.getState().error).toEqual({
      title: 'Could not open the capture file',
      reason: 'runChecklist: text: more than 20971520 characters',
    });
    // A transport fault that Electron wrapped: its prefix is not the person's business.
    vi.mocked(api.runChecklist).mockRejectedValueOnce(
      new Error("Error invoking remote method 'doctor:runChecklist': Error: the window closed"),
    );
    await openSource({ kind: 'live' });
    expect(useRunStore.getState().error).toEqual({
      title: 'Could not check this device',
      reason: 'the window closed',
    });
    vi.mocked(api.runChecklist).mockRejectedValueOnce('plain text thrown');
    await openSource({ kind: 'scenario', name: 'clock-skew' });
    expect(useRunStore.getState().error).toEqual({
      title: 'Could not open the practice scenario',
      reason: 'plain text thrown',
    });
    // Something that is not an envelope at all.
    vi.mocked(api.runChecklist).mockResolvedValueOnce(scenarioRun('clock-skew') as never);
    await openSource({ kind: 'scenario', name: 'clock-skew' });
    expect(useRunStore.getState().error?.reason).toBe('the app sent an unreadable answer');
    expect(useRunStore.getState().error?.reason).not.toMatch(/Error invoking remote method/);
  });

  it('drops the answer to an older request when a newer one was made meanwhile', async () => {
    const slow = deferred<ApiEnvelope<RunResult>>();
    vi.mocked(api.runChecklist).mockImplementationOnce(() => slow.promise);
    const first = openSource({ kind: 'scenario', name: 'clock-skew' });
    const second = openSource({ kind: 'scenario', name: 'healthy-entra-joined' });
    expect(await second).toBe(true);
    slow.resolve(ok(scenarioRun('clock-skew')));
    expect(await first).toBe(false);
    expect(useSourceStore.getState().source).toMatchObject({ name: 'healthy-entra-joined' });
  });

  it('an opened file is sent whole to the API and named in the header', async () => {
    vi.mocked(api.runChecklist).mockResolvedValueOnce(ok(scenarioRun('healthy-hybrid')));
    expect(await openCaptureFile(file('pc-0142.json', '{"x":1}'))).toBe(true);
    expect(api.runChecklist).toHaveBeenLastCalledWith({
      kind: 'capture',
      fileName: 'pc-0142.json',
      text: '{"x":1}',
    });
    expect(useSourceStore.getState().source).toEqual({ kind: 'capture', fileName: 'pc-0142.json' });
  });

  it('reads a capture re-saved as UTF-16 (PowerShell 5.1) as the same text', async () => {
    vi.mocked(api.runChecklist).mockResolvedValueOnce(ok(scenarioRun('healthy-hybrid')));
    const text = '{"format":"whfb-doctor/capture","note":"é"}';
    const bytes = utf16le(text);
    expect(await openCaptureFile(file('utf16.json', text, bytes.length, bytes))).toBe(true);
    expect(api.runChecklist).toHaveBeenLastCalledWith({ kind: 'capture', fileName: 'utf16.json', text });
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
      arrayBuffer: () => Promise.reject(new Error('gone')),
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
    const answer = deferred<ApiEnvelope<RunResult>>();
    vi.mocked(api.rerun).mockImplementationOnce(() => answer.promise);
    const running = rerun('prt');
    expect(api.rerun).toHaveBeenLastCalledWith({ checkId: 'prt' });
    expect(useRunStore.getState().runningCheckId).toBe('prt');
    expect(Object.keys(useRunStore.getState().probes)).toEqual(appInfo().checkProbes.prt);
    answer.resolve(ok(scenarioRun('healthy-hybrid')));
    await running;
    expect(useRunStore.getState().announcement?.text).toBe(
      'Check re-run: Primary Refresh Token (PRT): Pass.',
    );
  });

  it('a failed re-run says "Re-run failed" with the reason', async () => {
    vi.mocked(api.rerun).mockResolvedValueOnce(
      ok({ ok: false, reason: 'no session: open a scenario first' }),
    );
    await rerun();
    expect(api.rerun).toHaveBeenLastCalledWith({});
    expect(useRunStore.getState().error).toEqual({
      title: 'Re-run failed',
      reason: 'no session: open a scenario first',
    });
  });
});

describe('"Show full output"', () => {
  it("asks the session for the probe's output, as it was captured", async () => {
    await openSource({ kind: 'scenario', name: 'clock-skew' });
    const loaded = await loadProbeOutput('dsregcmd-status');
    expect(api.probeOutput).toHaveBeenLastCalledWith({ probeId: 'dsregcmd-status' });
    if (!loaded.ok) throw new Error(loaded.reason);
    expect(loaded.output.stdout).toMatch(/AzureAdJoined/);
    expect(loaded.output).toMatchObject({ stderr: expect.any(String), error: null });
  });

  it('asks again each time, so a re-run or a fix shows the new output, not an old copy', async () => {
    const before = vi.mocked(api.probeOutput).mock.calls.length;
    const first = { stdout: 'first', stderr: '', exitCode: 0, error: null };
    const second = { stdout: 'second', stderr: 'warn', exitCode: 1, error: 'timed out' };
    vi.mocked(api.probeOutput)
      .mockResolvedValueOnce(ok({ ok: true, output: first }))
      .mockResolvedValueOnce(ok({ ok: true, output: second }));
    expect(await loadProbeOutput('klist-tickets')).toEqual({ ok: true, output: first });
    await rerun();
    expect(await loadProbeOutput('klist-tickets')).toEqual({ ok: true, output: second });
    expect(vi.mocked(api.probeOutput).mock.calls.length).toBe(before + 2);
  });

  it('says why there is none when the session has none, the call fails, or the transport throws', async () => {
    vi.mocked(api.probeOutput).mockResolvedValueOnce(
      ok({ ok: false, reason: 'klist-tickets was not captured' }),
    );
    expect(await loadProbeOutput('klist-tickets')).toEqual({
      ok: false,
      reason: 'klist-tickets was not captured',
    });
    vi.mocked(api.probeOutput).mockResolvedValueOnce(
      failed('probeOutput: probeId: invalid', 'invalid-arguments'),
    );
    expect(await loadProbeOutput('klist-tickets')).toEqual({
      ok: false,
      reason: expect.stringContaining('probeOutput: probeId: invalid'),
    });
    vi.mocked(api.probeOutput).mockRejectedValueOnce(new Error('the window\nclosed'));
    expect(await loadProbeOutput('klist-tickets')).toEqual({ ok: false, reason: 'the window closed' });
    // Nothing of it reaches the error on screen: the panel says it itself.
    expect(useRunStore.getState().error).toBeNull();
  });
});

describe('the capture behind the screen', () => {
  it('"Save capture" downloads it, or shows why not', async () => {
    await saveCapture();
    const saved = downloads.saved.at(-1);
    expect(saved?.fileName).toBe('capture.json');
    expect(saved?.type).toBe('application/json');
    expect(await saved?.text).toBe('{"probes":{}}');
    vi.mocked(api.exportCapture).mockResolvedValueOnce(ok({ ok: false, reason: 'nothing is open' }));
    await saveCapture();
    expect(useRunStore.getState().error).toEqual({
      title: 'Could not save the capture',
      reason: 'nothing is open',
    });
    vi.mocked(api.exportCapture).mockRejectedValueOnce(new Error('disk full'));
    await saveCapture();
    expect(useRunStore.getState().error?.reason).toBe('disk full');
    vi.mocked(api.exportCapture).mockResolvedValueOnce(failed('exportCapture: the session is gone'));
    await saveCapture();
    expect(useRunStore.getState().error).toEqual({
      title: 'Could not save the capture',
      reason: 'exportCapture: the session is gone',
    });
  });
});
