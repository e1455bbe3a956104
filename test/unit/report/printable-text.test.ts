// Command output is shown in terminals, Markdown and HTML: characters that act instead of
// showing (escapes, carriage returns that overwrite a line, direction overrides) must show.

import { countsInWords } from '@contract/report-words';
import type { ScenarioAction } from '@contract/scenario-actions';
import { describe, expect, it } from 'vitest';
import { fixName } from '../../../electron/engine/fixes/fix-catalog';
import { escapeHtml } from '../../../electron/engine/report/html-escape';
import { markdownCode, markdownCodeBlock } from '../../../electron/engine/report/markdown-escape';
import { printable } from '../../../electron/engine/report/printable-text';

describe('printable', () => {
  it('keeps ordinary text, tabs, line feeds and characters outside the BMP as they are', () => {
    const text = 'Client: alice @ CORP\tKdc Called: DC01\nNom: José 🔑';
    expect(printable(text)).toBe(text);
  });

  it('turns CRLF and a lone CR into one line break each, so nothing overwrites a line', () => {
    expect(printable('a\r\nb\rc')).toBe('a\nb\nc');
  });

  it('shows C0 controls as control pictures, DEL as ␡, and C1 controls as �', () => {
    expect(printable('\u001b[31mred\u0007\u0000\u007f\u009b2J')).toBe('␛[31mred␇␀␡�2J');
  });

  it('shows direction overrides and unpaired surrogates as �', () => {
    expect(printable('file\u202Egpj.exe \u2066x\u2069 \u200f')).toBe('file�gpj.exe �x� �');
    expect(printable('a\ud800b\udc00c')).toBe('a�b�c');
  });
});

describe('escapeHtml', () => {
  it('escapes the five markup characters and shows controls', () => {
    expect(escapeHtml(`<a href="x" title='y'>&\u001b</a>`)).toBe(
      '&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;␛&lt;/a&gt;',
    );
  });
});

describe('report words', () => {
  it('name a fix the catalog does not know by its id, and say when there are no checks', () => {
    expect(fixName('sign-out-and-in')).toBe('Sign out and sign in again');
    expect(fixName('rotate-everything' as ScenarioAction)).toBe('rotate-everything');
    expect(countsInWords({ pass: 0, warn: 0, fail: 0, blocked: 0, unknown: 0, skip: 0 })).toBe('no checks');
  });
});

describe('Markdown code', () => {
  it('fences inline code longer than any backtick run, padding a code that starts with one', () => {
    expect(markdownCode('klist')).toBe('`klist`');
    expect(markdownCode('`x``')).toBe('``` `x`` ```');
  });

  it('fences a block with three backticks, or one more than the longest run inside', () => {
    expect(markdownCodeBlock(['a', 'b'])).toBe('```text\na\nb\n```');
    expect(markdownCodeBlock(['````'], 'xml')).toBe('`````xml\n````\n`````');
  });
});
