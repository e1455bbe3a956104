// Each capture is parsed once per change: opening, re-running a replay, exporting, "full output"
// and a fix's guard read the session's facts; the live host parses each probe once for all the
// probes that wait on it; the trust model reads the checklist instead of running a check again.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createApiHandlers } from '../../../electron/api/create-api-handlers';
import { createLiveHostCache } from '../../../electron/api/live-host-cache';
import { serializeCapture } from '../../../electron/engine/capture/write-capture';
import { checkOsBuild } from '../../../electron/engine/checks/check-os-build';
import { diagnose } from '../../../electron/engine/diagnose';
import { PROBE_PARSERS } from '../../../electron/engine/facts/probe-parsers';
import { loadScenario } from '../../../electron/engine/scenarios/scenario-catalog';
import { liveHostAt } from '../../../electron/host/live-host';
import { createReplayRunner } from '../../../electron/host/replay-runner';

afterEach(() => {
  vi.restoreAllMocks();
});

const countDsregcmdParses = () => vi.spyOn(PROBE_PARSERS, 'dsregcmd-status');

describe('the session parses a capture once per change', () => {
  it('opening parses; re-running a replay, exporting, full output and a guarded fix do not', async () => {
    const api = createApiHandlers({ mode: 'preview', allowLive: false, platform: 'linux' });
    const parses = countDsregcmdParses();
    const opened = await api.runChecklist({ kind: 'scenario', name: 'certificate-trust-enabled' });
    expect(opened.ok).toBe(true);
    expect(parses).toHaveBeenCalledTimes(1);
    await api.rerun({});
    await api.rerun({ checkId: 'join-state' });
    await api.exportDocument({ kind: 'json', redact: true });
    await api.probeOutput({ probeId: 'dsregcmd-status' });
    const refused = await api.runFix({ action: 'delete-hello-container' });
    expect(refused.ok && refused.attempt.outcome).toBe('refused');
    expect(parses).toHaveBeenCalledTimes(1);
    // A practice step changes the device: its capture is parsed, once.
    const synced = await api.runFix({ action: 'sync-device-policy' });
    expect(synced.ok && synced.after.report.source).toEqual({
      kind: 'scenario',
      name: 'cert-trust-policy-removed',
    });
    expect(parses).toHaveBeenCalledTimes(2);
  });

  it('a capture file is parsed in the worker only: this thread keeps its facts', async () => {
    const api = createApiHandlers({ mode: 'preview', allowLive: false, platform: 'linux' });
    const capture = loadScenario('certificate-trust-enabled');
    const expected = diagnose(capture, { kind: 'capture', file: 'pc.json' });
    const parses = countDsregcmdParses();
    const opened = await api.runChecklist({
      kind: 'capture',
      fileName: 'pc.json',
      text: serializeCapture(capture),
    });
    expect(opened.ok && opened.report.headline).toEqual(expected.headline);
    await api.rerun({});
    await api.exportDocument({ kind: 'markdown', redact: true });
    const refused = await api.runFix({ action: 'delete-hello-container' });
    expect(refused.ok && refused.attempt.outcome).toBe('refused');
    expect(parses).not.toHaveBeenCalled();
  }, 30_000);

  it('"full output" answers one probe\'s raw output from the session', async () => {
    const api = createApiHandlers({ mode: 'preview', allowLive: false, platform: 'linux' });
    expect(await api.probeOutput({ probeId: 'dsregcmd-status' })).toEqual({
      ok: false,
      reason: 'nothing is open yet',
    });
    await api.runChecklist({ kind: 'scenario', name: 'healthy-hybrid' });
    const captured = loadScenario('healthy-hybrid').probes['dsregcmd-status'];
    expect(await api.probeOutput({ probeId: 'dsregcmd-status' })).toEqual({
      ok: true,
      output: {
        stdout: captured?.stdout,
        stderr: captured?.stderr,
        exitCode: captured?.exitCode,
        error: captured?.error,
      },
    });
    expect(await api.probeOutput({ probeId: 'entra-kerberos-server-admin' })).toEqual({
      ok: false,
      reason: 'entra-kerberos-server-admin was not captured',
    });
  });
});

describe('the live host', () => {
  it('parses each probe once, however many probes wait on it', async () => {
    const capture = loadScenario('healthy-hybrid');
    const host = liveHostAt('/device/System32', createReplayRunner(capture, { timeScale: 0 }));
    const parses = countDsregcmdParses();
    await host.captureAll({});
    expect(parses.mock.calls.length).toBeLessThanOrEqual(1);
  });

  it('is opened once and kept, without touching the options it was given', () => {
    const capture = loadScenario('healthy-hybrid');
    const host = liveHostAt('/device/System32', createReplayRunner(capture, { timeScale: 0 }));
    const open = vi.fn(() => ({ ok: true as const, host }));
    const options = Object.freeze({ allowLive: true, open });
    const liveHost = createLiveHostCache(options);
    expect(liveHost()).toEqual({ ok: true, host });
    expect(liveHost()).toEqual({ ok: true, host });
    expect(open).toHaveBeenCalledTimes(1);
    expect(createLiveHostCache({ allowLive: false, open })()).toMatchObject({ ok: false });
    expect(open).toHaveBeenCalledTimes(1);
  });

  it('runs a live session from frozen options (the handlers never write into them)', async () => {
    const capture = loadScenario('healthy-hybrid');
    const host = liveHostAt('/device/System32', createReplayRunner(capture, { timeScale: 0 }));
    const api = createApiHandlers(Object.freeze({ mode: 'electron', allowLive: true, liveHost: host }));
    expect(await api.runChecklist({ kind: 'live' })).toMatchObject({ ok: true });
  });
});

describe('the trust model', () => {
  it('reads the Windows build check from the checklist instead of running it again', () => {
    const evaluate = vi.spyOn(checkOsBuild, 'evaluate');
    const report = diagnose(loadScenario('key-trust-fallback'), {
      kind: 'scenario',
      name: 'key-trust-fallback',
    });
    expect(report.policyTrustModel).toBeDefined();
    expect(evaluate).toHaveBeenCalledTimes(1);
  });
});
