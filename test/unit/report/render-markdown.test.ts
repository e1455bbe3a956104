// The Markdown report is pasted into tickets: it must render as a table of every step, say
// what to do first, and show hostile command output as text, never as markup.

import type { Report } from '@contract/report-types';
import { describe, expect, it } from 'vitest';
import { diagnose } from '../../../electron/engine/diagnose';
import { renderMarkdown } from '../../../electron/engine/report/render-markdown';
import { renderMarkdownSummary } from '../../../electron/engine/report/render-markdown-summary';
import { loadScenario } from '../../../electron/engine/scenarios/scenario-catalog';
import { FIX_HISTORY, SCENARIO_NAMES, scenarioReport } from './report-fixtures';

/** The cells of a Markdown table row, split at pipes that are not escaped. */
function cells(row: string): string[] {
  const out: string[] = [];
  let cell = '';
  for (let i = 0; i < row.length; i += 1) {
    if (row[i] === '\\') {
      cell += row.slice(i, i + 2);
      i += 1;
    } else if (row[i] === '|') {
      out.push(cell.trim());
      cell = '';
    } else cell += row[i];
  }
  return out.slice(1);
}

function tableRows(markdown: string, header: string): string[][] {
  const lines = markdown.split('\n');
  const start = lines.indexOf(header);
  if (start < 0) return [];
  const rows: string[][] = [];
  for (let i = start + 2; i < lines.length && lines[i]?.startsWith('|'); i += 1)
    rows.push(cells(lines[i] ?? ''));
  return rows;
}

const CHECKS_HEADER = '| Status | Step | Summary |';

describe('renderMarkdown on every practice scenario', () => {
  it.each(SCENARIO_NAMES)('%s: one three-cell row per check, verdict and next step first', (name) => {
    const report = scenarioReport(name);
    const markdown = renderMarkdown(report);
    const rows = tableRows(markdown, CHECKS_HEADER);
    expect(rows).toHaveLength(report.checks.length);
    for (const row of rows) expect(row).toHaveLength(3);
    expect(markdown.indexOf('## What to do next')).toBeLessThan(markdown.indexOf(CHECKS_HEADER));
    expect(markdown.split('\n')[2]?.startsWith('**')).toBe(true);
    const root = report.checks.find((c) => c.id === report.headline.checkId);
    if (root) expect(markdown).toContain(`Step: **${root.title}**`);
    else expect(markdown).toContain('Nothing: every step of the chain works.');
  });
});

describe('renderMarkdown', () => {
  const markdown = renderMarkdown(scenarioReport('certificate-trust-enabled'));

  it('leads with the verdict and the action, with the fix by name', () => {
    expect(markdown).toMatch(
      /^# WHfB Doctor report\n\n\*\*✘ Broken link: Certificate trust is enabled \(Intune\/MDM device policy\); it takes precedence over cloud Kerberos trust\.\*\*\n\n## What to do next\n\nStep: \*\*Certificate trust setting\*\*\n\nSet "Use certificate for on-premises authentication" to Not configured/,
    );
    expect(markdown).toContain(
      '- **Sync device policy**: Opens Settings › Accounts › Access work or school to sync Intune policy',
    );
  });

  it('states both trust models and the credential, the device, the source and the times', () => {
    expect(markdown).toContain('- **This session used:** Certificate trust: Signed in with a certificate');
    expect(markdown).toContain('- **Policy asks for:** Certificate trust: "Use certificate for on-premises');
    expect(markdown).toContain('- **Signed in with:** Windows Hello (PIN or biometrics): ');
    expect(markdown).toContain('- **Device name:** PC-0142.corp.contoso.com');
    expect(markdown).toContain('- **User:** contoso\\\\alice');
    expect(markdown).toContain('- **Join type:** Microsoft Entra hybrid joined');
    expect(markdown).toContain('- **Evidence:** Practice scenario "certificate-trust-enabled"');
    expect(markdown).toContain('- **Captured:** 2026-11-25T09:14:03.000Z');
    expect(markdown).toContain('- **Report generated:** 2026-11-25T10:00:00.000Z');
  });

  it('has a row per step with the status in words and a mark', () => {
    const rows = tableRows(markdown, CHECKS_HEADER);
    expect(rows[6]).toEqual([
      '✘ Fail',
      'Certificate trust setting',
      'Certificate trust is enabled (Intune/MDM device policy); it takes precedence over cloud Kerberos trust.',
    ]);
    expect(rows[0]?.[0]).toBe('✔ Pass');
    expect(rows[14]).toEqual([
      '– Skipped',
      'Entra Kerberos server keys (admin view)',
      'Paste the output of Get-AzureADKerberosServer to check the server keys (an administrator runs it; it is not collected on the device).',
    ]);
    expect(markdown).toContain('## Checks (1 failed, 1 blocked, 14 passed, 2 skipped)');
  });

  it('details only the steps that did not pass: evidence in code blocks, remedy, fixes, why blocked', () => {
    expect(markdown).toContain('### ✘ Fail: Certificate trust setting');
    expect(markdown).toContain('### ⊘ Blocked: Full TGT for the AD domain');
    expect(markdown).not.toContain('### ✔');
    expect(markdown).toContain(
      'Evidence from `reg.exe query HKLM\\SOFTWARE\\Microsoft\\Policies\\PassportForWork /s`:\n\n```text\nHKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Policies\\PassportForWork\\3f1c2b7a-5d7e-4c1a-9f0e-2b8d6a4c1e90\\Device\\Policies\nUseCertificateForOnPremAuth    REG_DWORD    0x1\n```',
    );
    expect(markdown).toContain('**Fixes:** Sync device policy');
    expect(markdown).toContain('Blocked by the step **Certificate trust setting**.');
    expect(markdown).toContain(
      'Read more: [Configure Windows Hello for Business (policy precedence)](https://learn.microsoft.com/windows/security/identity-protection/hello-for-business/configure)',
    );
  });

  it('says when no fix was attempted, and lists every attempt with its output', () => {
    expect(markdown).toContain('## Fix history\n\nNo fix was attempted.');
    const withFixes = renderMarkdown({ ...scenarioReport('expired-prt'), fixAttempts: FIX_HISTORY });
    expect(tableRows(withFixes, '| Time | Fix | Outcome | What happened |')).toEqual([
      [
        '2026-11-25T09:20:00.000Z',
        'Delete the Hello container',
        'Refused',
        'The app runs elevated: deleting the container would delete the administrator’s.',
      ],
      [
        '2026-11-25T09:21:00.000Z',
        'Clear the Kerberos ticket cache',
        'Done',
        'The ticket cache was cleared.',
      ],
      [
        '2026-11-25T09:25:00.000Z',
        'Sign out and sign in again',
        'Simulated',
        'Simulated: the user signed out and back in with the PIN.',
      ],
    ]);
    expect(withFixes).toContain(
      'Output of attempt 2 (Clear the Kerberos ticket cache):\n\n```text\n> klist.exe purge\nCurrent LogonId is 0:0x3e5a1f\n\tDeleting all tickets:\n\tTicket(s) purged!\n```',
    );
    expect(withFixes).not.toContain('Output of attempt 1');
  });

  it('names a capture file and a live run as the source', () => {
    const base = scenarioReport('healthy-hybrid');
    expect(renderMarkdown({ ...base, source: { kind: 'capture', file: 'pc-0142.json' } })).toContain(
      '- **Evidence:** Capture file pc-0142.json',
    );
    expect(renderMarkdown({ ...base, source: { kind: 'live' } })).toContain(
      '- **Evidence:** Checked live on this device',
    );
  });

  it('says there is nothing to do and nothing to detail on a healthy device', () => {
    const healthy = renderMarkdown(scenarioReport('healthy-hybrid'));
    expect(healthy).toContain('**✔ Cloud Kerberos trust works on this device for this user.**');
    expect(healthy).toContain('## What to do next\n\nNothing: every step of the chain works.');
    expect(healthy).toContain('## Details\n\nEvery step passed or did not apply.');
  });
});

describe('renderMarkdown of a device nothing could be read from', () => {
  const bare = diagnose({ ...loadScenario('clock-skew'), probes: {} }, { kind: 'live' });
  const markdown = renderMarkdown(bare);

  it('says what is not known and names the first step that could not be verified', () => {
    expect(markdown).toContain('- **Device name:** not known');
    expect(markdown).toContain('- **Join type:** not known');
    expect(markdown).toContain('## What to do next\n\nStep: **Windows version**\n\n## Trust model');
    expect(markdown).toContain(
      '**? Nothing failed, but 14 step(s) of the chain could not be verified: Windows version;',
    );
  });
});

describe('renderMarkdown of a step that passed against the evidence', () => {
  it('details it with the note that says why the evidence disagrees', () => {
    const markdown = renderMarkdown(scenarioReport('unsynced-user'));
    expect(markdown).toContain(
      '### ✔ Pass: Hello container for this user\n\nThe user has a Windows Hello for Business container on this device.\n\nNote: This passed although "Partial TGT from Microsoft Entra ID" failed',
    );
  });
});

describe('renderMarkdown with hostile text', () => {
  const report = scenarioReport('clock-skew');
  const [first, second] = report.checks;
  if (!first || !second) throw new Error('the scenario has no checks');
  const hostile: Report = {
    ...report,
    device: { ...report.device, name: '# PC | <b>x</b>' },
    checks: [
      { ...first, title: '1. Step', summary: 'a | b\nc *d* [e](javascript:alert(1)) <img src=x>' },
      {
        ...second,
        status: 'fail',
        summary: '- not a list',
        evidence: [
          {
            probeId: 'klist-tickets',
            command: ['klist.exe', 'a`b'],
            lines: ['```', 'Server: x \u001b[2J ````'],
          },
        ],
        docs: [{ title: 'Bad link', url: 'javascript:alert(1)' }],
      },
      ...report.checks.slice(2),
    ],
  };
  const markdown = renderMarkdown(hostile);

  it('escapes table pipes and line breaks, and every markup character, in cells', () => {
    const row = tableRows(markdown, CHECKS_HEADER)[0];
    expect(row).toEqual([
      '✔ Pass',
      '1\\. Step',
      'a \\| b<br>c \\*d\\* \\[e\\](javascript:alert(1)) \\<img src=x\\>',
    ]);
    expect(tableRows(markdown, CHECKS_HEADER)[1]?.[2]).toBe('\\- not a list');
    expect(markdown).toContain('- **Device name:** \\# PC \\| \\<b\\>x\\</b\\>');
  });

  it('fences evidence with more backticks than any line has, and shows control characters', () => {
    expect(markdown).toContain(
      'Evidence from ``klist.exe a`b``:\n\n`````text\n```\nServer: x ␛[2J ````\n`````',
    );
  });

  it('links only to web pages', () => {
    expect(markdown).toContain('Read more: Bad link (`javascript:alert(1)`)');
    // Only an unescaped "](" makes a link.
    expect(markdown).not.toMatch(/[^\\]\]\(javascript:/);
  });
});

describe('renderMarkdownSummary', () => {
  it('is the verdict, the trust models, the next step and only the steps that did not pass', () => {
    const summary = renderMarkdownSummary(scenarioReport('certificate-trust-enabled'));
    expect(summary.split('\n').slice(0, 5)).toEqual([
      '**WHfB Doctor**: PC-0142.corp.contoso.com · contoso\\\\alice · Practice scenario "certificate-trust-enabled", captured 2026-11-25T09:14:03.000Z',
      '',
      '**✘ Broken link: Certificate trust is enabled (Intune/MDM device policy); it takes precedence over cloud Kerberos trust.**',
      '',
      'Trust model this session used: Certificate trust · policy asks for: Certificate trust · signed in with: Windows Hello (PIN or biometrics)',
    ]);
    expect(summary).toContain('**What to do next**\n\nStep: **Certificate trust setting**');
    expect(tableRows(summary, CHECKS_HEADER).map((row) => row[1])).toEqual([
      'Certificate trust setting',
      'Full TGT for the AD domain',
    ]);
  });

  it('has no table when every step passed', () => {
    const summary = renderMarkdownSummary(scenarioReport('healthy-hybrid'));
    expect(summary).not.toContain(CHECKS_HEADER);
    expect(summary).toContain('Nothing: every step of the chain works.');
  });
});
