import { MAX_CAPTURE_BYTES } from '@contract/limits';
import { describe, expect, it } from 'vitest';
import { readCapture, utf8Length } from '../../../electron/engine/capture/read-capture';
import { readCaptureBytes } from '../../../electron/engine/capture/read-capture-bytes';
import { createCapture, serializeCapture } from '../../../electron/engine/capture/write-capture';

const probe = {
  command: ['dsregcmd.exe', '/status'],
  exitCode: 0,
  stdout: 'x',
  stderr: '',
  durationMs: 12,
  error: null,
};

describe('capture files', () => {
  it('round-trips what it writes', () => {
    const capture = createCapture(
      { 'dsregcmd-status': probe },
      { share: '\\\\fs01\\data' },
      new Date('2026-11-25T09:00:00Z'),
    );
    const read = readCapture(serializeCapture(capture));
    expect(read).toEqual({ ok: true, capture });
  });

  it.each([
    ['not JSON', '{"format": "whfb-doctor/capture", ', /not valid JSON/],
    ['an array', '[1,2]', /not an object/],
    ['another format', '{"format":"something/else","version":1}', /format is "something\/else"/],
    ['no format', '{"version":1}', /format is missing/],
    ['a newer version', '{"format":"whfb-doctor/capture","version":2}', /version 2 is not supported/],
    [
      'a damaged probe',
      JSON.stringify({
        format: 'whfb-doctor/capture',
        version: 1,
        capturedAt: 'x',
        tool: { name: 'a', version: '1' },
        probes: { klist: { stdout: 3 } },
      }),
      /capture is damaged: probes\.klist/,
    ],
  ])('rejects %s with a one-line reason', (_name, text, reason) => {
    const read = readCapture(text);
    expect(read.ok).toBe(false);
    if (!read.ok) {
      expect(read.reason).toMatch(reason);
      expect(read.reason).not.toContain('\n');
    }
  });

  it('rejects a file over the size limit without parsing it', () => {
    const read = readCapture('{}', MAX_CAPTURE_BYTES + 1);
    expect(read.ok).toBe(false);
    if (!read.ok) expect(read.reason).toMatch(/larger than any capture/);
  });

  it('ignores probes a newer version added, keeps the known ones', () => {
    const capture = createCapture({ 'dsregcmd-status': probe });
    const text = JSON.stringify({ ...capture, probes: { ...capture.probes, 'future-probe': probe } });
    const read = readCapture(text);
    expect(read.ok && Object.keys(read.capture.probes)).toEqual(['dsregcmd-status']);
  });

  it('accepts a UTF-8 BOM', () => {
    const read = readCapture(`\uFEFF${serializeCapture(createCapture({}))}`);
    expect(read.ok).toBe(true);
  });
});

const CAPTURE_START = '{"format":"whfb-doctor/capture","version":1,';
const healthyText = () => serializeCapture(createCapture({ 'dsregcmd-status': probe }));
const reasonOf = (text: string) => {
  const read = readCapture(text);
  return read.ok ? 'read' : read.reason;
};
const nested = (levels: number) => `${'['.repeat(levels)}${']'.repeat(levels)}`;

describe('hostile capture files', () => {
  it('refuses a format nested 100,000 levels deep with a short reason, before anything recurses', () => {
    const text = `{"format":${nested(100_000)}}`;
    const started = performance.now();
    expect(reasonOf(text)).toBe(
      'not a WHfB Doctor capture (nested deeper than 32 levels at line 1, column 42)',
    );
    // It stops at the 33rd level: a fraction of a millisecond, with room for a busy machine.
    expect(performance.now() - started).toBeLessThan(100);
  });

  it('refuses a version or a probe nested 100,000 levels deep the same way', () => {
    expect(reasonOf(`{"format":"whfb-doctor/capture",\n  "version":${nested(100_000)}}`)).toBe(
      'not a WHfB Doctor capture (nested deeper than 32 levels at line 2, column 44)',
    );
    expect(reasonOf(`${CAPTURE_START}"probes":{"klist":{"stdout":${'{"a":'.repeat(100_000)}`)).toMatch(
      /^not a WHfB Doctor capture \(nested deeper than 32 levels/,
    );
  });

  it('names a shallow array format without printing it whole', () => {
    expect(reasonOf(`{"format":${nested(20)},"version":1}`)).toBe(
      'not a capture file: format is […], expected "whfb-doctor/capture"',
    );
    expect(reasonOf('{"format":"whfb-doctor/capture","version":{"major":1}}')).toBe(
      'capture version {…} is not supported (this version reads 1)',
    );
  });

  it('refuses a 20-million-character format with a reason of at most 200 characters', () => {
    const reason = reasonOf(`{"format":"${'A'.repeat(20_000_000)}","version":1}`);
    expect(reason).toBe(
      'not a WHfB Doctor capture (a 20,000,000-character string at format; only stdout and stderr may be longer than 65,536)',
    );
    expect(reason.length).toBeLessThanOrEqual(200);
  });

  it('shows at most 40 characters of a long format, with control characters replaced', () => {
    const reason = reasonOf(`{"format":"\\u001b]0;owned\\u0007${'B'.repeat(60_000)}","version":1}`);
    expect(reason).toBe(
      'not a capture file: format is "?]0;owned?BBBBBBBBBBBBBBBBBBBBBBBBBBBBB…" (60,010 characters), expected "whfb-doctor/capture"',
    );
  });

  it('reads a capture whose command output is larger than any other field may be', () => {
    const big = createCapture({ 'dsregcmd-status': { ...probe, stdout: 'x'.repeat(1_000_000) } });
    const read = readCapture(serializeCapture(big));
    expect(read.ok && read.capture.probes['dsregcmd-status']?.stdout.length).toBe(1_000_000);
  });

  it('refuses a huge string anywhere else: a date, an argument, a field name', () => {
    const long = 'x'.repeat(70_000);
    expect(reasonOf(`${CAPTURE_START}"capturedAt":"${long}"}`)).toMatch(
      /^not a WHfB Doctor capture \(a 70,000-character string at capturedAt;/,
    );
    expect(reasonOf(`${CAPTURE_START}"probes":{"klist":{"command":["${long}"]}}}`)).toMatch(
      /a 70,000-character string at probes\.klist\.command\[0\];/,
    );
    expect(reasonOf(`${CAPTURE_START}"probes":{"${long}":1}}`)).toBe(
      'not a WHfB Doctor capture (a field name of 70,000 characters in probes)',
    );
    expect(reasonOf(`"${long}"`)).toMatch(
      /^not a WHfB Doctor capture \(a 70,000-character string at the top level;/,
    );
    expect(reasonOf(`{"${long}":1}`)).toBe(
      'not a WHfB Doctor capture (a field name of 70,000 characters in the top level)',
    );
  });

  it("lets only a probe's own stdout and stderr be long", () => {
    const long = 'x'.repeat(70_000);
    expect(reasonOf(`${CAPTURE_START}"probes":[{"stdout":"${long}"}]}`)).toMatch(
      /a 70,000-character string at probes\[0\]\.stdout;/,
    );
    expect(reasonOf(`${CAPTURE_START}"probes":{"klist":["${long}"]}}`)).toMatch(
      /a 70,000-character string at probes\.klist\[0\];/,
    );
    expect(reasonOf(`${CAPTURE_START}"tool":{"x":{"stdout":"${long}"}}}`)).toMatch(
      /a 70,000-character string at tool\.x\.stdout;/,
    );
  });

  it.each([
    ['a field', `${CAPTURE_START}"format":"whfb-doctor/capture"}`, 'format', 'line 1, column 45'],
    [
      'a field written with an escape',
      '{"format":"whfb-doctor/capture","\\u0066ormat":"x"}',
      'format',
      'line 1, column 33',
    ],
    [
      'a probe',
      `${CAPTURE_START}"probes":{"klist-tickets":{},\n"klist-tickets":{}}}`,
      'probes.klist-tickets',
      'line 2, column 1',
    ],
  ])('refuses %s named twice, saying which', (_what, text, field, where) => {
    expect(reasonOf(text)).toBe(`not a WHfB Doctor capture (the field ${field} appears twice, ${where})`);
  });

  it('refuses an object with more than 1,000 fields', () => {
    const probes = Array.from({ length: 1001 }, (_, index) => `"p${index}":0`).join(',');
    expect(reasonOf(`${CAPTURE_START}"probes":{${probes}}}`)).toMatch(
      /^not a WHfB Doctor capture \(more than 1,000 fields in probes, line 1, column \d+\)$/,
    );
  });

  it('refuses a number hundreds of digits long', () => {
    expect(reasonOf(`{"version":${'9'.repeat(500)}}`)).toBe(
      'not a WHfB Doctor capture (a number of 500 characters at line 1, column 12)',
    );
  });

  it('never prints the control characters of a probe key, and ignores such a probe', () => {
    const damaged = `${CAPTURE_START}"capturedAt":"x","tool":{"name":"a","version":"1"},"probes":{"\\u001b[31mevil\\r\\n":{"stdout":3}}}`;
    const reason = reasonOf(damaged);
    expect(reason).toMatch(/^capture is damaged: probes\.\?\[31mevil \./);
    expect([...reason].filter((c) => c < ' ')).toEqual([]);
    const capture = JSON.parse(healthyText());
    capture.probes['\u001b[2Jklist'] = probe;
    const read = readCapture(JSON.stringify(capture));
    expect(read.ok && Object.keys(read.capture.probes)).toEqual(['dsregcmd-status']);
  });

  it.each([
    ['an empty file', '', 'the file is empty'],
    ['a cut-off file', '{"format":"whfb', 'the file ends too early'],
    ['a cut-off escape', '{"format":"\\u00', 'the file ends too early'],
    ['text after the object', '{}\n{}', 'unexpected "{" at line 2, column 1'],
    ['a bad escape', '{"format":"\\x41"}', 'unexpected "x" at line 1, column 13'],
    ['a bad unicode escape', '{"format":"\\u12G4"}', 'unexpected "G" at line 1, column 16'],
    ['a line break inside a string', '{"format":"a\nb"}', 'unexpected character U+000A at line 1, column 13'],
    ['a leading zero', '{"version":01}', 'unexpected "1" at line 1, column 13'],
    ['a lone minus', '{"version":-}', 'unexpected "}" at line 1, column 13'],
    ['a bare decimal point', '{"version":1.}', 'unexpected "}" at line 1, column 14'],
    ['an empty exponent', '{"version":1e+}', 'unexpected "}" at line 1, column 15'],
    ['a misspelt literal', '{"error":nul}', 'unexpected "n" at line 1, column 10'],
    ['a missing colon', '{"format" "x"}', 'unexpected """ at line 1, column 11'],
    ['a trailing comma in an object', '{"a":1,}', 'unexpected "}" at line 1, column 8'],
    ['a trailing comma in an array', '{"a":[1,]}', 'unexpected "]" at line 1, column 9'],
    ['a key that is not a string', '{format:1}', 'unexpected "f" at line 1, column 2'],
    ['a closing bracket of the wrong kind', '{"a":[1}', 'unexpected "}" at line 1, column 8'],
  ])('says where %s breaks the JSON', (_what, text, detail) => {
    expect(reasonOf(text)).toBe(`not a capture file: not valid JSON (${detail})`);
  });

  it('reads every JSON form a capture may use: escapes, numbers, literals, empty containers', () => {
    const capture = JSON.parse(healthyText());
    capture.probes['dsregcmd-status'] = {
      ...probe,
      command: ['a\\"b\\\\c\\/d\\b\\f\\n\\r\\t\\u00e9', '', 'ok'],
      exitCode: -1,
      durationMs: 1.5e3,
      error: null,
    };
    const text = JSON.stringify(capture, null, '\t').replace(
      '"tool"',
      '"extra":[true,false,null,[],{},-0.25E-2,2e5],\r\n"tool"',
    );
    const read = readCapture(text);
    expect(read.ok && read.capture.probes['dsregcmd-status']?.durationMs).toBe(1500);
  });

  it('counts the size in UTF-8 bytes: 7 million euro signs are over the 20 MB limit', () => {
    expect(utf8Length('aé€😀\ud800x')).toBe(14);
    expect(reasonOf(`{"format":"${'€'.repeat(7_000_000)}"}`)).toMatch(
      /^file is 20\.0 MB, larger than any capture/,
    );
  });
});

describe('capture files saved in other encodings', () => {
  const text = healthyText();
  it.each([
    ['UTF-8 with BOM', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)])],
    ['UTF-16LE with BOM', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')])],
    ['UTF-16BE with BOM', Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(text, 'utf16le').swap16()])],
    ['UTF-16LE without BOM', Buffer.from(text, 'utf16le')],
  ])('reads a capture saved as %s', (_name, bytes) => {
    expect(readCaptureBytes(bytes)).toEqual(readCapture(text));
    expect(readCaptureBytes(bytes).ok).toBe(true);
  });

  it('refuses bytes that are not text in any of them', () => {
    expect(readCaptureBytes(Buffer.from([0x7b, 0xff, 0xfe, 0x7d]))).toEqual({
      ok: false,
      reason: 'not a capture file: the text is not valid UTF-8',
    });
  });
});
