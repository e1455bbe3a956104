// `whfb-doctor.exe --headless --out FILE [--redact] [--capture-only] [--share UNC]`: the packaged
// app without a window, for a logon script or an Intune remediation. It runs the live probes as
// the CLI's `check` does, writes the report (or with --capture-only the capture) as JSON, gzipped
// when FILE ends in .gz, replacing FILE whole, prints the device's summary row as one JSON line on
// stdout, and exits with the CLI's codes: 0 nothing failed, 1 a check failed, 2 bad invocation,
// no live host or the file could not be written, 3 nothing could be checked.

import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { type FleetSummaryRow, summaryFromReport, summaryLine } from '@contract/fleet-summary';
import { oneLine } from '@contract/one-line';
import type { Capture, CaptureInputs } from '@contract/types';
import { validateUncPath } from '@contract/validate-unc-path';
import { serializeCapture } from '../engine/capture/write-capture';
import { factsOfCapture } from '../engine/diagnose';
import { learnFromCapture, redactCapture } from '../engine/redact/redact-capture';
import { redactReport } from '../engine/redact/redact-report';
import { createRedactor } from '../engine/redact/redactor';
import { renderJson } from '../engine/report/render-json';
import { captureIdentity, summarizeCapture } from '../fleet/summarize-capture';
import type { LiveCaptureResult } from '../host/capture-live';
import type { AtomicWrite } from '../host/files/atomic-write';

/** The CLI's exit codes (electron/cli/cli.ts), which scripts already read. */
export const HEADLESS_EXIT = { ok: 0, checkFailed: 1, usage: 2, nothingChecked: 3 } as const;

export interface HeadlessRequest {
  out: string;
  redact: boolean;
  captureOnly: boolean;
  inputs: CaptureInputs;
}

export type HeadlessArgs =
  | { headless: false }
  | { headless: true; ok: true; request: HeadlessRequest }
  | { headless: true; ok: false; reason: string };

/**
 * The headless request in the app's arguments (without the executable, and without the app
 * folder when started as `electron .`), or `headless: false` for a normal start.
 */
export function headlessArgs(args: readonly string[]): HeadlessArgs {
  if (!args.includes('--headless')) return { headless: false };
  let values: { out?: string; redact?: boolean; 'capture-only'?: boolean; share?: string };
  try {
    ({ values } = parseArgs({
      args: [...args],
      strict: true,
      allowPositionals: false,
      options: {
        headless: { type: 'boolean' },
        out: { type: 'string' },
        redact: { type: 'boolean' },
        'capture-only': { type: 'boolean' },
        share: { type: 'string' },
      },
    }));
  } catch (error) {
    return { headless: true, ok: false, reason: error instanceof Error ? error.message : String(error) };
  }
  if (values.out === undefined || values.out === '') {
    return { headless: true, ok: false, reason: '--headless needs --out FILE' };
  }
  let inputs: CaptureInputs = {};
  if (values.share !== undefined) {
    const share = validateUncPath(values.share);
    if (!share.ok) return { headless: true, ok: false, reason: `--share: ${share.reason}` };
    inputs = { share: share.path };
  }
  return {
    headless: true,
    ok: true,
    request: {
      out: values.out,
      redact: values.redact === true,
      captureOnly: values['capture-only'] === true,
      inputs,
    },
  };
}

export interface HeadlessDeps {
  captureLive: (inputs: CaptureInputs) => Promise<LiveCaptureResult>;
  writeFile: (file: string, data: string | Uint8Array) => Promise<AtomicWrite>;
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

/** What goes into the file, and the summary row of the same (possibly redacted) data. */
interface Output {
  text: string;
  row: FleetSummaryRow;
  code: number;
}

function reportOutput(capture: Capture, request: HeadlessRequest): Output {
  const { report, row } = summarizeCapture(capture, { kind: 'live' }, 'live', request.out);
  const { pass, warn, fail } = report.counts;
  const code =
    fail > 0
      ? HEADLESS_EXIT.checkFailed
      : pass + warn === 0
        ? HEADLESS_EXIT.nothingChecked
        : HEADLESS_EXIT.ok;
  if (!request.redact) return { text: renderJson(report), row, code };
  // One redactor for the report and the row, so both use the same placeholders.
  const redactor = createRedactor();
  learnFromCapture(capture, redactor);
  const redacted = redactReport(report, redactor);
  const identity = captureIdentity(factsOfCapture(redactCapture(capture, redactor)));
  return {
    text: renderJson(redacted),
    row: summaryFromReport(redacted, { ...identity, source: 'live', path: request.out }),
    code,
  };
}

function captureOutput(capture: Capture, request: HeadlessRequest): Output {
  const saved = request.redact ? redactCapture(capture) : capture;
  // The row sums up what was saved; the verdict is made again wherever the capture is read.
  const { row } = summarizeCapture(saved, { kind: 'live' }, 'live', request.out);
  return { text: serializeCapture(saved), row, code: HEADLESS_EXIT.ok };
}

/** One headless run; returns the exit code. Never throws for what a device or a path can do. */
export async function runHeadless(request: HeadlessRequest, deps: HeadlessDeps): Promise<number> {
  const live = await deps.captureLive(request.inputs);
  if (!live.ok) {
    deps.stderr(`whfb-doctor: ${oneLine(live.reason)}\n`);
    return HEADLESS_EXIT.usage;
  }
  const output = request.captureOnly
    ? captureOutput(live.capture, request)
    : reportOutput(live.capture, request);
  const data = /\.gz$/i.test(request.out) ? gzipSync(Buffer.from(output.text, 'utf8')) : output.text;
  const written = await deps.writeFile(request.out, data);
  if (!written.ok) {
    deps.stderr(`whfb-doctor: --out: ${written.reason}\n`);
    return HEADLESS_EXIT.usage;
  }
  deps.stdout(`${summaryLine(output.row)}\n`);
  return output.code;
}

/** Resolves once `text` has been handed to the stream (a pipe to the script that started us). */
function writeAll(stream: NodeJS.WritableStream, text: string): Promise<void> {
  return new Promise((resolve) => {
    stream.write(text, () => resolve());
  });
}

/**
 * The app's headless start: no window, no single-instance lock (a technician may have the app
 * open while the logon script runs). Output is flushed before the app exits with the code.
 */
export function startHeadless(
  app: { exit: (code: number) => void },
  args: Exclude<HeadlessArgs, { headless: false }>,
  deps: Pick<HeadlessDeps, 'captureLive' | 'writeFile'>,
): Promise<void> {
  const lines: Promise<void>[] = [];
  const io = {
    stdout: (text: string) => lines.push(writeAll(process.stdout, text)),
    stderr: (text: string) => lines.push(writeAll(process.stderr, text)),
  };
  const run = args.ok
    ? runHeadless(args.request, { ...deps, ...io })
    : Promise.resolve().then(() => {
        io.stderr(`whfb-doctor: ${oneLine(args.reason)}\n`);
        return HEADLESS_EXIT.usage;
      });
  return run
    .catch((error: unknown) => {
      io.stderr(`whfb-doctor: ${oneLine(error instanceof Error ? error.message : String(error))}\n`);
      return HEADLESS_EXIT.usage;
    })
    .then(async (code) => {
      await Promise.all(lines);
      app.exit(code);
    });
}
