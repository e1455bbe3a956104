import {
  type CaptureInputs,
  PROBE_IDS,
  type ProbeId,
  type ProbeOutputs,
  type ProbeResult,
} from '@contract/types';
import { buildFactSet, setProbeFacts } from '../engine/facts/fact-set';
import { PROBE_CATALOG, type ProbeSpec } from '../engine/probes/probe-catalog';
import { contextFromFacts, contextFromInputs, type ProbeContext } from '../engine/probes/probe-context';
import { type CommandRunner, runCommand } from './command-funnel';
import { type HostEnvironment, readInstantContext } from './read-instant-context';
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
  /** OEM code page when the caller already read it (or is reading it); otherwise read once here. */
  codePage?: number | Promise<number>;
  /** What the person typed, e.g. the share to test. */
  inputs?: CaptureInputs;
  /**
   * The host process's own environment (USERDNSDOMAIN, USERDOMAIN, COMPUTERNAME), an instant
   * source of the AD domains; none when not given, so only the registry and the probes tell.
   */
  environment?: HostEnvironment;
}

/** The requested specs plus, transitively, the specs they need or must follow. */
function selectSpecs(requested: readonly ProbeId[] | undefined, inputs: ProbeContext): ProbeSpec[] {
  if (requested === undefined) return [...PROBE_CATALOG];
  const wanted = new Set<ProbeId>();
  const add = (id: ProbeId): void => {
    if (wanted.has(id)) return;
    const spec = PROBE_CATALOG.find((candidate) => candidate.id === id);
    if (spec === undefined) return; // not a command probe (entra-kerberos-server-admin)
    wanted.add(id);
    for (const need of [...(spec.needs ?? []), ...(spec.after?.(inputs) ?? [])]) add(need);
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

/**
 * Context for dependent probes from the outputs gathered so far: each output is parsed once,
 * the first time a waiting probe asks, however many probes wait on it.
 */
function contextReader(outputs: ProbeOutputs, inputs: CaptureInputs | undefined): () => ProbeContext {
  const facts = buildFactSet({});
  const parsed = new Set<ProbeId>();
  return () => {
    for (const [id, result] of Object.entries(outputs) as [ProbeId, ProbeResult][]) {
      if (parsed.has(id)) continue;
      parsed.add(id);
      // Output is read even when the probe timed out: the lines may already be there.
      setProbeFacts(facts, id, { ...result, error: null });
    }
    return contextFromFacts(facts, inputs);
  };
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
 * Runs the probes as early as their inputs allow, so the wall time is about the slowest probe,
 * not a chain: nltest and the Entra Kerberos query start at once when the instant sources
 * (environment, registry) name the domain they query, and wait for dsregcmd and klist only
 * when those do not; the time offset waits for nltest's DC; klist waits for the share test
 * only when there is a share. Never throws.
 */
export async function collectProbeOutputs(options: CollectOptions): Promise<ProbeOutputs> {
  const runner = options.runner ?? runCommand;
  const inputs = contextFromInputs(options.inputs);
  const specs = selectSpecs(options.probes, inputs);
  // Read alongside the code page, and only when a probe can use it.
  const instant: Promise<ProbeContext> = specs.some((spec) => spec.ready)
    ? readInstantContext({ system32: options.system32, runner, environment: options.environment ?? {} })
    : Promise.resolve({});
  const codePage = await (options.codePage ?? readOemCodePage({ system32: options.system32, runner }));
  const outputs: ProbeOutputs = {};
  const contextSoFar = contextReader(outputs, options.inputs);
  const running = new Map<ProbeId, Promise<void>>();
  const startAll = (ids: readonly ProbeId[]): Promise<unknown> =>
    Promise.all(specs.filter((other) => ids.includes(other.id)).map(start));

  /** Waits for what the probe needs and returns the context its args read. */
  const contextFor = async (spec: ProbeSpec): Promise<ProbeContext> => {
    await startAll(spec.after?.(inputs) ?? []);
    const { ready } = spec;
    if (ready === undefined) {
      await startAll(spec.needs ?? []);
      return contextSoFar();
    }
    const instantValues = await instant;
    // The instant values win: they decided whether to wait, so the probe uses what they said.
    const known = (): ProbeContext => ({ ...contextSoFar(), ...instantValues });
    let isReady = ready({ ...inputs, ...instantValues });
    for (const need of spec.needs ?? []) {
      if (isReady) break;
      await startAll([need]);
      isReady = ready(known());
    }
    return known();
  };

  const runSpec = async (spec: ProbeSpec): Promise<void> => {
    let result: ProbeResult;
    try {
      const args = spec.args(await contextFor(spec));
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
    outputs[spec.id] = result;
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

  const ordered: ProbeOutputs = {};
  for (const id of PROBE_IDS) {
    const result = outputs[id];
    if (result !== undefined) ordered[id] = result;
  }
  return ordered;
}
