// Folders of captures and reports for the fleet tests: made from the practice scenarios, each
// given its own device when asked. Not a test file itself (no .test suffix).

import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Capture, ProbeResult } from '@contract/types';
import { serializeCapture } from '../../../electron/engine/capture/write-capture';
import { diagnose } from '../../../electron/engine/diagnose';
import { renderJson } from '../../../electron/engine/report/render-json';
import { loadScenario } from '../../../electron/engine/scenarios/scenario-catalog';

const made: string[] = [];

export function tempFolder(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'whfb-fleet-'));
  made.push(dir);
  return dir;
}

export function removeTempFolders(): void {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
}

export const SCENARIO_DEVICE_ID = '8d2f6c41-3b7e-4a90-b1c5-6e0d9a27f318';
export const ENTRA_SCENARIO_DEVICE_ID = 'b3e8a07d-91c4-4f2e-a6d5-7c10e49b2f86';

function replaceInProbe(probe: ProbeResult, from: string, to: string): ProbeResult {
  return { ...probe, stdout: probe.stdout.split(from).join(to) };
}

/** A scenario as another device: its DeviceId, name and capture time replaced. */
export function deviceCapture(
  scenario: string,
  device: { id?: string; name?: string; capturedAt?: string } = {},
): Capture {
  const capture = loadScenario(scenario);
  const probes = { ...capture.probes };
  const dsregcmd = probes['dsregcmd-status'];
  if (dsregcmd) {
    let probe = dsregcmd;
    if (device.id) {
      probe = replaceInProbe(probe, SCENARIO_DEVICE_ID, device.id);
      probe = replaceInProbe(probe, ENTRA_SCENARIO_DEVICE_ID, device.id);
    }
    if (device.name) {
      probe = replaceInProbe(probe, 'PC-0142', device.name);
      probe = replaceInProbe(probe, 'PC-0177', device.name);
    }
    probes['dsregcmd-status'] = probe;
  }
  return { ...capture, capturedAt: device.capturedAt ?? capture.capturedAt, probes };
}

export function writeCapture(file: string, capture: Capture, options: { gzip?: boolean } = {}): string {
  mkdirSync(path.dirname(file), { recursive: true });
  const text = serializeCapture(capture);
  writeFileSync(file, options.gzip ? gzipSync(text) : text);
  return file;
}

export function writeReport(file: string, capture: Capture, options: { gzip?: boolean } = {}): string {
  mkdirSync(path.dirname(file), { recursive: true });
  const text = renderJson(diagnose(capture, { kind: 'live' }));
  writeFileSync(file, options.gzip ? gzipSync(text) : text);
  return file;
}

/** Sets a file's modified time (seconds since 1970). */
export function touch(file: string, seconds: number): void {
  utimesSync(file, seconds, seconds);
}

/** Collects what a command writes. */
export function captureIo() {
  const io = {
    out: '',
    err: '',
    stdout: (text: string) => {
      io.out += text;
    },
    stderr: (text: string) => {
      io.err += text;
    },
    isTty: false,
    env: {},
  };
  return io;
}
