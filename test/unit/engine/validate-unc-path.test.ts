import { validateUncPath } from '@contract/validate-unc-path';
import { describe, expect, it } from 'vitest';
import { HOSTILE_UNC_PATHS as hostile } from '../../fixtures/hostile-unc-paths';

describe('UNC path validation', () => {
  it.each([
    ['\\\\fs01\\finance', '\\\\fs01\\finance'],
    ['\\\\fs01.corp.contoso.com\\Finance\\Reports 2026', '\\\\fs01.corp.contoso.com\\Finance\\Reports 2026'],
    ['  \\\\FS01\\data$  '.replace('$', ''), '\\\\FS01\\data'],
    ['\\\\10.20.0.15\\public\\', '\\\\10.20.0.15\\public'],
    // Hidden shares are everyday paths.
    ['\\\\fs01\\c$', '\\\\fs01\\c$'],
    ['\\\\fs01\\home$\\alice', '\\\\fs01\\home$\\alice'],
  ])('accepts %s', (input, path) => {
    expect(validateUncPath(input)).toMatchObject({ ok: true, path });
  });

  it.each(hostile.map((input) => [JSON.stringify(input), input]))(
    'rejects %s with a reason',
    (_label, input) => {
      const checked = validateUncPath(input);
      expect(checked.ok).toBe(false);
      if (!checked.ok) expect(checked.reason.length).toBeGreaterThan(5);
    },
  );

  it('has at least 20 hostile cases', () => {
    expect(hostile.length).toBeGreaterThanOrEqual(20);
  });
});
