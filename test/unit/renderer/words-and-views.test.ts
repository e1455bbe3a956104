// The words and small view logic people read on screen: the verdict's label and sentence, the
// row tags, "Blocked by … above", fix outcome words and steps, times and sizes, find-in-output,
// JSON output as key/value lines, a probe's full output as the API hands it, the chain layout, and
// the stores behind rows, dialogs and the colour scheme.

import type { ProbeOutput } from '@contract/api-contract';
import type { Headline } from '@contract/report-types';
import { SIGN_OUT_AND_IN } from '@contract/scenario-actions';
import { describe, expect, it, vi } from 'vitest';
import { FIX_CATALOG } from '../../../electron/engine/fixes/fix-catalog';
import { blockedBy, blockedByWords } from '../../../renderer/src/lib/blocked-by';
import { CHAIN, chainLayout, labelOffset } from '../../../renderer/src/lib/chain-layout';
import { commandLine } from '../../../renderer/src/lib/command-line';
import { errorText } from '../../../renderer/src/lib/error-text';
import { findInLines } from '../../../renderer/src/lib/find-matches';
import { firstSentence } from '../../../renderer/src/lib/first-sentence';
import {
  actionTitle,
  isRunnable,
  OUTCOME_LABEL,
  practiceDeclares,
  practiceExplanation,
  SIGN_OUT_AND_IN_TITLE,
  stepWords,
  WHERE_IT_RUNS,
  withoutOutcomeWord,
} from '../../../renderer/src/lib/fix-words';
import { formatDateTime, formatSeconds, formatTime } from '../../../renderer/src/lib/format-time';
import {
  jsonAsKeyValues,
  linesText,
  readableLines,
  splitOutput,
} from '../../../renderer/src/lib/readable-output';
import { rememberedShare, rememberShare } from '../../../renderer/src/lib/share-memory';
import { previousStatuses, statusChanges } from '../../../renderer/src/lib/status-changes';
import {
  CREDENTIAL_WORDS,
  countsInWords,
  headlineRowTag,
  STATUS_LABEL,
  VERDICT_LABEL,
  verdictKind,
  verdictText,
} from '../../../renderer/src/lib/words';
import { useChecklistViewStore } from '../../../renderer/src/state/checklist-view-store';
import { useFixStore } from '../../../renderer/src/state/fix-store';
import { isCheckPending, useRunStore } from '../../../renderer/src/state/run-store';
import { scenarioReport, scenarioRun } from './fake-doctor-api';

function headline(status: Headline['status'], checkId: Headline['checkId'], text: string): Headline {
  return { status, checkId, text, otherRoots: [], unverified: [] } as Headline;
}

describe('verdict words', () => {
  it('a failure in who runs the app reads "Cannot judge from here", without "Broken link:"', () => {
    const rdp = scenarioReport('rdp-session').headline;
    expect(verdictKind(rdp)).toBe('cannot-judge');
    expect(VERDICT_LABEL[verdictKind(rdp)]).toBe('Cannot judge from here');
    expect(verdictText(rdp)).toBe(
      'This is a Remote Desktop session: cloud Kerberos trust does not apply to it.',
    );
    expect(headlineRowTag(rdp)).toBe('Why it cannot judge');
  });

  it('a broken link keeps its words and its row is the root cause; a warning is the first warning', () => {
    const broken = scenarioReport('cloud-trust-policy-missing').headline;
    expect(VERDICT_LABEL[verdictKind(broken)]).toBe('Broken');
    expect(verdictText(broken)).toMatch(/^Broken link: The cloud trust policy is not configured/);
    expect(headlineRowTag(broken)).toBe('Root cause');
    expect(headlineRowTag(headline('warn', 'prt', 'x'))).toBe('First warning');
    expect(VERDICT_LABEL[verdictKind(scenarioReport('healthy-hybrid').headline)]).toBe('Works');
  });

  it('counts, statuses and credentials in plain words', () => {
    expect(countsInWords(scenarioReport('cloud-trust-policy-missing').counts)).toBe(
      '1 failed, 1 blocked, 14 passed, 2 skipped',
    );
    expect(countsInWords({ pass: 0, warn: 0, fail: 0, blocked: 0, unknown: 0, skip: 0 })).toBe('no checks');
    expect(STATUS_LABEL.warn).toBe('Warning');
    expect(CREDENTIAL_WORDS.fido2).toBe('a FIDO2 security key');
  });

  it('a blocked row names the step blocking it and whether it is above or below', () => {
    const { checks } = scenarioReport('cloud-trust-policy-missing');
    const blocked = checks.find((c) => c.status === 'blocked');
    expect(blocked).toBeDefined();
    const by = blockedBy(checks, blocked as (typeof checks)[number]);
    expect(by).toEqual({ title: 'Cloud trust policy', where: 'above' });
    expect(blockedByWords(by as NonNullable<typeof by>)).toBe('Blocked by Cloud trust policy, above');
    const reversed = [...checks].reverse();
    expect(blockedBy(reversed, blocked as (typeof checks)[number])?.where).toBe('below');
    expect(blockedBy(checks, checks[0] as (typeof checks)[number])).toBeNull();
  });

  it('the next action is the first sentence, abbreviations not counted as its end', () => {
    expect(firstSentence('Sync the device, e.g. from Settings. Then sign in.')).toBe(
      'Sync the device, e.g. from Settings.',
    );
    expect(firstSentence('Run "dsregcmd /refreshprt." Wait.')).toBe('Run "dsregcmd /refreshprt."');
    expect(firstSentence('  no full stop ')).toBe('no full stop');
  });

  it('a thrown value becomes its message', () => {
    expect(errorText(new Error('boom'))).toBe('boom');
    expect(errorText(42)).toBe('42');
  });
});

describe('fix words', () => {
  it('titles, where a fix runs, and outcome words', () => {
    expect(actionTitle('refresh-prt', FIX_CATALOG)).toBe('Refresh the Primary Refresh Token');
    expect(actionTitle(SIGN_OUT_AND_IN, FIX_CATALOG)).toBe(SIGN_OUT_AND_IN_TITLE);
    expect(actionTitle('refresh-prt', undefined)).toBe('refresh-prt');
    expect(WHERE_IT_RUNS.user).toBe('On this device, as the signed-in user (not elevated).');
    expect(OUTCOME_LABEL.simulated).toBe('Simulated');
  });

  it('each step says what it runs or opens, quoted so it can be pasted', () => {
    expect(stepWords({ kind: 'run', executable: 'dsregcmd.exe', args: ['/refreshprt'] })).toEqual({
      verb: 'Runs',
      what: 'dsregcmd.exe /refreshprt',
    });
    expect(stepWords({ kind: 'open-settings', uri: 'ms-settings:workplace' })).toEqual({
      verb: 'Opens',
      what: 'Settings › Accounts › Access work or school (ms-settings:workplace)',
    });
    expect(commandLine(['C:\\Program Files\\x.exe', '', 'say "hi"'])).toBe(
      '"C:\\Program Files\\x.exe" "" "say \\"hi\\""',
    );
    expect(isRunnable([{ kind: 'guidance', text: 'x' }])).toBe(false);
    expect(isRunnable([{ kind: 'run', executable: 'klist.exe', args: ['purge'] }])).toBe(true);
    expect(isRunnable(undefined)).toBe(false);
  });

  it('practice notes and outcome messages without a repeated outcome word', () => {
    const practice = {
      scenario: 'x',
      actions: [{ action: 'refresh-prt' as const, note: 'Simulated: renewed.' }],
    };
    expect(practiceDeclares(practice, 'refresh-prt')).toBe(true);
    expect(practiceDeclares(practice, 'purge-tickets')).toBe(false);
    expect(practiceDeclares(null, 'refresh-prt')).toBe(false);
    expect(practiceExplanation('Simulated: the user signed out.')).toBe('the user signed out.');
    expect(withoutOutcomeWord('Simulated: renewed.', 'simulated')).toBe('renewed.');
    expect(withoutOutcomeWord('certutil failed', 'failed')).toBe('certutil failed');
  });
});

describe('times and output', () => {
  it('dates and durations for people; text that is not a date stays as it is', () => {
    expect(formatSeconds(1234)).toBe('1.2 s');
    expect(formatDateTime('yesterday')).toBe('yesterday');
    expect(formatDateTime('2026-01-02T03:04:05Z')).toMatch(/2026/);
    expect(formatTime('not a time')).toBe('not a time');
    expect(formatTime('2026-01-02T03:04:05Z')).not.toBe('2026-01-02T03:04:05Z');
  });

  it('find marks each match across lines, ignoring case, and counts them', () => {
    const { parts, count } = findInLines(['OnPremTgt : YES', 'no match', 'tgt tgt'], 'tgt');
    expect(count).toBe(3);
    expect(parts[0]).toEqual([
      { text: 'OnPrem', match: null },
      { text: 'Tgt', match: 0 },
      { text: ' : YES', match: null },
    ]);
    expect(parts[1]).toEqual([{ text: 'no match', match: null }]);
    expect(parts[2]?.filter((p) => p.match !== null).map((p) => p.match)).toEqual([1, 2]);
    expect(findInLines(['a'], '')).toEqual({ parts: [[{ text: 'a', match: null }]], count: 0 });
  });

  it('JSON output reads as indented key: value lines that keep the deciding mark', () => {
    expect(splitOutput('a\r\nb\rc\n')).toEqual(['a', 'b', 'c']);
    expect(jsonAsKeyValues('{"user":{"name":"ann","groups":[]},"ok":true,"none":null,"empty":""}')).toEqual([
      'user:',
      '  name: ann',
      '  groups:',
      '    (empty)',
      'ok: true',
      'none: (none)',
      'empty: (empty)',
    ]);
    expect(jsonAsKeyValues('[1,[2]]')).toEqual(['- 1', '-', '  - 2']);
    expect(jsonAsKeyValues('not json')).toBeNull();
    expect(jsonAsKeyValues('{broken')).toBeNull();
    const deep = `${'['.repeat(14)}1${']'.repeat(14)}`;
    // Past 12 levels the rest is shown as JSON on one line.
    expect(jsonAsKeyValues(deep)?.at(-1)).toBe(`${'  '.repeat(12)}- [1]`);
    const lines = readableLines(['{', '  "a": 1', '}'], (line) => line.includes('"a"'));
    expect(lines).toEqual([{ text: 'a: 1', marked: true }]);
    const mixed = readableLines(['plain', '{"b":2}'], (line) => line === 'plain');
    expect(mixed).toEqual([
      { text: 'plain', marked: true },
      { text: 'b: 2', marked: false },
    ]);
    expect(linesText(mixed)).toBe('plain\nb: 2');
  });

  it("a probe's full output, as probeOutput hands it, reads line by line with the deciding lines marked", () => {
    const output: ProbeOutput = {
      stdout: 'Device State\r\n  AzureAdJoined : YES\r\n  DomainJoined : YES\r\n',
      stderr: 'warning: slow\nsecond',
      exitCode: 0,
      error: null,
    };
    const lines = readableLines(splitOutput(output.stdout), (line) => line.includes('AzureAdJoined'));
    expect(lines).toEqual([
      { text: 'Device State', marked: false },
      { text: '  AzureAdJoined : YES', marked: true },
      { text: '  DomainJoined : YES', marked: false },
    ]);
    expect(linesText(lines)).toBe('Device State\n  AzureAdJoined : YES\n  DomainJoined : YES');
    // The error output is shown apart, nothing in it marked.
    expect(readableLines(splitOutput(output.stderr), () => false)).toEqual([
      { text: 'warning: slow', marked: false },
      { text: 'second', marked: false },
    ]);
  });
});

describe('the chain picture layout', () => {
  it('equal boxes across the width; a label too long for one line breaks near its middle', () => {
    const measure = (text: string) => text.length * 7;
    const boxes = chainLayout(['Device', 'Partial TGT from Entra', 'Share'], 600, 20, measure);
    const width = (600 - 2 * 20 - 2) / 3;
    expect(boxes.map((b) => b.x)).toEqual([1, 1 + width + 20, 1 + 2 * (width + 20)]);
    expect(boxes.every((b) => b.width === width)).toBe(true);
    expect(boxes[0]?.lines).toEqual(['Device']);
    expect(boxes[1]?.lines).toEqual(['Partial TGT', 'from Entra']);
    const narrow = chainLayout(['Unbreakablelabelhere'], 10, 0, measure);
    expect(narrow[0]?.width).toBe(40);
    expect(narrow[0]?.lines).toEqual(['Unbreakablelabelhere']);
    expect(labelOffset()).toBe(CHAIN.padding + CHAIN.icon + 6);
  });
});

describe('status changes after a fix', () => {
  it('lists rows whose status moved, as "was" statuses per row', () => {
    const before = scenarioReport('cloud-trust-policy-missing');
    const after = scenarioReport('healthy-hybrid');
    const changes = statusChanges(before, after);
    expect(changes).toContainEqual({
      id: 'cloud-trust-policy',
      title: 'Cloud trust policy',
      from: 'fail',
      to: 'pass',
    });
    expect(changes.every((c) => c.from !== c.to)).toBe(true);
    expect(previousStatuses(changes)['cloud-trust-policy']).toBe('fail');
    expect(statusChanges(after, after)).toEqual([]);
  });
});

describe('the remembered share', () => {
  it('is per device name, and empty where storage is switched off', () => {
    const storage = new Map<string, string>();
    vi.stubGlobal('window', {
      localStorage: {
        getItem: (k: string) => storage.get(k) ?? null,
        setItem: (k: string, v: string) => storage.set(k, v),
      },
    });
    rememberShare('PC-1', '\\\\srv\\a');
    expect(rememberedShare('pc-1')).toBe('\\\\srv\\a');
    rememberShare(null, '\\\\srv\\b');
    expect(rememberedShare(null)).toBe('\\\\srv\\b');
    vi.stubGlobal('window', {
      localStorage: {
        getItem: () => {
          throw new Error('denied');
        },
        setItem: () => {
          throw new Error('denied');
        },
      },
    });
    expect(() => rememberShare('PC-1', 'x')).not.toThrow();
    expect(rememberedShare('PC-1')).toBe('');
    vi.unstubAllGlobals();
  });
});

describe('stores', () => {
  it('rows open and close; a revealed row opens, is pinned past "Problems only", and asks for focus again', () => {
    const view = useChecklistViewStore.getState();
    view.toggle('prt');
    expect(useChecklistViewStore.getState().expanded).toEqual({ prt: true });
    view.toggle('prt');
    expect(useChecklistViewStore.getState().expanded).toEqual({});
    view.setProblemsOnly(true);
    view.reveal('os-build');
    view.reveal('os-build');
    const state = useChecklistViewStore.getState();
    expect(state.expanded['os-build']).toBe(true);
    expect(state.pinned['os-build']).toBe(true);
    expect(state.revealRequest).toEqual({ id: 'os-build', seq: 2 });
    view.setProblemsOnly(false);
    expect(useChecklistViewStore.getState().pinned).toEqual({});
    view.reveal('prt');
    view.collapseAll();
    expect(useChecklistViewStore.getState()).toMatchObject({ expanded: {}, pinned: {}, problemsOnly: false });
  });

  it('progress moves a probe from waiting to running to done or failed; others are ignored', () => {
    const run = useRunStore.getState();
    run.progress({ probeId: 'klist-tickets', phase: 'start' });
    expect(useRunStore.getState().probes).toEqual({});
    run.start('prt', ['dsregcmd-status', 'klist-tickets'], 'Checking the PRT…');
    expect(useRunStore.getState().runningLabel).toBe('Checking the PRT…');
    run.progress({ probeId: 'dsregcmd-status', phase: 'start' });
    run.progress({ probeId: 'klist-tickets', phase: 'done', error: 'klist failed' });
    run.progress({ probeId: 'whoami-groups', phase: 'start' });
    expect(useRunStore.getState().probes).toEqual({
      'dsregcmd-status': 'running',
      'klist-tickets': 'failed',
    });
    expect(isCheckPending(useRunStore.getState(), ['dsregcmd-status'])).toBe(true);
    expect(isCheckPending(useRunStore.getState(), ['klist-tickets'])).toBe(false);
    expect(isCheckPending(useRunStore.getState(), undefined)).toBe(false);
    run.progress({ probeId: 'dsregcmd-status', phase: 'done' });
    expect(useRunStore.getState().probes['dsregcmd-status']).toBe('done');
  });

  it('a status change is announced; the same words again announce again; null leaves it', () => {
    const run = useRunStore.getState();
    run.finish(scenarioRun('healthy-hybrid'), 'Checks complete.');
    const first = useRunStore.getState().announcement;
    run.finish(scenarioRun('healthy-hybrid'), 'Checks complete.');
    expect(useRunStore.getState().announcement).toEqual({
      text: 'Checks complete.',
      seq: (first?.seq ?? 0) + 1,
    });
    run.finish(scenarioRun('clock-skew'), null);
    expect(useRunStore.getState().announcement?.seq).toBe((first?.seq ?? 0) + 1);
    run.fail({ title: 'Re-run failed', reason: 'r' });
    expect(useRunStore.getState()).toMatchObject({
      running: false,
      error: { title: 'Re-run failed', reason: 'r' },
    });
    run.showError({ title: 'a', reason: 'b' });
    run.dismissError();
    expect(useRunStore.getState().error).toBeNull();
  });

  it('the fix dialog and history', () => {
    const fixes = useFixStore.getState();
    fixes.openDialog({ fixId: 'refresh-prt', checkId: 'prt' });
    expect(useFixStore.getState().dialog).toEqual({ fixId: 'refresh-prt', checkId: 'prt' });
    fixes.closeDialog();
    expect(useFixStore.getState().dialog).toBeNull();
    fixes.setHistoryOpen(false);
    fixes.revealHistory();
    expect(useFixStore.getState()).toMatchObject({ historyOpen: true, historyRevealSeq: 1 });
  });
});
