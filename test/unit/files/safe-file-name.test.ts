import { describe, expect, it } from 'vitest';
import { createApiHandlers } from '../../../electron/api/create-api-handlers';
import { serializeCapture } from '../../../electron/engine/capture/write-capture';
import {
  captureFileName,
  fileStamp,
  reportFileName,
  safeNamePart,
} from '../../../electron/engine/files/safe-file-name';
import { loadScenario } from '../../../electron/engine/scenarios/scenario-catalog';

const NOW = new Date('2026-11-25T09:00:00.000Z');
const SAFE = /^whfb-capture-[a-z0-9-]+-[0-9TZ-]{1,24}\.json$/;

describe('names of saved files', () => {
  it('turns an ISO date into a stamp a file system accepts', () => {
    expect(fileStamp('2026-11-25T09:00:00.123Z', NOW)).toBe('2026-11-25T09-00-00-123Z');
    expect(captureFileName('healthy-hybrid', '2026-11-25T09:00:00.123Z')).toBe(
      'whfb-capture-healthy-hybrid-2026-11-25T09-00-00-123Z.json',
    );
  });

  it.each([
    ['a path', '../../../etc/passwd'],
    ['a Windows path and a device name', '..\\..\\CON\\x:'],
    ['control characters', '\u001b[31m\r\n\u0000'],
    ['an empty string', ''],
    ['digits that are not a date', 'v31'],
    ['a huge string', 'x'.repeat(5_000_000)],
  ])('falls back to the time now when capturedAt is %s', (_what, capturedAt) => {
    expect(captureFileName(null, capturedAt, NOW)).toBe('whfb-capture-device-2026-11-25T09-00-00-000Z.json');
  });

  it('keeps only digits, T, Z and dashes of a hostile date, and no more than 24 of them', () => {
    const name = captureFileName(null, `2026/11/25 ../..\\T09:00\u0007Z${'9'.repeat(1000)}`, NOW);
    expect(name).toMatch(SAFE);
    expect(name).toBe('whfb-capture-device-20261125-T09-00Z99999999.json');
  });

  it('cleans a name part the same way', () => {
    expect(safeNamePart('../Healthy Hybrid\u0000', 'device')).toBe('healthy-hybrid');
    expect(safeNamePart('///', 'device')).toBe('device');
    expect(safeNamePart('a'.repeat(500), 'device')).toHaveLength(60);
  });

  it.each([
    ['html', 'whfb-report-healthy-hybrid-2026-11-25T09-00-00-123Z.html'],
    ['markdown', 'whfb-report-healthy-hybrid-2026-11-25T09-00-00-123Z.md'],
    ['json', 'whfb-report-healthy-hybrid-2026-11-25T09-00-00-123Z.json'],
    ['summary', 'whfb-summary-healthy-hybrid-2026-11-25T09-00-00-123Z.md'],
    ['capture', 'whfb-capture-healthy-hybrid-2026-11-25T09-00-00-123Z.json'],
  ] as const)('names an exported %s after the scenario and the time of capture', (kind, name) => {
    expect(reportFileName(kind, 'healthy-hybrid', '2026-11-25T09:00:00.123Z')).toBe(name);
  });

  it('names an exported report of a device or file "device", from cleaned parts only', () => {
    expect(reportFileName('html', null, '../..\\evil\u0000.exe', NOW)).toBe(
      'whfb-report-device-2026-11-25T09-00-00-000Z.html',
    );
    expect(reportFileName('markdown', '../../Scenario Name/..', '2026-11-25T09:00:00Z', NOW)).toBe(
      'whfb-report-scenario-name-2026-11-25T09-00-00Z.md',
    );
    expect(reportFileName('summary', '///', 'x'.repeat(100_000), NOW)).toBe(
      'whfb-summary-device-2026-11-25T09-00-00-000Z.md',
    );
  });

  it('"Export…" after opening a hostile capture offers a clean file name', async () => {
    const handlers = createApiHandlers({ mode: 'preview', allowLive: false, platform: 'linux' });
    const capture = { ...loadScenario('healthy-hybrid'), capturedAt: '../../evil\u001b]0;pwned\u0007.exe' };
    await handlers.runChecklist({ kind: 'capture', fileName: 'pc.json', text: serializeCapture(capture) });
    const exported = await handlers.exportDocument({ kind: 'html', redact: true });
    expect(exported.ok && exported.fileName).toMatch(/^whfb-report-device-[0-9TZ-]{1,24}\.html$/);
  });

  it('"Save capture" after opening a hostile capture offers a clean file name', async () => {
    const handlers = createApiHandlers({ mode: 'preview', allowLive: false, platform: 'linux' });
    const capture = { ...loadScenario('healthy-hybrid'), capturedAt: '../../evil\u001b]0;pwned\u0007.exe' };
    const opened = await handlers.runChecklist({
      kind: 'capture',
      fileName: 'pc\u001b[2J.json',
      text: serializeCapture(capture),
    });
    expect(opened.ok).toBe(true);
    const exported = await handlers.exportCapture();
    expect(exported.ok && exported.fileName).toMatch(SAFE);
    expect(exported.ok && exported.fileName).not.toMatch(/evil|pwned|exe/);
  });
});
