// Benchmark (not a test): replays every built-in scenario through the live host's scheduler
// with each probe's recorded duration honoured, and measures the engine's own overhead.
// Prints numbers; run with `npm run bench`.

import { performance } from 'node:perf_hooks';
import { diagnose } from '../electron/engine/diagnose';
import { collectEvidence } from '../electron/engine/host/live-host';
import { createReplayRunner } from '../electron/engine/host/replay-runner';
import { loadScenario, SCENARIOS } from '../electron/engine/scenarios/scenario-catalog';

const ENGINE_ITERATIONS = 200;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

async function main(): Promise<void> {
  console.log('Probe scheduling (recorded durations honoured, OEM code page given):');
  console.log('scenario                         wall ms   sum ms   max ms   wall/sum');
  for (const scenario of SCENARIOS) {
    const capture = loadScenario(scenario.name);
    const durations = Object.values(capture.probes).map((p) => p.durationMs);
    const sum = durations.reduce((a, b) => a + b, 0);
    const max = Math.max(...durations);
    const started = performance.now();
    await collectEvidence({
      system32: '/replay/System32',
      runner: createReplayRunner(capture),
      codePage: 437,
    });
    const wall = performance.now() - started;
    console.log(
      `${scenario.name.padEnd(32)} ${wall.toFixed(0).padStart(7)} ${sum.toFixed(0).padStart(8)} ${max
        .toFixed(0)
        .padStart(8)}   ${(wall / sum).toFixed(2)}`,
    );
  }

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

await main();
