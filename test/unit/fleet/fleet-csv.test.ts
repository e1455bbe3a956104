// CSV for a spreadsheet: quoting by RFC 4180, and no cell a spreadsheet would run as a formula.

import { CSV_COLUMNS, csvCell, fleetCsv } from '@contract/fleet-csv';
import { describe, expect, it } from 'vitest';
import { loadScenario } from '../../../electron/engine/scenarios/scenario-catalog';
import { fleetNdjson } from '../../../electron/fleet/fleet-ndjson';
import { summarizeCapture } from '../../../electron/fleet/summarize-capture';

describe('csvCell', () => {
  it.each([
    ['=HYPERLINK("http://x","y")', `"'=HYPERLINK(""http://x"",""y"")"`],
    ['+1+1', "'+1+1"],
    ['-2+3', "'-2+3"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\t=1', "'\t=1"],
    ['\r=1', `"'\r=1"`],
    ['\uFF1D1+1', "'\uFF1D1+1"],
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['two\nlines', '"two\nlines"'],
    [' padded', '" padded"'],
    ['CONTOSO\\alice', 'CONTOSO\\alice'],
    ['PC-0142', 'PC-0142'],
  ])('writes %j as %j', (value, cell) => {
    expect(csvCell(value)).toBe(cell);
  });

  it('leaves numbers and empties plain', () => {
    expect(csvCell(3)).toBe('3');
    expect(csvCell(-1)).toBe("'-1");
    expect(csvCell(null)).toBe('');
    expect(csvCell(undefined)).toBe('');
  });
});

describe('fleetCsv and fleetNdjson', () => {
  const { row } = summarizeCapture(
    loadScenario('healthy-hybrid'),
    { kind: 'live' },
    'capture',
    '/f/=cmd|x.json',
  );

  it('writes a header and one CRLF line per device, cells in the header order', () => {
    const csv = fleetCsv([row, { ...row, user: '=1+2', deviceName: 'PC,1' }]);
    const lines = csv.split('\r\n');
    expect(lines).toHaveLength(4);
    expect(lines[0]).toBe(CSV_COLUMNS.join(','));
    expect(lines[1]).toBe(
      '8d2f6c41-3b7e-4a90-b1c5-6e0d9a27f318,PC-0142.corp.contoso.com,contoso\\alice,22631.4460,hybrid,' +
        'cloud-kerberos-trust,cloud-kerberos-trust,hello,pass,,2026-11-25T09:14:03.000Z,0.1.0,capture,1,/f/=cmd|x.json',
    );
    expect(lines[2]).toContain(`,"PC,1",'=1+2,`);
    expect(lines[3]).toBe('');
    expect(fleetCsv([])).toBe(`${CSV_COLUMNS.join(',')}\r\n`);
  });

  it('writes one JSON row per line', () => {
    const text = fleetNdjson([row, row]);
    const lines = text.split('\n');
    expect(lines).toHaveLength(3);
    expect(JSON.parse(lines[0] ?? '')).toEqual(row);
    expect(fleetNdjson([])).toBe('');
  });
});
