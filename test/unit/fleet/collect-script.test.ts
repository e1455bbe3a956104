// The collection script (fleet/Collect-WhfbDoctor.ps1), read with the real PowerShell grammar:
// it parses, runs no text as code, calls only its own functions and a few plain cmdlets, starts
// processes in one place only, and starts only the app or the probe tools, with exactly the
// arguments and timeouts of the app's probe catalog.

import { readFileSync } from 'node:fs';
import { PROBE_IDS } from '@contract/types';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Node } from 'web-tree-sitter';
import { POWERSHELL_EXECUTABLE } from '../../../electron/engine/probes/powershell';
import { PROBE_CATALOG } from '../../../electron/engine/probes/probe-catalog';
import {
  codeFromText,
  parsePowerShell,
  readVerbatimLiteral,
  syntaxProblems,
} from '../powershell/powershell-grammar';

const SCRIPT = readFileSync(new URL('../../../fleet/Collect-WhfbDoctor.ps1', import.meta.url), 'utf8');
const APP_EXECUTABLE = 'whfb-doctor.exe';
// Built-in cmdlets that read or shape data; none starts a program or runs text.
const PLAIN_CMDLETS = [
  'ConvertTo-Json',
  'Get-ItemProperty',
  'Join-Path',
  'New-Object',
  'Set-StrictMode',
  'Split-Path',
  'Test-Path',
  'Write-Output',
];
const NEW_OBJECT_TYPES = [
  'System.Diagnostics.ProcessStartInfo',
  'System.IO.Compression.GZipStream',
  'System.IO.MemoryStream',
  'System.Text.UTF8Encoding',
];

let root: Node;
beforeAll(async () => {
  root = (await parsePowerShell(SCRIPT)).rootNode;
});

function* walk(node: Node): Generator<Node> {
  yield node;
  for (const child of node.children) yield* walk(child);
}

function all(type: string, from: Node = root): Node[] {
  return [...walk(from)].filter((node) => node.type === type);
}

function enclosingFunction(node: Node): string | null {
  for (let parent = node.parent; parent !== null; parent = parent.parent) {
    if (parent.type === 'function_statement')
      return parent.children.find((c) => c.type === 'function_name')?.text ?? null;
  }
  return null;
}

/** The single-quoted literals under a node, read as PowerShell reads them. */
function literals(node: Node): string[] {
  return all('verbatim_string_characters', node).map(
    (n) => readVerbatimLiteral(n.text) ?? `<not a literal: ${n.text}>`,
  );
}

/** The assignment to a script variable, e.g. `$Probes = @(...)`. */
function assignmentTo(variable: string): Node[] {
  return all('assignment_expression').filter(
    (node) => node.children.find((c) => c.type === 'left_assignment_expression')?.text === variable,
  );
}

/** Each `@{ Key = value; ... }` under a node, as key → value node. */
function hashTables(node: Node): Map<string, Node>[] {
  return all('hash_literal_expression', node).map((table) => {
    const entries = new Map<string, Node>();
    for (const entry of all('hash_entry', table)) {
      const key = entry.children.find((c) => c.type === 'key_expression')?.text ?? '';
      const value = entry.children.find((c) => c.type === 'pipeline');
      if (value) entries.set(key, value);
    }
    return entries;
  });
}

function commandsNamed(name: string): string[] {
  return all('command')
    .filter((command) => command.children.find((c) => c.type === 'command_name')?.text === name)
    .map((command) => command.children.find((c) => c.type === 'command_elements')?.text.trim() ?? '');
}

interface ScriptProbe {
  id: string;
  exe: string;
  timeout: number;
  args: string[];
}

function scriptProbes(): ScriptProbe[] {
  const [table] = assignmentTo('$Probes');
  if (!table) throw new Error('no $Probes table');
  return hashTables(table).map((entries) => ({
    id: literals(entries.get('Id') as Node)[0] ?? '',
    exe: literals(entries.get('Exe') as Node)[0] ?? '',
    timeout: Number(entries.get('Timeout')?.text),
    args: literals(entries.get('Args') as Node),
  }));
}

describe('the collection script', () => {
  it('parses without errors and runs no text as code', () => {
    expect(syntaxProblems(root.tree)).toEqual([]);
    expect(codeFromText(SCRIPT, root.tree)).toEqual([]);
    // No script blocks handed to anything: no pipelines of code, no jobs, no events.
    expect(all('script_block_expression')).toEqual([]);
  });

  it('calls only its own functions and plain cmdlets', () => {
    const own = new Set(all('function_name').map((n) => n.text));
    const called = new Set(all('command_name').map((n) => n.text));
    const others = [...called].filter((name) => !own.has(name));
    expect(others.sort()).toEqual(PLAIN_CMDLETS);
    // New-Object makes only these types.
    const made = commandsNamed('New-Object').map((args) => args.split(/[\s(]/)[0]);
    expect([...new Set(made)].sort()).toEqual(NEW_OBJECT_TYPES);
  });

  it('starts processes in one function, by full path, without a shell', () => {
    const starts = all('invokation_expression').filter((n) =>
      /^\[System\.Diagnostics\.Process\]::Start\b/.test(n.text),
    );
    expect(starts).toHaveLength(1);
    expect(enclosingFunction(starts[0] as Node)).toBe('Invoke-Program');
    expect(all('member_name').filter((n) => /^start$/i.test(n.text))).toHaveLength(1);
    expect(SCRIPT).toContain('$info.UseShellExecute = $false');
    expect(SCRIPT).not.toMatch(/Diagnostics\.Process\b(?!\]::Start|StartInfo)/);
    // Invoke-Program runs a probe tool under System32 or the app, nothing else.
    expect(commandsNamed('Invoke-Program')).toEqual([
      '(Join-Path $system32 $probe.Exe) $probeArgs $probe.Timeout $oem',
      '$app $appArgs $AppTimeoutSeconds ([System.Text.Encoding]::UTF8)',
    ]);
  });

  it('names no program but the probe tools and the app', () => {
    const tools = new Set(
      PROBE_CATALOG.map((spec) => spec.executable).filter((exe) => exe !== POWERSHELL_EXECUTABLE),
    );
    const named = new Set(
      all('verbatim_string_characters')
        .map((n) => readVerbatimLiteral(n.text) ?? '')
        .filter((text) => /\.(exe|com|bat|cmd|ps1)\b/i.test(text)),
    );
    expect([...named].sort()).toEqual([...tools, APP_EXECUTABLE].sort());
    expect(SCRIPT).toContain(`$AppExecutable = '${APP_EXECUTABLE}'`);
  });

  it('runs every System32 probe of the catalog with its arguments and timeout', () => {
    const context = {
      domain: 'corp.contoso.com',
      userDomain: 'contoso.com',
      dcName: 'DC01.corp.contoso.com',
    };
    const expected = PROBE_CATALOG.filter((spec) => spec.executable !== POWERSHELL_EXECUTABLE).map(
      (spec) => ({
        id: spec.id,
        exe: spec.executable,
        timeout: spec.timeoutMs / 1000,
        args: spec.args(context),
      }),
    );
    const filled = scriptProbes().map((probe) => ({
      ...probe,
      args: probe.args.map((arg) => arg.replace('{domain}', context.domain).replace('{dc}', context.dcName)),
    }));
    expect(filled).toEqual(expected);
  });

  it('records the PowerShell probes as skipped, so every probe of the app is accounted for', () => {
    const [table] = assignmentTo('$Skipped');
    const skipped = hashTables(table as Node).map((entries) => literals(entries.get('Id') as Node)[0]);
    expect(skipped.sort()).toEqual(
      PROBE_CATALOG.filter((spec) => spec.executable === POWERSHELL_EXECUTABLE)
        .map((spec) => spec.id)
        .sort(),
    );
    const covered = new Set([...scriptProbes().map((p) => p.id), ...skipped]);
    // The one probe id not run on a device is pasted by an administrator.
    expect(PROBE_IDS.filter((id) => !covered.has(id))).toEqual(['entra-kerberos-server-admin']);
  });

  it('runs the app headless with the output path and --redact only', () => {
    const right = (node: Node) => node.children[node.children.length - 1]?.text;
    expect(assignmentTo('$appArgs').map(right)).toEqual(["@('--headless', '--out', $outPath)", "'--redact'"]);
  });

  it('writes nothing but its last line to the output', () => {
    const outputs = commandsNamed('Write-Output');
    expect(outputs.length).toBeGreaterThan(0);
    expect(
      outputs.every((args) => args.startsWith('$line') || args.startsWith('(ConvertTo-SummaryLine')),
    ).toBe(true);
    // Each Write-Output is followed by the exit.
    for (const command of all('command').filter((c) => c.text.startsWith('Write-Output'))) {
      expect(command.parent?.parent?.nextNamedSibling?.text ?? '').toMatch(/^exit\b/);
    }
    expect(SCRIPT).not.toMatch(/Write-(Host|Information|Warning)\b|\[Console\]::/);
  });
});
