import { PROBE_CATALOG, type ProbeSpec } from '../probes/probe-catalog';
import { contextFromEvidence } from '../probes/probe-context';
import { type CaptureInputs, type Evidence, PROBE_IDS, type ProbeId, type ProbeResult } from '../types';
import { type CommandRunner, runCommand } from './command-funnel';
import { readOemCodePage } from './read-oem-code-page';
import { resolveSystemExecutable } from './system-paths';

/** Live probes run Windows tools; every other platform uses captures and scenarios. */
export function isLiveHostSupported(platform: NodeJS.Platform = process.platform): boolean {
  return platform === 'win32';
}

/** 'start' when a process starts; 'done' for every probe, with its result (also when skipped). */
export interface ProbeProgress {
  probeId: ProbeId;
  phase: 'start' | 'done';
  result?: ProbeResult;
}

export interface CollectOptions {
  /** Probes to run (default: the whole catalog). The probes they need are added. */
  probes?: readonly ProbeId[];
  /** Folder of the tools, from resolveSystem32(). */
  system32: string;
  runner?: CommandRunner;
  onProgress?: (event: ProbeProgress) => void;
  /** OEM code page when the caller already read it; otherwise read once here. */
  codePage?: number;
  /** What the person typed, e.g. the share to test. */
  inputs?: CaptureInputs;
}

/** The requested specs plus, transitively, the specs they need. */
function selectSpecs(requested: readonly ProbeId[] | undefined): ProbeSpec[] {
  if (requested === undefined) return [...PROBE_CATALOG];
  const wanted = new Set<ProbeId>();
  const add = (id: ProbeId): void => {
    if (wanted.has(id)) return;
    const spec = PROBE_CATALOG.find((candidate) => candidate.id === id);
    if (spec === undefined) return; // not a command probe (share-access)
    wanted.add(id);
    for (const need of spec.needs ?? []) add(need);
  };
  for (const id of requested) add(id);
  return PROBE_CATALOG.filter((spec) => wanted.has(spec.id));
}

function skipped(reason: string): ProbeResult {
  return { command: [], exitCode: null, stdout: '', stderr: '', durationMs: 0, error: `skipped: ${reason}` };
}

function crashed(spec: ProbeSpec, caught: unknown): ProbeResult {
  const message = caught instanceof Error ? caught.message : String(caught);
  return { ...skipped(''), command: [spec.executable], error: message || 'probe failed' };
}

/** Progress is advisory: a failing listener must not stop the run. */
function notify(listener: CollectOptions['onProgress'], event: ProbeProgress): void {
  try {
    listener?.(event);
  } catch {
    // ignored on purpose
  }
}

/**
 * Runs the probes as early as their inputs allow: every probe starts as soon as the probes
 * it needs are done (nltest and the Entra Kerberos query after dsregcmd, the time offset
 * after nltest), so the wall time is about the slowest chain, not the sum. Never throws.
 */
export async function collectEvidence(options: CollectOptions): Promise<Evidence> {
  const runner = options.runner ?? runCommand;
  const specs = selectSpecs(options.probes);
  const codePage = options.codePage ?? (await readOemCodePage({ system32: options.system32, runner }));
  const evidence: Evidence = {};
  const running = new Map<ProbeId, Promise<void>>();

  const runSpec = async (spec: ProbeSpec): Promise<void> => {
    await Promise.all(specs.filter((other) => spec.needs?.includes(other.id)).map(start));
    let result: ProbeResult;
    try {
      const args = spec.args(contextFromEvidence(evidence, options.inputs));
      if (args === null) {
        result = skipped(spec.skipReason ?? 'its inputs are missing');
      } else {
        notify(options.onProgress, { probeId: spec.id, phase: 'start' });
        result = await runner({
          probeId: spec.id,
          file: resolveSystemExecutable(options.system32, spec.executable),
          args,
          timeoutMs: spec.timeoutMs,
          codePage,
        });
      }
    } catch (caught) {
      result = crashed(spec, caught);
    }
    evidence[spec.id] = result;
    notify(options.onProgress, { probeId: spec.id, phase: 'done', result });
  };

  // Each probe starts once; a dependent awaits the same promise as everyone else.
  function start(spec: ProbeSpec): Promise<void> {
    let promise = running.get(spec.id);
    if (promise === undefined) {
      promise = runSpec(spec);
      running.set(spec.id, promise);
    }
    return promise;
  }

  await Promise.all(specs.map(start));

  const ordered: Evidence = {};
  for (const id of PROBE_IDS) {
    const result = evidence[id];
    if (result !== undefined) ordered[id] = result;
  }
  return ordered;
}
