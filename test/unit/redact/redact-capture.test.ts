// A redacted capture is still a capture: it reads back, keeps what is not identifying (probe
// ids, exit codes, timings, error codes) and replaces the rest, inputs and arguments included.

import type { Capture } from '@contract/types';
import { describe, expect, it } from 'vitest';
import { readCapture } from '../../../electron/engine/capture/read-capture';
import { redactCapture } from '../../../electron/engine/redact/redact-capture';
import { createRedactor } from '../../../electron/engine/redact/redactor';
import { loadScenario } from '../../../electron/engine/scenarios/scenario-catalog';

describe('redactCapture', () => {
  const original = loadScenario('key-trust-fallback');
  const redacted = redactCapture(original);

  it('reads back as a capture with the same probes, exit codes and timings', () => {
    const read = readCapture(JSON.stringify(redacted));
    expect(read.ok).toBe(true);
    expect(Object.keys(redacted.probes)).toEqual(Object.keys(original.probes));
    for (const [id, probe] of Object.entries(original.probes)) {
      const after = redacted.probes[id as keyof Capture['probes']];
      expect([after?.exitCode, after?.durationMs, after?.error]).toEqual([
        probe.exitCode,
        probe.durationMs,
        probe.error,
      ]);
    }
    expect([redacted.format, redacted.version, redacted.capturedAt, redacted.tool]).toEqual([
      original.format,
      original.version,
      original.capturedAt,
      original.tool,
    ]);
  });

  it('replaces the share to test, the arguments and the JSON a probe printed', () => {
    expect(redacted.inputs).toEqual({ share: '\\\\host-3.domain-2.example\\share-1' });
    expect(redacted.probes['nltest-dsgetdc']?.command).toEqual([
      'nltest.exe',
      '/dsgetdc:domain-2.example',
      '/kdc',
      '/keylist',
    ]);
    expect(redacted.probes['share-access']?.command.at(-1)).toBe(
      '<list \\\\host-3.domain-2.example\\share-1>',
    );
    expect(JSON.parse(redacted.probes['share-access']?.stdout ?? '')).toMatchObject({
      path: '\\\\host-3.domain-2.example\\share-1',
      listed: true,
    });
  });

  it('keeps the error codes of the capture format and redacts an error message', () => {
    const capture: Capture = {
      ...original,
      inputs: { keyMaxAgeDays: 90 },
      probes: {
        'whoami-user': {
          ...(original.probes['whoami-user'] as NonNullable<Capture['probes']['whoami-user']>),
        },
        'klist-tickets': {
          command: ['klist.exe'],
          exitCode: null,
          stdout: '',
          stderr: '',
          durationMs: 5,
          error: 'timeout',
        },
        'share-access': {
          command: ['powershell.exe'],
          exitCode: 1,
          stdout: '',
          stderr: '',
          durationMs: 9,
          error: 'access to \\\\fs01.corp.contoso.com\\finance was denied for contoso\\alice',
        },
      },
    };
    const after = redactCapture(capture);
    expect(after.inputs).toEqual({ keyMaxAgeDays: 90 });
    expect(after.probes['klist-tickets']?.error).toBe('timeout');
    expect(after.probes['share-access']?.error).toBe(
      'access to \\\\host-1.domain-2.example\\share-1 was denied for domain-1\\user-1',
    );
  });

  it('shares placeholders with whatever else the same redactor redacts', () => {
    const redactor = createRedactor();
    redactCapture(original, redactor);
    expect(redactor.redact('alice on PC-0142 in corp.contoso.com')).toBe(
      'user-1 on HOST-1 in domain-2.example',
    );
    expect(redactor.counts()).toMatchObject({ user: 1, sid: 1, share: 1 });
  });

  it('changes nothing in a capture that is already redacted', () => {
    expect(redactCapture(redacted)).toEqual(redacted);
  });
});
