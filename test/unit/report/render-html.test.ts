// The HTML report stands alone: nothing loaded from anywhere, every value escaped, every step
// and every link of the chain marked so people and scripts can find them.

import type { Report } from '@contract/report-types';
import type { CheckResult } from '@contract/types';
import { describe, expect, it } from 'vitest';
import { diagnose } from '../../../electron/engine/diagnose';
import { renderHtml } from '../../../electron/engine/report/render-html';
import { loadScenario } from '../../../electron/engine/scenarios/scenario-catalog';
import { FIX_HISTORY, SCENARIO_NAMES, scenarioReport } from './report-fixtures';

const attributeValues = (html: string, name: string) =>
  [...html.matchAll(new RegExp(`${name}="([^"]*)"`, 'g'))].map((m) => m[1]);

describe('renderHtml on every practice scenario', () => {
  it.each(SCENARIO_NAMES)('%s: self-contained, one row per step, eight chain links', (name) => {
    const report = scenarioReport(name);
    const html = renderHtml(report);
    expect(html.startsWith('<!DOCTYPE html>\n<html lang="en">')).toBe(true);
    expect(html).toMatch(/<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src/);
    for (const loads of ['<script', '<link', '<img', '<iframe', 'src=', 'url(', '@import', '<base']) {
      expect(html).not.toContain(loads);
    }
    // The only addresses are documentation links a reader may follow.
    for (const href of attributeValues(html, 'href'))
      expect(href).toMatch(/^(#check-[a-z-]+|https:\/\/learn\.microsoft\.com\/)/);
    const rows = [...html.matchAll(/<tr data-check-id="([a-z-]+)" data-status="([a-z]+)">/g)];
    expect(rows.map((m) => [m[1], m[2]])).toEqual(report.checks.map((c) => [c.id, c.status]));
    expect(attributeValues(html, 'data-chain-node')).toHaveLength(8);
    expect(html.match(/<article class="check" id="check-/g)).toHaveLength(report.checks.length);
  });
});

describe('renderHtml', () => {
  const html = renderHtml(scenarioReport('clock-skew'));

  it('titles the page with the verdict and the device', () => {
    expect(html).toContain('<title>WHfB Doctor report: Broken — PC-0142.corp.contoso.com</title>');
  });

  it('puts the verdict, the chain and the next step before the checks', () => {
    const order = [
      'aria-label="Verdict"',
      'class="chain"',
      'id="next"',
      'id="trust"',
      'id="device"',
      'id="checks"',
    ];
    const positions = order.map((marker) => html.indexOf(marker));
    expect(positions.every((p) => p > 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    expect(html).toContain('<span class="badge status-fail">✘ Broken</span>Broken link: This clock is');
    expect(html).toContain('Step: <a href="#check-clock-skew">Clock against the domain controller</a>');
  });

  it('draws the chain with each link’s worst status and the root cause lit, and lists it in words', () => {
    const nodes = [
      ...html.matchAll(
        /<g class="chain-node status-([a-z]+)( chain-node-root)?" data-chain-node="([a-z-]+)"/g,
      ),
    ];
    expect(nodes.map((m) => `${m[3]}:${m[1]}${m[2] ? ':root' : ''}`)).toEqual([
      'join-state:pass',
      'cloud-trust-policy:pass',
      'hello-signin:pass',
      'prt:pass',
      'cloud-tgt:pass',
      'dc-line-of-sight:fail:root',
      'onprem-tgt:blocked',
      'file-share:skip',
    ]);
    expect(html).toContain('<li>Domain controller: Fail (root cause)</li>');
    expect(html).toContain(
      '<svg class="chain-svg" viewBox="0 0 958 90" aria-hidden="true" focusable="false">',
    );
  });

  it('details every step: what it means, what to do, fixes, evidence and links', () => {
    const start = html.indexOf('<article class="check" id="check-clock-skew"');
    const article = html.slice(start, html.indexOf('</article>', start));
    expect(article).toContain('data-status="fail"');
    expect(article).toContain('<h4>What to do</h4><p>Fix time synchronisation');
    expect(article).toContain(
      '<p>From <code>w32tm.exe /stripchart /computer:DC01.corp.contoso.com /samples:1 /dataonly</code></p><pre>09:14:03, -612.4418750s</pre>',
    );
    expect(article).toContain(
      'rel="noreferrer noopener">Maximum tolerance for computer clock synchronization</a>',
    );
    expect(html).toContain(
      'Blocked by the step <a href="#check-clock-skew">Clock against the domain controller</a>.',
    );
  });

  it('lists the fix history with outputs, and the source and times at the foot', () => {
    const withFixes = renderHtml({ ...scenarioReport('expired-prt'), fixAttempts: FIX_HISTORY });
    expect(withFixes).toContain(
      '<tr><td>2026-11-25T09:21:00.000Z</td><td>Clear the Kerberos ticket cache</td><td>Done</td><td>The ticket cache was cleared.<pre>&gt; klist.exe purge',
    );
    expect(withFixes).toContain('<td>Sign out and sign in again</td><td>Simulated</td>');
    expect(html).toContain('<p>No fix was attempted.</p>');
    expect(html).toContain('<dt>Evidence</dt><dd>Practice scenario &quot;clock-skew&quot;</dd>');
    expect(html).toContain('<dt>Report generated</dt><dd>2026-11-25T10:00:00.000Z</dd>');
  });

  it('says there is nothing to do on a healthy device', () => {
    const healthy = renderHtml(scenarioReport('healthy-hybrid'));
    expect(healthy).toContain('<p>Nothing: every step of the chain works.</p>');
    expect(healthy).not.toContain('id="attention"');
    expect(healthy).not.toContain(' chain-node-root"');
  });
});

describe('renderHtml of a device nothing could be read from', () => {
  const html = renderHtml(diagnose({ ...loadScenario('clock-skew'), probes: {} }, { kind: 'live' }));

  it('says what is not known, with a title that names no device', () => {
    expect(html).toContain('<title>WHfB Doctor report: Not sure</title>');
    expect(html).toContain('<dt>Device name</dt><dd>not known</dd>');
    expect(html).toContain('<dt>Join type</dt><dd>not known</dd>');
    expect(html).toContain('<p class="meta">Checked live on this device; captured');
    expect(html).toContain('Step: <a href="#check-os-build">Windows version</a></p></section>');
  });
});

describe('renderHtml of a step blocked by a step the report does not hold', () => {
  it('names the step by its id and shows the contradiction note', () => {
    const report = scenarioReport('unsynced-user');
    const html = renderHtml({
      ...report,
      checks: report.checks
        .map(
          (c): CheckResult =>
            c.id === 'file-share'
              ? { ...c, status: 'blocked', blockedBy: 'entra-kerberos-keys', explanation: '' }
              : c,
        )
        .filter((c) => c.id !== 'entra-kerberos-keys'),
    });
    expect(html).toContain(
      'Blocked by the step <a href="#check-entra-kerberos-keys">entra-kerberos-keys</a>.',
    );
    expect(html).toMatch(/<p class="note">Note: [^<]+<\/p>/);
  });
});

describe('renderHtml with hostile text', () => {
  const report = scenarioReport('healthy-hybrid');
  const [first, ...rest] = report.checks;
  if (!first) throw new Error('the scenario has no checks');
  const hostile = '"><script>alert(1)</script><img src=x onerror=alert(2)>';
  const html = renderHtml({
    ...report,
    device: { ...report.device, name: hostile },
    source: { kind: 'capture', file: `</title>${hostile}` },
    checks: [
      {
        ...first,
        summary: `it's ${hostile}`,
        evidence: [
          { probeId: 'os-version', command: ['reg.exe', hostile], lines: [`\u001b]0;${hostile}\u0007`] },
        ],
        docs: [
          { title: 'Bad', url: 'javascript:alert(3)' },
          { title: 'Quote', url: 'https://learn.microsoft.com/"onmouseover="x' },
        ],
      },
      ...rest,
    ],
  } satisfies Report);

  it('escapes every value, in text and in attributes', () => {
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('<img');
    expect(html).not.toContain('"onmouseover="');
    expect(html).toContain(
      'it&#39;s &quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=alert(2)&gt;',
    );
    expect(html).toContain('<title>WHfB Doctor report: Works — &quot;&gt;&lt;script&gt;');
    expect(html).toContain('<pre>␛]0;&quot;&gt;&lt;script&gt;');
    expect(html).toContain('&lt;img src=x onerror=alert(2)&gt;␇</pre>');
  });

  it('links only to web pages', () => {
    expect(html).toContain('<li>Bad (javascript:alert(3))</li>');
    expect(html).toContain('href="https://learn.microsoft.com/&quot;onmouseover=&quot;x"');
  });
});
