import { rememberShare } from '../lib/share-memory';
import { useChecklistViewStore } from './checklist-view-store';
import { openSource } from './run-actions';
import { useRunStore } from './run-store';

/** Checks this device again, opening the share as part of it, then shows the file share step. */
export async function testShare(path: string): Promise<void> {
  rememberShare(useRunStore.getState().report?.device.name ?? null, path);
  if (await openSource({ kind: 'live', share: path })) useChecklistViewStore.getState().reveal('file-share');
}
