import type { FixResult, RunResult } from '@contract/api-contract';
import type { Capture } from '@contract/types';
import { describe, expect, it, vi } from 'vitest';
import { createApiHandlers } from '../../../electron/api/create-api-handlers';
import { dispatch } from '../../../electron/api/dispatch';
import { serializeCapture } from '../../../electron/engine/capture/write-capture';
import { loadScenario } from '../../../electron/engine/scenarios/scenario-catalog';
import type { CommandRequest } from '../../../electron/host/command-funnel';
import { liveHostAt } from '../../../electron/host/live-host';
import { createReplayRunner } from '../../../electron/host/replay-runner';

const preview = () => createApiHandlers({ mode: 'preview', allowLive: false, platform: 'linux' });
const statusOf = (result: RunResult | FixResult, id: string) => {
  const report = 'after' in result ? result.after.report : result.ok ? result.report : undefined;
  return report?.checks.find((c) => c.id === id)?.status;
};
const alice = { acknowledged: true, userName: 'contoso\\alice' };

describe('API dispatch', () => {
  it('never calls a handler with wrong arguments or an unknown method', async () => {
    const handlers = preview();
    const spy = vi.spyOn(handlers, 'runChecklist');
    expect(await dispatch(handlers, 'runChecklist', [{ kind: 'scenario' }])).toMatchObject({
      ok: false,
      error: { code: 'invalid-arguments' },
    });
    expect(
      await dispatch(handlers, 'runChecklist', [{ kind: 'live', command: 'calc.exe' }, 'extra']),
    ).toMatchObject({ ok: false });
    expect(await dispatch(handlers, 'runFix', [{ action: 'format-c' }])).toMatchObject({
      ok: false,
      error: { code: 'invalid-arguments' },
    });
    expect(await dispatch(handlers, 'shell', ['rm -rf /'])).toMatchObject({
      ok: false,
      error: { code: 'unknown-method' },
    });
    expect(spy).not.toHaveBeenCalled();
  });
});

describe('browser preview (replay only)', () => {
  it('refuses live runs with a clear reason', async () => {
    const result = await preview().runChecklist({ kind: 'live' });
    expect(result).toEqual({ ok: false, reason: expect.stringMatching(/not available here/) });
  });

  it('keeps the previous session when a capture is corrupt', async () => {
    const handlers = preview();
    await handlers.runChecklist({ kind: 'scenario', name: 'healthy-hybrid' });
    const bad = await handlers.runChecklist({ kind: 'capture', fileName: 'pc.json', text: '{oops' });
    expect(bad).toMatchObject({ ok: false, reason: expect.stringMatching(/^pc\.json: not a capture file/) });
    const exported = await handlers.exportCapture();
    expect(exported.ok && exported.fileName).toMatch(/healthy-hybrid/);
  });

  it('fills the domain into the admin commands it offers', async () => {
    const result = await preview().runChecklist({ kind: 'scenario', name: 'entra-kerberos-server-missing' });
    expect(result.ok && result.fixPlans['create-entra-kerberos-server']).toEqual([
      expect.objectContaining({
        kind: 'show-command',
        text: expect.stringContaining('-Domain corp.contoso.com'),
      }),
    ]);
  });

  it('walks the certificate trust repair from broken to healthy, recording every step', async () => {
    const api = preview();
    const start = await api.runChecklist({ kind: 'scenario', name: 'certificate-trust-enabled' });
    expect(statusOf(start, 'cert-trust-conflict')).toBe('fail');
    expect(start.ok && start.practice?.actions.map((a) => a.action)).toEqual([
      'sync-device-policy',
      'delete-hello-container',
    ]);

    const early = await api.runFix({ action: 'delete-hello-container', confirmation: alice });
    expect(early.ok && early.attempt.message).toMatch(/policy still enables certificate trust/);

    const synced = await api.runFix({ action: 'sync-device-policy' });
    expect(synced.ok && synced.attempt.outcome).toBe('simulated');
    expect(synced.ok && synced.after.report.source).toEqual({
      kind: 'scenario',
      name: 'cert-trust-policy-removed',
    });

    const unconfirmed = await api.runFix({ action: 'delete-hello-container' });
    expect(unconfirmed.ok && unconfirmed.attempt).toMatchObject({ outcome: 'refused' });
    expect(unconfirmed.ok && unconfirmed.after.report.source).toEqual({
      kind: 'scenario',
      name: 'cert-trust-policy-removed',
    });

    const deleted = await api.runFix({ action: 'delete-hello-container', confirmation: alice });
    expect(deleted.ok && deleted.before.checks.find((c) => c.id === 'cert-trust-conflict')?.status).toBe(
      'fail',
    );
    expect(statusOf(deleted, 'hello-provisioned')).toBe('fail');

    const signedIn = await api.runFix({ action: 'sign-out-and-in' });
    expect(signedIn.ok && signedIn.after.report.headline.status).toBe('pass');
    expect(signedIn.ok && signedIn.after.report.fixAttempts.map((a) => `${a.fixId}:${a.outcome}`)).toEqual([
      'delete-hello-container:simulated',
      'sync-device-policy:simulated',
      'delete-hello-container:refused',
      'delete-hello-container:simulated',
      'sign-out-and-in:simulated',
    ]);
  });

  it("keeps the administrator's pasted output through a practice step", async () => {
    const api = preview();
    await api.runChecklist({ kind: 'scenario', name: 'password-sign-in' });
    const pasted = await api.attachAdminOutput({
      text: 'Id : 1\nKeyVersion : 5\nCloudKeyVersion : 4\nKeyUpdatedOn : 3/15/2026 6:44:39 AM\n',
    });
    expect(statusOf(pasted, 'entra-kerberos-keys')).toBe('fail');
    const step = await api.runFix({ action: 'lock-and-sign-in-with-pin' });
    expect(step.ok && step.after.report.source).toEqual({ kind: 'scenario', name: 'healthy-hybrid' });
    expect(statusOf(step, 'entra-kerberos-keys')).toBe('fail');
  });

  it('says a fix on a capture changes nothing', async () => {
    const api = preview();
    const text = serializeCapture(loadScenario('password-sign-in'));
    await api.runChecklist({ kind: 'capture', fileName: 'pc.json', text });
    const result = await api.runFix({ action: 'refresh-prt' });
    expect(result.ok && result.attempt).toMatchObject({
      outcome: 'simulated',
      message: expect.stringMatching(/recording/),
    });
  });
});

describe('summarizeFiles', () => {
  it('sums up captures and reports in order, says why a file is unreadable, and leaves the session alone', async () => {
    const handlers = preview();
    await handlers.runChecklist({ kind: 'scenario', name: 'healthy-hybrid' });
    const capture = serializeCapture(loadScenario('key-trust-fallback'));
    await handlers.runChecklist({ kind: 'scenario', name: 'certificate-trust-enabled' });
    const report = await handlers.exportDocument({ kind: 'json', redact: false });
    await handlers.runChecklist({ kind: 'scenario', name: 'healthy-hybrid' });
    const results = await handlers.summarizeFiles({
      files: [
        { fileName: 'pc-1.json', text: capture },
        { fileName: 'broken.json', text: '{oops\u202e' },
        { fileName: 'pc-2.report.json', text: report.ok ? report.text : '' },
      ],
    });
    expect(results.map((r) => [r.fileName, r.ok])).toEqual([
      ['pc-1.json', true],
      ['broken.json', false],
      ['pc-2.report.json', true],
    ]);
    const [first, second, third] = results;
    expect(first?.ok && first.row).toMatchObject({ source: 'capture', path: 'pc-1.json', files: 1 });
    expect(first?.ok && first.row.deviceId).toBe('8d2f6c41-3b7e-4a90-b1c5-6e0d9a27f318');
    expect(second?.ok === false && second.reason).toMatch(/^not a capture file/);
    expect(second?.ok === false && second.reason).not.toMatch(/[\n\u202e]/);
    expect(third?.ok && third.row).toMatchObject({ source: 'report', trustModel: 'certificate-trust' });
    const exported = await handlers.exportCapture();
    expect(exported.ok && exported.fileName).toMatch(/healthy-hybrid/);
  });
});

describe('exportDocument', () => {
  // Names the healthy-hybrid scenario gives away: user, device, domain.
  const NAMES = /contoso|alice|PC-0142/i;
  const REPORT_KINDS = [
    ['html', /^whfb-report-healthy-hybrid-[0-9TZ-]+\.html$/, /^<!doctype html>/i],
    ['markdown', /^whfb-report-healthy-hybrid-[0-9TZ-]+\.md$/, /^# /],
    ['json', /^whfb-report-healthy-hybrid-[0-9TZ-]+\.json$/, /^\{\s*"format": "whfb-doctor\/report"/],
    ['summary', /^whfb-summary-healthy-hybrid-[0-9TZ-]+\.md$/, /^\*\*WHfB Doctor\*\*/],
  ] as const;

  const opened = async (name = 'healthy-hybrid') => {
    const api = preview();
    await api.runChecklist({ kind: 'scenario', name });
    return api;
  };

  it.each(REPORT_KINDS)('exports the %s report with names, or redacted', async (kind, fileName, start) => {
    const api = await opened();
    const plain = await api.exportDocument({ kind, redact: false });
    const redacted = await api.exportDocument({ kind, redact: true });
    if (!plain.ok || !redacted.ok) throw new Error('export failed');
    expect(plain.fileName).toMatch(fileName);
    expect(redacted.fileName).toBe(plain.fileName);
    expect(plain.text).toMatch(start);
    expect(redacted.text).toMatch(start);
    expect(plain.text).toMatch(/contoso/i);
    expect(plain.text).toMatch(/alice/i);
    expect(plain.text).toMatch(/PC-0142/i);
    expect(redacted.text).not.toMatch(NAMES);
    expect(redacted.text).toMatch(/user-1/);
  });

  it('exports the capture, redacted with the same placeholders as the report, still diagnosing the same', async () => {
    const api = await opened();
    const plain = await api.exportDocument({ kind: 'capture', redact: false });
    const redacted = await api.exportDocument({ kind: 'capture', redact: true });
    const report = await api.exportDocument({ kind: 'json', redact: true });
    if (!plain.ok || !redacted.ok || !report.ok) throw new Error('export failed');
    expect(plain.fileName).toMatch(/^whfb-capture-healthy-hybrid-[0-9TZ-]+\.json$/);
    expect(plain.text).toMatch(/alice/);
    // A certificate template's name (ContosoUserVPN) is kept by design: check the identifying values.
    expect(redacted.text).not.toMatch(/alice|PC-0142|corp\.contoso\.com|CONTOSO\\\\/i);
    const user = (JSON.parse(report.text) as { device: { user: string } }).device.user;
    const whoami = (JSON.parse(redacted.text) as { probes: Record<string, { stdout: string }> }).probes[
      'whoami-user'
    ];
    expect(whoami?.stdout).toContain(user);

    const before = await api.rerun({});
    const again = await api.runChecklist({
      kind: 'capture',
      fileName: redacted.fileName,
      text: redacted.text,
    });
    const statuses = (result: RunResult) => (result.ok ? result.report.checks.map((c) => c.status) : []);
    expect(statuses(again)).toEqual(statuses(before));
  });

  it('carries the fix history, and names a capture or device file "device"', async () => {
    const api = preview();
    const text = serializeCapture(loadScenario('password-sign-in'));
    await api.runChecklist({ kind: 'capture', fileName: 'PC-0142.json', text });
    await api.runFix({ action: 'refresh-prt' });
    const plain = await api.exportDocument({ kind: 'json', redact: false });
    const redacted = await api.exportDocument({ kind: 'markdown', redact: true });
    if (!plain.ok || !redacted.ok) throw new Error('export failed');
    expect(plain.fileName).toMatch(/^whfb-report-device-[0-9TZ-]+\.json$/);
    expect(JSON.parse(plain.text)).toMatchObject({
      source: { kind: 'capture', file: 'PC-0142.json' },
      fixAttempts: [{ fixId: 'refresh-prt', outcome: 'simulated' }],
    });
    expect(redacted.fileName).toMatch(/^whfb-report-device-[0-9TZ-]+\.md$/);
    expect(redacted.text).not.toMatch(NAMES);
  });

  it('has nothing to export before anything is open', async () => {
    expect(await preview().exportDocument({ kind: 'html', redact: true })).toEqual({
      ok: false,
      reason: 'nothing to export yet',
    });
  });
});

/** A live host whose probes answer from a capture and whose fix tools are recorded, not run. */
function fakeDevice(capture: Capture) {
  const replay = createReplayRunner(capture, { timeScale: 0 });
  const fixCalls: string[] = [];
  const runner = async (request: CommandRequest) => {
    if (request.probeId) return replay(request);
    const name = request.file.split('/').at(-1) ?? '';
    if (name === 'reg.exe') return replay(request); // the OEM code page read
    fixCalls.push([name, ...request.args].join(' '));
    return {
      command: [name, ...request.args],
      exitCode: 0,
      stdout: 'ok\n',
      stderr: '',
      durationMs: 1,
      error: null,
    };
  };
  return { host: liveHostAt('/device/System32', runner), fixCalls };
}

/** The desktop app's handlers on a fake Windows device, with a live run done. */
async function openLiveDevice(capture: Capture) {
  const device = fakeDevice(capture);
  const api = createApiHandlers({
    mode: 'electron',
    allowLive: true,
    liveHost: device.host,
    platform: 'win32',
  });
  await api.runChecklist({ kind: 'live' });
  return { api, device };
}

describe('live session (fake device)', () => {
  it('runs a fix by its fixed argv, then re-runs the probes it affects', async () => {
    const { api, device } = await openLiveDevice(loadScenario('password-sign-in'));
    const result = await api.runFix({ action: 'lock-and-sign-in-with-pin' });
    expect(device.fixCalls).toEqual(['rundll32.exe user32.dll,LockWorkStation']);
    expect(result.ok && result.attempt.outcome).toBe('done');
    expect(result.ok && result.after.report.fixAttempts).toHaveLength(1);
  });

  it('refuses to delete the Hello container when the app runs elevated, and runs nothing', async () => {
    const capture = loadScenario('healthy-hybrid');
    const groups = capture.probes['whoami-groups'];
    const elevated: Capture = {
      ...capture,
      probes: {
        ...capture.probes,
        'whoami-groups': groups && {
          ...groups,
          stdout: groups.stdout.replace('S-1-16-8192', 'S-1-16-12288'),
        },
      },
    };
    const { api, device } = await openLiveDevice(elevated);
    const result = await api.runFix({ action: 'delete-hello-container', confirmation: alice });
    expect(result.ok && result.attempt).toMatchObject({
      outcome: 'refused',
      message: expect.stringMatching(/elevated/),
    });
    expect(device.fixCalls).toEqual([]);
  });

  it('does not offer signing out as something the app does', async () => {
    const { api } = await openLiveDevice(loadScenario('healthy-hybrid'));
    expect(await api.runFix({ action: 'sign-out-and-in' })).toMatchObject({ ok: false });
  });
});
