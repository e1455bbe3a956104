// File ▸ Open capture… in the real menu: main's file dialog (answered here by the test, as no
// person is there to pick a file), main reads and opens the file, the renderer shows its report.
import { writeFile } from 'node:fs/promises';
import { rowStatuses } from '../e2e/app-page';
import { expectedReport, scenarioCaptureText } from '../e2e/engine-expectations';
import { sourceFact, waitForChecklist } from '../e2e/shared-page';
import { expect, test } from './desktop-app';

const FILE_NAME = 'from-menu.json';

test('a capture opens through File ▸ Open capture…', async ({ app, appWindow }, testInfo) => {
  const file = testInfo.outputPath(FILE_NAME);
  await writeFile(file, scenarioCaptureText('os-too-old'), 'utf8');
  // The first checklist (live on Windows) finishes before the capture is opened.
  await waitForChecklist(appWindow, 150_000);

  await app.evaluate(({ dialog, Menu }, picked) => {
    dialog.showOpenDialog = async () => ({ canceled: false, filePaths: [picked] });
    const items = Menu.getApplicationMenu()?.items.flatMap((item) => item.submenu?.items ?? []) ?? [];
    const open = items.find((item) => item.label === 'Open capture…');
    if (!open) throw new Error('the File menu has no "Open capture…" item');
    open.click();
  }, file);

  await expect(sourceFact(appWindow)).toHaveText(`Capture file: ${FILE_NAME}`);
  const report = expectedReport('os-too-old', { kind: 'capture', file: FILE_NAME });
  await expect(appWindow.getByTestId('headline')).toHaveText(report.headline.text);
  expect(await rowStatuses(appWindow)).toEqual(report.checks.map((check) => [check.id, check.status]));
});
