import type { RunSuccess } from '@contract/api-contract';
import type { ReportSource } from '@contract/report-types';
import type { StatusChange } from '../lib/status-changes';
import { previousStatuses } from '../lib/status-changes';
import { useAppInfoStore } from './app-info-store';
import { useRunStore } from './run-store';
import { type SourceView, useSourceStore } from './source-store';

/** What the header calls the report's source (a fix can move a practice scenario to another one). */
export function sourceViewOf(source: ReportSource): SourceView {
  if (source.kind === 'live') return { kind: 'live' };
  if (source.kind === 'capture') return { kind: 'capture', fileName: source.file };
  const scenario = useAppInfoStore.getState().info?.scenarios.find((s) => s.name === source.name);
  return { kind: 'scenario', name: source.name, title: scenario?.title ?? source.name };
}

/**
 * Shows the session's new state after a fix or pasted output: same device, so the open rows stay
 * open; an open full output asks the session again when the report changes.
 */
export function showChangedSession(
  result: RunSuccess,
  changes: readonly StatusChange[],
  announcement: string | null,
): void {
  useSourceStore.getState().setSource(sourceViewOf(result.report.source));
  useRunStore.getState().finish(result, announcement, previousStatuses(changes));
}
