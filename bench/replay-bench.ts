// Benchmark (not a test): replays every built-in scenario through the live host's scheduler
// with each probe's recorded duration honoured, prints the worst case with every probe at its
// timeout, and measures the engine's own overhead. Prints numbers; run with `npm run bench`.

import path from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Capture, ProbeResult } from '@contract/types';
import { diagnose } from '../electron/engine/diagnose';
import { userAdDomain } from '../electron/engine/facts/ad-domain';
import { buildFactSet, factsOf } from '../electron/engine/facts/fact-set';
import { PROBE_CATALOG } from '../electron/engine/probes/probe-catalog';
import { loadScenario, SCENARIOS } from '../electron/engine/scenarios/scenario-catalog';
import { collectProbeOutputs } from '../electron/host/collect-probe-outputs';
import type { CommandRequest, CommandRunner } from '../electron/host/command-funnel';
import type { HostEnvironment } from '../electron/host/read-instant-context';
import { createReplayRunner } from '../electron/host/replay-runner';

const ENGINE_ITERATIONS = 200;
const MAX_WALL_OVER_SLOWEST = 1.15;
// The worst case runs at 1/10 of real time; the numbers printed are scaled back.
const WORST_CASE_SCALE = 0.1;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** What the device's own instant sources would have said, read from what its probes printed. */
interface InstantSources {
  /** The computer's primary DNS suffix: the suffix of dsregcmd's Device Name. */
  suffix?: string;
  environment: HostEnvironment;
}

function instantSourcesOf(capture: Capture): InstantSources {
  const set = buildFactSet(capture.probes);
  const deviceName = factsOf(set, 'dsregcmd-status')?.deviceName?.value ?? '';
  const dot = deviceName.indexOf('.');
  const suffix = dot > 0 ? deviceName.slice(dot + 1) : undefined;
  // USERDNSDOMAIN is the DNS domain of the signed-in user's AD account.
  const userDomain = userAdDomain(set)?.domain;
  const environment = userDomain?.includes('.') ? { USERDNSDOMAIN: userDomain.toUpperCase() } : {};
  return { ...(suffix === undefined ? {} : { suffix }), environment };
}

function describeSources(sources: InstantSources): string {
  const names = [
    ...(sources.suffix === undefined ? [] : ['registry']),
    ...(sources.environment.USERDNSDOMAIN === undefined ? [] : ['env']),
  ];
  return names.length === 0 ? 'none' : names.join('+');
}

function answer(
  request: CommandRequest,
  stdout: string,
  durationMs: number,
  error: string | null,
): ProbeResult {
  const command = [path.posix.basename(request.file), ...request.args];
  return { command, exitCode: error === null ? 0 : null, stdout, stderr: '', durationMs, error };
}

/**
 * The replay runner, plus the registry read of the computer's DNS suffix (not a probe, so not
 * in captures): answered with the given suffix after os-version's recorded time, which is the
 * same reg.exe on the same device.
 */
function deviceRunner(capture: Capture, suffix: string | undefined): CommandRunner {
  const replay = createReplayRunner(capture);
  const regMs = capture.probes['os-version']?.durationMs ?? 0;
  return async (request) => {
    if (request.probeId !== undefined) return replay(request);
    await sleep(regMs);
    const stdout =
      suffix === undefined
        ? ''
        : `HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Services\\Tcpip\\Parameters\r\n    Domain    REG_SZ    ${suffix}\r\n`;
    return answer(request, stdout, regMs, null);
  };
}

async function wallOf(options: Parameters<typeof collectProbeOutputs>[0]): Promise<number> {
  const started = performance.now();
  await collectProbeOutputs(options);
  return performance.now() - started;
}

async function printSchedule(): Promise<void> {
  console.log('Probe scheduling (recorded durations honoured, OEM code page given):');
  console.log(
    '  instant: what names the domain before any probe runs (registry = primary DNS suffix,\n' +
      '  env = USERDNSDOMAIN), simulated from the capture; fallback: neither, so dsregcmd and klist do.',
  );
  console.log(
    'scenario                         wall ms   sum ms   max ms   wall/sum   wall/max   instant        fallback ms   fallback/max',
  );
  let worstRatio = 0;
  for (const scenario of SCENARIOS) {
    const capture = loadScenario(scenario.name);
    const durations = Object.values(capture.probes).map((p) => p.durationMs);
    const sum = durations.reduce((a, b) => a + b, 0);
    const max = Math.max(...durations);
    const sources = instantSourcesOf(capture);
    const common = { system32: '/replay/System32', codePage: 437, inputs: capture.inputs ?? {} };
    const wall = await wallOf({
      ...common,
      runner: deviceRunner(capture, sources.suffix),
      environment: sources.environment,
    });
    const fallback = await wallOf({ ...common, runner: deviceRunner(capture, undefined), environment: {} });
    worstRatio = Math.max(worstRatio, wall / max);
    console.log(
      `${scenario.name.padEnd(32)} ${wall.toFixed(0).padStart(7)} ${sum.toFixed(0).padStart(8)} ${max
        .toFixed(0)
        .padStart(
          8,
        )}   ${(wall / sum).toFixed(2).padStart(8)}   ${(wall / max).toFixed(2).padStart(8)}   ${describeSources(
        sources,
      ).padEnd(12)} ${fallback.toFixed(0).padStart(11)}   ${(fallback / max).toFixed(2).padStart(12)}`,
    );
  }
  const verdict = worstRatio <= MAX_WALL_OVER_SLOWEST ? 'yes' : 'NO';
  console.log(
    `wall <= ${MAX_WALL_OVER_SLOWEST} x the slowest probe on every scenario: ${verdict} (highest ${worstRatio.toFixed(2)})`,
  );
}

/**
 * Every probe takes its whole timeout (its recorded output arrives at the deadline, so the
 * dependent probes still run), and so do the reads that are not probes: the OEM code page and
 * the computer's DNS suffix (a session's first run reads both).
 */
function atTimeoutRunner(capture: Capture): CommandRunner {
  const timeouts = new Map(PROBE_CATALOG.map((spec) => [spec.id, spec.timeoutMs]));
  const probes: Capture['probes'] = {};
  for (const [id, result] of Object.entries(capture.probes)) {
    const timeoutMs = timeouts.get(id as keyof typeof capture.probes);
    if (timeoutMs !== undefined)
      probes[id as keyof typeof probes] = { ...result, durationMs: timeoutMs, error: 'timeout' };
  }
  const replay = createReplayRunner({ ...capture, probes }, { timeScale: WORST_CASE_SCALE });
  return async (request) => {
    if (request.probeId !== undefined) return replay(request);
    const timeoutMs = request.timeoutMs ?? 0;
    await sleep(timeoutMs * WORST_CASE_SCALE);
    return answer(request, '', timeoutMs, 'timeout');
  };
}

/** A scenario's capture with a share test (healthy-hybrid's) when it has none. */
function withShareTest(capture: Capture): Capture {
  const shared = loadScenario('healthy-hybrid');
  const shareAccess = capture.probes['share-access'] ?? shared.probes['share-access'];
  return {
    ...capture,
    inputs: capture.inputs ?? shared.inputs ?? {},
    probes: { ...capture.probes, ...(shareAccess === undefined ? {} : { 'share-access': shareAccess }) },
  };
}

async function printWorstCase(): Promise<void> {
  const slowest = Math.max(...PROBE_CATALOG.map((spec) => spec.timeoutMs));
  const sum = PROBE_CATALOG.reduce((total, spec) => total + spec.timeoutMs, 0);
  console.log(
    "\nWorst case: every probe at its timeout (the scenario's output arriving at the deadline), the" +
      '\nOEM code page and DNS suffix reads at theirs (5 s each, side by side), replayed at 1/10 speed.' +
      `\nSlowest probe timeout ${(slowest / 1000).toFixed(0)} s, sum of all timeouts ${(sum / 1000).toFixed(0)} s.`,
  );
  console.log('device                instant source           share    wall s');
  const cases: [string, boolean, boolean][] = [
    ['healthy-hybrid', true, true],
    ['healthy-hybrid', true, false],
    ['healthy-hybrid', false, true],
    ['healthy-hybrid', false, false],
    ['healthy-entra-joined', true, true],
    ['healthy-entra-joined', false, true],
  ];
  for (const [name, instant, share] of cases) {
    const capture = withShareTest(loadScenario(name));
    const sources = instantSourcesOf(capture);
    const wall = await wallOf({
      system32: '/replay/System32',
      runner: atTimeoutRunner(capture),
      environment: instant ? sources.environment : {},
      inputs: share ? (capture.inputs ?? {}) : {},
    });
    const source = instant ? 'USERDNSDOMAIN' : 'none (dsregcmd, klist)';
    console.log(
      `${name.padEnd(21)} ${source.padEnd(24)} ${(share ? 'yes' : 'no').padEnd(5)} ${(
        wall /
        WORST_CASE_SCALE /
        1000
      )
        .toFixed(1)
        .padStart(8)}`,
    );
  }
}

async function printEngineOverhead(): Promise<void> {
  console.log(
    `\nEngine overhead per full checklist (parse + checks + report), ${ENGINE_ITERATIONS} runs each:`,
  );
  console.log('scenario                         median ms   p95 ms');
  for (const scenario of SCENARIOS) {
    const capture = loadScenario(scenario.name);
    const times: number[] = [];
    for (let i = 0; i < ENGINE_ITERATIONS; i += 1) {
      const started = performance.now();
      diagnose(capture, { kind: 'scenario', name: scenario.name });
      times.push(performance.now() - started);
    }
    times.sort((a, b) => a - b);
    const p95 = times[Math.floor(times.length * 0.95)] ?? 0;
    console.log(
      `${scenario.name.padEnd(32)} ${median(times).toFixed(3).padStart(9)} ${p95.toFixed(3).padStart(8)}`,
    );
  }
}

await printSchedule();
await printWorstCase();
await printEngineOverhead();
