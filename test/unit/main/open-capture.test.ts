import { mkdtempSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { MAX_CAPTURE_BYTES } from '../../../electron/engine/capture/capture-schema';
import { openCaptureFromMenu, readCaptureForRenderer } from '../../../electron/main/open-capture';
import { resetElectronMock, state } from './electron-mock';

vi.mock('electron', () => import('./electron-mock').then((m) => m.electronModule));

const dir = mkdtempSync(path.join(tmpdir(), 'whfb-open-'));
beforeEach(() => resetElectronMock());

describe('File ▸ Open capture…', () => {
  it('reads the picked file for the renderer', async () => {
    const file = path.join(dir, 'pc-01.json');
    writeFileSync(file, '{"a":1}');
    expect(await readCaptureForRenderer(file)).toEqual({
      ok: true,
      command: { command: 'open-capture', fileName: 'pc-01.json', text: '{"a":1}' },
    });
  });

  it('refuses files larger than any capture without reading them', async () => {
    const file = path.join(dir, 'huge.json');
    writeFileSync(file, '');
    truncateSync(file, MAX_CAPTURE_BYTES + 1);
    const read = await readCaptureForRenderer(file);
    expect(read.ok).toBe(false);
    expect(read.ok ? '' : read.reason).toMatch(/larger than any capture/);
  });

  it('explains missing files and folders', async () => {
    expect(await readCaptureForRenderer(path.join(dir, 'missing.json'))).toEqual({
      ok: false,
      reason: 'missing.json: no such file',
    });
    expect((await readCaptureForRenderer(dir)).ok).toBe(false);
  });

  it('sends nothing when the dialog is cancelled', async () => {
    const send = vi.fn();
    await openCaptureFromMenu(null, send);
    expect(state.dialog.showOpenDialog).toHaveBeenCalled();
    expect(send).not.toHaveBeenCalled();
  });

  it('shows why a file could not be opened instead of sending it', async () => {
    const send = vi.fn();
    state.dialog.showOpenDialog.mockResolvedValueOnce({
      canceled: false,
      filePaths: [path.join(dir, 'nope.json')],
    });
    await openCaptureFromMenu(null, send);
    expect(send).not.toHaveBeenCalled();
    expect(state.dialog.showMessageBox).toHaveBeenCalledWith(
      expect.objectContaining({ type: 'error', detail: 'nope.json: no such file' }),
    );
  });
});
