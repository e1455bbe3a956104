// The checks the script tests rely on must catch what they claim to: a parser that accepted
// anything, or a scan that missed Invoke-Expression, would make every script test pass.
import { describe, expect, it } from 'vitest';
import {
  codeFromText,
  parsePowerShell,
  readVerbatimLiteral,
  scriptOfArgs,
  syntaxProblems,
} from './powershell-grammar';

describe('the PowerShell grammar', () => {
  it.each([
    ["$x = 'unterminated\n", 'an unterminated string'],
    ['if ($true) { Write-Output 1\n', 'a missing closing brace'],
    ['$x = @{ a = 1; b = }\n', 'a hash table entry without a value'],
    ['foreach ($a in ) { }\n', 'a foreach without a collection'],
    ['$x = [string](1\n', 'an unclosed parenthesis'],
  ])('reports %j (%s) as a syntax error', async (script) => {
    expect(syntaxProblems(await parsePowerShell(script))).not.toEqual([]);
  });

  it('accepts ordinary PowerShell', async () => {
    const script = [
      "$ErrorActionPreference = 'Stop'",
      '$result = [ordered]@{ a = $null; b = @(1, 2) }',
      'try { $n = [int]"42" } catch { $result.a = $_.Exception.Message }',
      'if ($null -ne $result.a -and $n -gt 1) { $result.b += 3 } elseif (@(1) -contains 1) { } else { }',
      '[Console]::Out.WriteLine((ConvertTo-Json -InputObject $result -Compress))',
    ].join('\n');
    expect(syntaxProblems(await parsePowerShell(script))).toEqual([]);
  });
});

describe('the scan for text run as code', () => {
  it.each([
    "Invoke-Expression 'calc'",
    "iex 'calc'",
    "IEX('calc')",
    "$s = [ScriptBlock]::Create('calc')",
    "$ExecutionContext.InvokeCommand.InvokeScript('calc')",
    "$ExecutionContext.InvokeCommand.NewScriptBlock('calc')",
    '& $command',
    '. $file',
    "Start-Process 'calc.exe'",
    'Invoke-Command -ScriptBlock { calc }',
    "Add-Type -TypeDefinition 'class X {}'",
  ])('finds %j', async (script) => {
    expect(codeFromText(script, await parsePowerShell(script))).not.toEqual([]);
  });

  it('finds nothing in a script that only reads and prints', async () => {
    const script = "$x = [adsi]('LDAP://' + 'contoso.com')\n[Console]::Out.WriteLine($x.Path)";
    expect(codeFromText(script, await parsePowerShell(script))).toEqual([]);
  });
});

describe('reading a single-quoted literal as PowerShell does', () => {
  it('treats doubled quotes of any kind as one, and a lone one as the end', () => {
    expect(readVerbatimLiteral("'it''s'")).toBe("it's");
    expect(readVerbatimLiteral("'Bob\u2019\u2019s'")).toBe('Bob\u2019s');
    expect(readVerbatimLiteral("'a\u2018'b'")).toBe("a'b");
    expect(readVerbatimLiteral("'$(calc) `n'")).toBe('$(calc) `n');
    expect(readVerbatimLiteral("'line\nnext'")).toBe('line\nnext');
  });

  it('refuses text that is not exactly one literal', () => {
    // A typographic quote ends the string for PowerShell, though the grammar does not know it.
    expect(readVerbatimLiteral("'a\u2019 + calc + \u2019'")).toBeNull();
    expect(readVerbatimLiteral("'a' + 'b'")).toBeNull();
    expect(readVerbatimLiteral("'open")).toBeNull();
    expect(readVerbatimLiteral('"double"')).toBeNull();
    expect(readVerbatimLiteral("'")).toBeNull();
  });
});

describe('scriptOfArgs', () => {
  it('decodes -EncodedCommand and refuses argv without it', () => {
    const encoded = Buffer.from("Write-Output 'é'", 'utf16le').toString('base64');
    expect(scriptOfArgs(['-NoProfile', '-EncodedCommand', encoded])).toBe("Write-Output 'é'");
    expect(() => scriptOfArgs(['-Command', 'x'])).toThrow(/EncodedCommand/);
  });
});
