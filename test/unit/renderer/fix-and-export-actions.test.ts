// Fixes, pasted admin output, the share test and the Export dialog's buttons, as the person sees
// them: which rows changed ("was: Fail"), what the outcome message says, what is downloaded or
// copied, and the error's own words when something is refused.

import type { ApiEnvelope, FixResult } from '@contract/api-contract';
import { MAX_ADMIN_OUTPUT_CHARS } from '@contract/limits';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { SAVE_CHOICES } from '../../../renderer/src/lib/export-choices';
import { rememberedShare } from '../../../renderer/src/lib/share-memory';
import { checkAdminOutput } from '../../../renderer/src/state/admin-output-actions';
import { useAppInfoStore } from '../../../renderer/src/state/app-info-store';
import { useChecklistViewStore } from '../../../renderer/src/state/checklist-view-store';
import { copySummary, saveDocument } from '../../../renderer/src/state/export-actions';
import { requestFix } from '../../../renderer/src/state/fix-actions';
import { useFixStore } from '../../../renderer/src/state/fix-store';
import { openSource } from '../../../renderer/src/state/run-actions';
import { useRunStore } from '../../../renderer/src/state/run-store';
import { testShare } from '../../../renderer/src/state/share-test-actions';
import { sourceViewOf } from '../../../renderer/src/state/show-result';
import { useSourceStore } from '../../../renderer/src/state/source-store';
import {
  appInfo,
  createFakeApi,
  failed,
  installBrowser,
  ok,
  scenarioReport,
  scenarioRun,
} from './fake-doctor-api';

const api = createFakeApi();
const downloads = installBrowser(api);

beforeEach(async () => {
  useAppInfoStore.getState().setInfo(appInfo());
  await openSource({ kind: 'scenario', name: 'cloud-trust-policy-missing' });
});

describe('running a fix', () => {
  it("shows the new checklist with each changed row's old status, and the attempt", async () => {
    const result: FixResult = {
      ok: true,
      attempt: {
        at: '2026-01-01T00:00:00.000Z',
        fixId: 'sync-device-policy',
        outcome: 'simulated',
        message: 'Simulated: the device synced.',
        output: '',
      },
      before: scenarioReport('cloud-trust-policy-missing'),
      after: scenarioRun('healthy-hybrid'),
    };
    vi.mocked(api.runFix).mockImplementationOnce(async () => {
      // While it runs: the button says which action is busy and the status line says so.
      expect(useFixStore.getState().busy).toBe('sync-device-policy');
      expect(useRunStore.getState().runningLabel).toBe('Running the fix…');
      return ok(result);
    });
    useFixStore.getState().openDialog({ fixId: 'sync-device-policy', checkId: 'cloud-trust-policy' });
    await requestFix({ action: 'sync-device-policy' }, 'cloud-trust-policy');
    const fixes = useFixStore.getState();
    expect(fixes.busy).toBeNull();
    expect(fixes.dialog).toBeNull();
    expect(fixes.outcome).toMatchObject({
      kind: 'attempt',
      action: 'sync-device-policy',
      checkId: 'cloud-trust-policy',
    });
    const changes = fixes.outcome?.kind === 'attempt' ? fixes.outcome.changes : [];
    expect(changes).toContainEqual({
      id: 'cloud-trust-policy',
      title: 'Cloud trust policy',
      from: 'fail',
      to: 'pass',
    });
    const run = useRunStore.getState();
    expect(run.report?.headline.status).toBe('pass');
    expect(run.previousStatus['cloud-trust-policy']).toBe('fail');
    // The outcome message announces itself: the run store does not announce a second time.
    expect(run.announcement?.text).toMatch(/^Checks complete/);
    expect(useSourceStore.getState().source).toEqual({
      kind: 'scenario',
      name: 'healthy-hybrid',
      title: 'Healthy hybrid joined device',
    });
  });

  it('a refused fix is "not run" with the reason in its own words; the checklist stays', async () => {
    const before = useRunStore.getState().report;
    vi.mocked(api.runFix).mockResolvedValueOnce(ok({ ok: false, reason: 'refused: the app runs elevated' }));
    await requestFix({ action: 'delete-hello-container' }, 'cert-trust-conflict');
    expect(useFixStore.getState().outcome).toMatchObject({
      kind: 'not-run',
      action: 'delete-hello-container',
      reason: 'refused: the app runs elevated',
    });
    expect(useRunStore.getState().report).toBe(before);
    expect(useRunStore.getState().running).toBe(false);
    vi.mocked(api.runFix).mockRejectedValueOnce(new Error('the window closed'));
    await requestFix({ action: 'refresh-prt' }, null);
    expect(useFixStore.getState().outcome).toMatchObject({
      kind: 'not-run',
      reason: 'the window closed',
      checkId: null,
    });
    vi.mocked(api.runFix).mockResolvedValueOnce(
      failed('runFix: confirmation: the user name does not match', 'invalid-arguments'),
    );
    await requestFix({ action: 'delete-hello-container' }, 'cert-trust-conflict');
    expect(useFixStore.getState().outcome).toMatchObject({
      kind: 'not-run',
      reason: 'runFix: confirmation: the user name does not match',
    });
    expect(useRunStore.getState().report).toBe(before);
  });

  it('a fix answered after a newer run changes nothing on screen', async () => {
    let answer: (value: ApiEnvelope<FixResult>) => void = () => {};
    vi.mocked(api.runFix).mockImplementationOnce(() => new Promise((resolve) => (answer = resolve)));
    const fix = requestFix({ action: 'refresh-prt' }, 'prt');
    await openSource({ kind: 'scenario', name: 'expired-prt' });
    useFixStore.getState().dismissOutcome();
    answer(ok({ ok: false, reason: 'late' }));
    await fix;
    expect(useFixStore.getState().outcome).toBeNull();
    expect(useRunStore.getState().report?.source).toEqual({ kind: 'scenario', name: 'expired-prt' });
  });

  it('each outcome gets a new number, so the same outcome twice still announces', () => {
    const outcome = { kind: 'not-run' as const, action: 'refresh-prt' as const, checkId: null, reason: 'x' };
    useFixStore.getState().showOutcome(outcome);
    const first = useFixStore.getState().outcome?.seq ?? 0;
    useFixStore.getState().showOutcome(outcome);
    expect(useFixStore.getState().outcome?.seq).toBe(first + 1);
  });
});

describe('pasted Get-AzureADKerberosServer output', () => {
  it('asks for output first, and refuses more than the API takes', async () => {
    expect(await checkAdminOutput('   ')).toEqual({ ok: false, reason: 'Paste the output first.' });
    const long = await checkAdminOutput('x'.repeat(MAX_ADMIN_OUTPUT_CHARS + 1));
    expect(long).toEqual({
      ok: false,
      reason: 'The pasted text is longer than 256 KB: paste only what Get-AzureADKerberosServer printed.',
    });
    expect(api.attachAdminOutput).not.toHaveBeenCalled();
  });

  it("returns the keys step's new result and marks what changed", async () => {
    const after = scenarioRun('healthy-hybrid');
    vi.mocked(api.attachAdminOutput).mockResolvedValueOnce(ok(after));
    const result = await checkAdminOutput('KeyVersion : 3');
    expect(api.attachAdminOutput).toHaveBeenLastCalledWith({ text: 'KeyVersion : 3' });
    expect(result).toMatchObject({ ok: true, check: { id: 'entra-kerberos-keys' } });
    expect(useRunStore.getState().previousStatus).toMatchObject({ 'cloud-trust-policy': 'fail' });
  });

  it("shows the API's reason, or that another checklist was opened meanwhile", async () => {
    vi.mocked(api.attachAdminOutput).mockResolvedValueOnce(
      ok({ ok: false, reason: 'not Get-AzureADKerberosServer output' }),
    );
    expect(await checkAdminOutput('hello')).toEqual({
      ok: false,
      reason: 'not Get-AzureADKerberosServer output',
    });
    expect(useRunStore.getState().running).toBe(false);
    vi.mocked(api.attachAdminOutput).mockRejectedValueOnce(new Error('transport closed'));
    expect(await checkAdminOutput('hello')).toEqual({ ok: false, reason: 'transport closed' });
    vi.mocked(api.attachAdminOutput).mockResolvedValueOnce(
      failed('attachAdminOutput: text: too long', 'too-large'),
    );
    expect(await checkAdminOutput('hello')).toEqual({
      ok: false,
      reason: 'attachAdminOutput: text: too long',
    });
    let answer: (value: Awaited<ReturnType<typeof api.attachAdminOutput>>) => void = () => {};
    vi.mocked(api.attachAdminOutput).mockImplementationOnce(
      () => new Promise((resolve) => (answer = resolve)),
    );
    const pasted = checkAdminOutput('KeyVersion : 3');
    await openSource({ kind: 'scenario', name: 'healthy-hybrid' });
    answer(ok(scenarioRun('healthy-hybrid')));
    expect(await pasted).toEqual({
      ok: false,
      reason: 'Another checklist was opened meanwhile: paste again.',
    });
  });

  it('says so when the report has no keys step', async () => {
    const run = scenarioRun('healthy-hybrid');
    const report = { ...run.report, checks: run.report.checks.filter((c) => c.id !== 'entra-kerberos-keys') };
    vi.mocked(api.attachAdminOutput).mockResolvedValueOnce(ok({ ...run, report }));
    expect(await checkAdminOutput('x')).toEqual({
      ok: false,
      reason: 'The report has no Entra Kerberos keys step.',
    });
  });
});

describe('the share test', () => {
  it('remembers the path for this device, runs live with it, then opens the file share step', async () => {
    vi.mocked(api.runChecklist).mockResolvedValueOnce(ok(scenarioRun('healthy-hybrid')));
    await testShare('\\\\files\\finance');
    expect(rememberedShare('PC-0142.corp.contoso.com')).toBe('\\\\files\\finance');
    expect(rememberedShare('another-device')).toBe('');
    expect(api.runChecklist).toHaveBeenLastCalledWith({ kind: 'live', share: '\\\\files\\finance' });
    expect(useChecklistViewStore.getState().expanded['file-share']).toBe(true);
    expect(useChecklistViewStore.getState().revealRequest?.id).toBe('file-share');
  });
});

describe('the header names where the report came from', () => {
  it('a scenario by its title, a file by its name, or the device itself', () => {
    expect(sourceViewOf({ kind: 'scenario', name: 'clock-skew' })).toMatchObject({ name: 'clock-skew' });
    expect(sourceViewOf({ kind: 'scenario', name: 'made-up' })).toEqual({
      kind: 'scenario',
      name: 'made-up',
      title: 'made-up',
    });
    expect(sourceViewOf({ kind: 'capture', file: 'a.json' })).toEqual({
      kind: 'capture',
      fileName: 'a.json',
    });
    expect(sourceViewOf({ kind: 'live' })).toEqual({ kind: 'live' });
  });
});

describe('Export', () => {
  it('saves each format with its own file type, redacted unless asked otherwise', async () => {
    for (const choice of SAVE_CHOICES) {
      expect(await saveDocument(choice.kind, true)).toEqual({ ok: true, fileName: `report.${choice.kind}` });
      expect(api.exportDocument).toHaveBeenLastCalledWith({ kind: choice.kind, redact: true });
      const saved = downloads.saved.at(-1);
      expect(saved?.fileName).toBe(`report.${choice.kind}`);
      expect(saved?.type).toBe(choice.mimeType);
    }
    expect(SAVE_CHOICES.map((c) => c.label)).toEqual([
      'HTML report',
      'Markdown report',
      'JSON report',
      'Capture (raw outputs)',
    ]);
    await saveDocument('html', false);
    expect(api.exportDocument).toHaveBeenLastCalledWith({ kind: 'html', redact: false });
  });

  it("a failed save gives the API's reason or the thrown error's message", async () => {
    vi.mocked(api.exportDocument).mockResolvedValueOnce(ok({ ok: false, reason: 'nothing to export' }));
    expect(await saveDocument('json', true)).toEqual({ ok: false, reason: 'nothing to export' });
    vi.mocked(api.exportDocument).mockRejectedValueOnce(new Error('too large'));
    expect(await saveDocument('json', true)).toEqual({ ok: false, reason: 'too large' });
    vi.mocked(api.exportDocument).mockResolvedValueOnce(
      failed('exportDocument: kind: invalid', 'invalid-arguments'),
    );
    expect(await saveDocument('json', true)).toEqual({ ok: false, reason: 'exportDocument: kind: invalid' });
  });

  it('copies the summary through the clipboard, and says when the clipboard refuses', async () => {
    const written: string[] = [];
    vi.stubGlobal('navigator', { clipboard: { writeText: async (text: string) => void written.push(text) } });
    expect(await copySummary(true)).toEqual({ ok: true, fileName: 'report.summary' });
    expect(api.exportDocument).toHaveBeenLastCalledWith({ kind: 'summary', redact: true });
    expect(written).toEqual(['# summary']);
    // Clipboard API refused and the old way refused too.
    vi.stubGlobal('navigator', { clipboard: { writeText: () => Promise.reject(new Error('denied')) } });
    const area = { value: '', style: {}, setAttribute() {}, select() {}, remove() {} };
    const doc = globalThis.document as unknown as Record<string, unknown>;
    vi.stubGlobal('document', {
      ...doc,
      createElement: () => area,
      body: { appendChild() {} },
      activeElement: null,
      execCommand: () => false,
    });
    vi.stubGlobal('HTMLElement', class {});
    expect(await copySummary(false)).toEqual({ ok: false, reason: 'the clipboard refused the text' });
    vi.mocked(api.exportDocument).mockResolvedValueOnce(ok({ ok: false, reason: 'no report' }));
    expect(await copySummary(false)).toEqual({ ok: false, reason: 'no report' });
    vi.mocked(api.exportDocument).mockRejectedValueOnce(new Error('gone'));
    expect(await copySummary(false)).toEqual({ ok: false, reason: 'gone' });
  });
});
