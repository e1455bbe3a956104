// The command line: the same engine as the app, for scripts, labs and support tiers.
// Exit codes of `check`: 0 nothing failed, 1 a check failed, 2 bad invocation or unreadable input,
// 3 nothing could be checked (no probe output could be read).

import { type ParseArgsConfig, parseArgs } from 'node:util';
import { oneLine } from '@contract/one-line';
import type { ReportSource } from '@contract/report-types';
import { type Capture, type CaptureInputs, PROBE_IDS, type ProbeId } from '@contract/types';
import { validateUncPath } from '@contract/validate-unc-path';
import { withAdminOutput } from '../engine/capture/admin-output';
import { serializeCapture, TOOL_VERSION } from '../engine/capture/write-capture';
import { diagnose } from '../engine/diagnose';
import { PROBE_PARSERS } from '../engine/facts/probe-parsers';
import { loadScenario, SCENARIOS } from '../engine/scenarios/scenario-catalog';
import { FLEET_USAGE, fleetCommand } from '../fleet/fleet-command';
import { captureLive } from '../host/capture-live';
import { writeFileAtomic } from '../host/files/atomic-write';
import { loadCaptureFile } from '../host/files/load-capture-file';
import { MAX_ADMIN_OUTPUT_BYTES, readTextFile } from '../host/files/read-text-file';
import { chooseFormat, redactedCapture, renderReport, shouldRedact } from './cli-report-output';

export const EXIT_OK = 0;
export const EXIT_CHECK_FAILED = 1;
export const EXIT_USAGE = 2;
/** Every step is unknown or skipped: the input held nothing the checks could read. */
export const EXIT_NOTHING_CHECKED = 3;
/** The stderr line's bound: room for the list of probe ids, never a whole file. */
const MAX_ERROR_CHARS = 600;

const CHECK_USAGE = `check [--scenario NAME | --capture FILE] [--share UNC]
        [--format text|json|markdown|html] [--json] [--out FILE] [--redact | --no-redact]
        [--kerberos-server FILE] [--key-max-age-days N]
        Run the cloud Kerberos trust checklist (live on Windows, or on a scenario/capture).
        --format: text (default), json (the versioned report), markdown (for a ticket) or
          html (a self-contained page); without it, the extension of --out decides
          (.json, .md, .html), and --json is short for --format json.
        --out FILE: write the report to FILE (replaced whole, never half-written).
        --redact / --no-redact: replace user, device, domain and host names, SIDs, ids and
          addresses with placeholders. Files written with --out are redacted by default;
          the terminal is not.
        --kerberos-server FILE: the output of Get-AzureADKerberosServer saved by an
          administrator, to check that the Entra Kerberos server keys are in sync.
        --key-max-age-days N: warn when that key is older than N days (default 180).`;

const CAPTURE_USAGE = `capture --out FILE [--share UNC] [--redact]
        Run every probe on this Windows device and save the raw outputs (Windows only).
        --redact: replace names and ids in the saved outputs (it still diagnoses the same).`;

const PARSE_USAGE = `parse PROBE-ID FILE
        Print the facts a probe's parser reads from FILE, as JSON.`;

const SCENARIOS_USAGE = `scenarios [--json]
        List the built-in practice scenarios.`;

const USAGE = `Usage: whfb-doctor <command> [options]
       (through npm: npm run -s doctor -- <command> [options], so npm prints no banner)

Commands:
  ${CHECK_USAGE}
  ${CAPTURE_USAGE}
  ${PARSE_USAGE}
  ${SCENARIOS_USAGE}
  ${FLEET_USAGE}

Exit codes of check: 0 nothing failed, 1 a check failed, 2 bad invocation or unreadable input,
3 nothing could be checked.`;

const COMMAND_USAGE: Readonly<Record<string, string>> = {
  check: CHECK_USAGE,
  capture: CAPTURE_USAGE,
  parse: PARSE_USAGE,
  scenarios: SCENARIOS_USAGE,
  fleet: FLEET_USAGE,
};

export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  isTty: boolean;
  env: Readonly<Record<string, string | undefined>>;
}

class UsageError extends Error {}

export async function runCli(argv: string[], io: CliIo): Promise<number> {
  try {
    const [command, ...rest] = argv;
    const usage = command !== undefined ? COMMAND_USAGE[command] : undefined;
    if (usage && rest.some((arg) => arg === '--help' || arg === '-h')) {
      io.stdout(`Usage: whfb-doctor ${usage}\n`);
      return EXIT_OK;
    }
    switch (command) {
      case 'check':
        return await checkCommand(rest, io);
      case 'capture':
        return await captureCommand(rest, io);
      case 'parse':
        return await parseCommand(rest, io);
      case 'scenarios':
        return scenariosCommand(rest, io);
      case 'fleet':
        return await fleetCommand(rest, io);
      case '--version':
        io.stdout(`${TOOL_VERSION}\n`);
        return EXIT_OK;
      case undefined:
      case '--help':
      case '-h':
      case 'help':
        io.stdout(`${USAGE}\n`);
        return command === undefined ? EXIT_USAGE : EXIT_OK;
      default:
        throw new UsageError(`unknown command "${command}" (try --help)`);
    }
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    // Reasons can quote files and arguments: one clean, bounded line on stderr.
    io.stderr(`whfb-doctor: ${oneLine(message, MAX_ERROR_CHARS)}\n`);
    return EXIT_USAGE;
  }
}

function parseOptions<const T extends NonNullable<ParseArgsConfig['options']>>(args: string[], options: T) {
  try {
    return parseArgs({ args, options, allowPositionals: true as const, strict: true as const });
  } catch (error) {
    throw new UsageError(optionMessage(error, Object.keys(options)));
  }
}

/** Node's parser speaks of "args" and "strict mode"; say it in this tool's words. */
function optionMessage(error: unknown, known: string[]): string {
  const text = error instanceof Error ? error.message : String(error);
  const unknown = /Unknown option '([^']*)'/.exec(text)?.[1];
  const list = known.length > 0 ? known.map((k) => `--${k}`).join(', ') : 'none';
  if (unknown) return `unknown option "${unknown}" (options: ${list}; try --help)`;
  const missing = /Option '([^']*)' argument missing/.exec(text)?.[1];
  if (missing) return `${missing.replace(/^-[a-z], /, '')} needs a value (try --help)`;
  return `${text.split('.')[0]} (try --help)`;
}

function shareInput(share: unknown): { share?: string } {
  if (typeof share !== 'string') return {};
  const checked = validateUncPath(share);
  if (!checked.ok) throw new UsageError(`--share: ${checked.reason}`);
  return { share: checked.path };
}

/** --key-max-age-days: a positive whole number of days. */
function keyMaxAgeInput(days: unknown): Pick<CaptureInputs, 'keyMaxAgeDays'> {
  if (typeof days !== 'string') return {};
  const value = /^\s*\d{1,6}\s*$/.test(days) ? Number(days) : Number.NaN;
  if (!(value >= 1))
    throw new UsageError(`--key-max-age-days: expected a positive whole number of days, got "${days}"`);
  return { keyMaxAgeDays: value };
}

/**
 * A text file a person saved: UTF-8 (with or without BOM) or UTF-16 (PowerShell 5.1 redirection),
 * a regular file under the size limit, checked before it is read.
 */
async function readInputFile(file: string, option?: string, maxBytes?: number): Promise<string> {
  const read = await readTextFile(file, maxBytes);
  if (!read.ok) throw new UsageError(option ? `${option}: ${read.reason}` : read.reason);
  return read.text;
}

/** Reports and captures replace the file whole, or leave the old one as it was. */
async function writeOutput(file: string, text: string): Promise<void> {
  const written = await writeFileAtomic(file, text);
  if (!written.ok) throw new UsageError(`--out: ${written.reason}`);
}

async function checkCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseOptions(args, {
    scenario: { type: 'string' },
    capture: { type: 'string' },
    share: { type: 'string' },
    json: { type: 'boolean' },
    format: { type: 'string' },
    out: { type: 'string' },
    redact: { type: 'boolean' },
    'no-redact': { type: 'boolean' },
    'kerberos-server': { type: 'string' },
    'key-max-age-days': { type: 'string' },
  });
  if (positionals.length > 0) throw new UsageError(`unexpected argument "${positionals[0]}"`);
  if (values.scenario && values.capture) throw new UsageError('use either --scenario or --capture, not both');
  if (values.redact && values['no-redact'])
    throw new UsageError('use either --redact or --no-redact, not both');
  const format = chooseFormat(values);
  if (!format.ok) throw new UsageError(format.reason);
  const inputs = shareInput(values.share);
  const keyAge = keyMaxAgeInput(values['key-max-age-days']);
  const kerberosServerFile = values['kerberos-server'];
  // Read before a live capture, so a wrong path fails fast.
  const kerberosServer =
    typeof kerberosServerFile === 'string'
      ? await readInputFile(kerberosServerFile, '--kerberos-server', MAX_ADMIN_OUTPUT_BYTES)
      : undefined;

  const opened = await openCheckSource(values, inputs);
  const capture = withCheckInputs(opened.capture, { ...inputs, ...keyAge }, kerberosServer, io);
  const source = opened.source;

  const report = diagnose(capture, source);
  const colour = io.isTty && format.format === 'text' && !values.out && io.env.NO_COLOR === undefined;
  const rendered = renderReport(report, capture, format.format, { redact: shouldRedact(values), colour });
  if (typeof values.out === 'string') {
    await writeOutput(values.out, rendered.text);
    io.stderr(`Report written to ${oneLine(values.out)}\n`);
  } else {
    io.stdout(rendered.text);
  }
  if (rendered.redactionNote) io.stderr(`${rendered.redactionNote}\n`);
  const { pass, warn, fail } = report.counts;
  if (fail > 0) return EXIT_CHECK_FAILED;
  return pass + warn === 0 ? EXIT_NOTHING_CHECKED : EXIT_OK;
}

/** The device the check looks at: a practice scenario, a capture file, or this machine live. */
async function openCheckSource(
  values: { scenario?: unknown; capture?: unknown },
  inputs: CaptureInputs,
): Promise<{ capture: Capture; source: ReportSource }> {
  if (typeof values.scenario === 'string') {
    const name = values.scenario;
    if (!SCENARIOS.some((s) => s.name === name)) {
      throw new UsageError(`no scenario "${name}"; run "whfb-doctor scenarios" for the list`);
    }
    return { capture: loadScenario(name), source: { kind: 'scenario', name } };
  }
  if (typeof values.capture === 'string') {
    const loaded = await loadCaptureFile(values.capture);
    if (!loaded.ok) throw new UsageError(loaded.reason);
    return { capture: loaded.capture, source: { kind: 'capture', file: values.capture } };
  }
  const live = await captureLive(inputs);
  if (!live.ok) throw new UsageError(live.reason);
  return { capture: live.capture, source: { kind: 'live' } };
}

/**
 * The command line's inputs on top of the capture's: a share only where none was tested (a
 * capture's own test is not re-run), the key age, and an administrator's pasted output.
 */
function withCheckInputs(
  opened: Capture,
  inputs: CaptureInputs,
  kerberosServer: string | undefined,
  io: CliIo,
): Capture {
  let capture = opened;
  const tested = capture.inputs?.share;
  if (inputs.share && !tested) capture = { ...capture, inputs: { ...capture.inputs, share: inputs.share } };
  else if (inputs.share && tested && tested.toLowerCase() !== inputs.share.toLowerCase())
    io.stderr(
      `Note: the capture tested ${oneLine(tested)}; --share ${inputs.share} is not tested on a capture.\n`,
    );
  if (inputs.keyMaxAgeDays !== undefined)
    capture = { ...capture, inputs: { ...capture.inputs, keyMaxAgeDays: inputs.keyMaxAgeDays } };
  // Pasted by an administrator, not run on the device: attached as its own probe.
  return kerberosServer === undefined ? capture : withAdminOutput(capture, kerberosServer);
}

async function captureCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseOptions(args, {
    out: { type: 'string' },
    share: { type: 'string' },
    redact: { type: 'boolean' },
  });
  if (positionals.length > 0) throw new UsageError(`unexpected argument "${positionals[0]}"`);
  if (typeof values.out !== 'string') throw new UsageError('capture needs --out FILE');
  const live = await captureLive(shareInput(values.share), (event) => {
    if (event.phase === 'done') io.stderr(`  ${event.probeId}: ${event.result?.error ?? 'ok'}\n`);
  });
  if (!live.ok) throw new UsageError(live.reason);
  const saved = values.redact ? redactedCapture(live.capture) : undefined;
  await writeOutput(values.out, serializeCapture(saved?.capture ?? live.capture));
  io.stderr(`Capture written to ${oneLine(values.out)}\n`);
  if (saved) io.stderr(`${saved.note}\n`);
  return EXIT_OK;
}

async function parseCommand(args: string[], io: CliIo): Promise<number> {
  const { positionals } = parseOptions(args, {});
  const [probeId, file, extra] = positionals;
  if (!probeId || !file || extra) throw new UsageError('usage: parse PROBE-ID FILE');
  if (!(PROBE_IDS as readonly string[]).includes(probeId)) {
    throw new UsageError(`unknown probe id "${probeId}"; known: ${PROBE_IDS.join(', ')}`);
  }
  const text = await readInputFile(file);
  const parsed = PROBE_PARSERS[probeId as ProbeId](text);
  io.stdout(`${JSON.stringify({ probeId, ...parsed }, null, 2)}\n`);
  return parsed.recognized ? EXIT_OK : EXIT_USAGE;
}

function scenariosCommand(args: string[], io: CliIo): number {
  const { values } = parseOptions(args, { json: { type: 'boolean' } });
  if (values.json) {
    io.stdout(
      `${JSON.stringify(
        SCENARIOS.map(({ name, title, description }) => ({ name, title, description })),
        null,
        2,
      )}\n`,
    );
    return EXIT_OK;
  }
  const width = Math.max(...SCENARIOS.map((s) => s.name.length));
  for (const scenario of SCENARIOS) io.stdout(`${scenario.name.padEnd(width)}  ${scenario.title}\n`);
  return EXIT_OK;
}

// Run when executed directly (npm run doctor), not when imported by tests.
const entry = process.argv[1] ?? '';
if (/cli\.(ts|js|cjs|mjs)$/.test(entry)) {
  runCli(process.argv.slice(2), {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    isTty: Boolean(process.stdout.isTTY),
    env: process.env,
  }).then((code) => {
    process.exitCode = code;
  });
}
