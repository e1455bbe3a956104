import { describe, expect, it } from 'vitest';
import { MAX_CAPTURE_BYTES } from '../../../electron/engine/capture/capture-schema';
import { readCapture } from '../../../electron/engine/capture/read-capture';
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
