import { describe, expect, it } from 'vitest';
import { diagnose } from '../../../electron/engine/diagnose';
import { renderText } from '../../../electron/engine/report/render-text';
import { loadScenario } from '../../../electron/engine/scenarios/scenario-catalog';

describe('terminal output of a hostile capture', () => {
  it('prints no escape sequence or control byte that came from the capture', () => {
    const capture = loadScenario('certificate-trust-enabled');
    const policy = capture.probes['policy-mdm'];
    if (!policy) throw new Error('scenario has policy-mdm');
    // A line that would clear the screen and retitle the terminal if printed raw.
    const hostile = policy.stdout.replace(
      'UseCertificateForOnPremAuth    REG_DWORD    0x1',
      'UseCertificateForOnPremAuth    REG_DWORD    0x1\x1b[2J\x1b]0;pwned\x07',
    );
    const report = diagnose(
      {
        ...capture,
        capturedAt: '2026-11-25T09:14:03.000Z\x1b[31m',
        probes: { ...capture.probes, 'policy-mdm': { ...policy, stdout: hostile } },
      },
      { kind: 'capture', file: 'evil\x1b[1m.json' },
    );
    const text = renderText(report, { colour: false });
    // biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
    expect(text).not.toMatch(/[\x00-\x08\x0b-\x1f\x7f-\x9f]/);
    // The file name is still there, its escape bytes shown as "?".
    expect(text).toContain('capture evil?[1m.json');
  });
});
