import { execFileSync } from 'node:child_process';
import { mkdtempSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { MAX_CAPTURE_BYTES } from '@contract/limits';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { openCaptureFromMenu, readCaptureFile } from '../../../electron/main/open-capture';
import { resetElectronMock, state } from './electron-mock';

vi.mock('electron', () => import('./electron-mock').then((m) => m.electronModule));

const dir = mkdtempSync(path.join(tmpdir(), 'whfb-open-'));
beforeEach(() => resetElectronMock());

describe('File ▸ Open capture…', () => {
  it('reads the picked file in main', async () => {
    const file = path.join(dir, 'pc-01.json');
    writeFileSync(file, '{"a":1}');
    expect(await readCaptureFile(file)).toEqual({
      ok: true,
      fileName: 'pc-01.json',
      text: '{"a":1}',
    });
  });

  it('refuses files larger than any capture without reading them', async () => {
    const file = path.join(dir, 'huge.json');
    writeFileSync(file, '');
    truncateSync(file, MAX_CAPTURE_BYTES + 1);
    const read = await readCaptureFile(file);
    expect(read.ok).toBe(false);
    expect(read.ok ? '' : read.reason).toMatch(/larger than any capture/);
  });

  it('explains missing files and folders', async () => {
    expect(await readCaptureFile(path.join(dir, 'missing.json'))).toEqual({
      ok: false,
      reason: 'missing.json: no such file',
    });
    expect((await readCaptureFile(dir)).ok).toBe(false);
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

  it('refuses a named pipe and a device without waiting or reading', async () => {
    const pipe = path.join(dir, 'pipe.json');
    execFileSync('mkfifo', [pipe]);
    expect(await readCaptureFile(pipe)).toEqual({
      ok: false,
      reason: 'pipe.json is not a file (a named pipe)',
    });
    expect(await readCaptureFile('/dev/zero')).toEqual({
      ok: false,
      reason: 'zero is not a file (a device)',
    });
  });

  it('refuses a 25 MB file by its size', async () => {
    const file = path.join(dir, 'big.json');
    writeFileSync(file, '');
    truncateSync(file, 25 * 1024 * 1024);
    expect(await readCaptureFile(file)).toEqual({
      ok: false,
      reason: 'big.json is larger than any capture (limit 20 MB)',
    });
  });

  it('decodes a capture saved as UTF-16 before the renderer sees it', async () => {
    const file = path.join(dir, 'utf16.json');
    writeFileSync(file, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('{"a":"é"}', 'utf16le')]));
    expect(await readCaptureFile(file)).toEqual({
      ok: true,
      fileName: 'utf16.json',
      text: '{"a":"é"}',
    });
  });

  it('refuses bytes that are not text, and cleans the file name it shows', async () => {
    const file = path.join(dir, 'bin\u001b[2J.json');
    writeFileSync(file, Buffer.from([0x7b, 0xc3, 0x28, 0x7d]));
    expect(await readCaptureFile(file)).toEqual({
      ok: false,
      reason: 'bin?[2J.json: the text is not valid UTF-8',
    });
  });
});
