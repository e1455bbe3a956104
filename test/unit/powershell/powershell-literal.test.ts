// toPowerShellLiteral is what keeps every outside value data in the probe scripts: whatever
// string goes in, the grammar sees one single-quoted literal and PowerShell reads it back as
// the same string.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  PRINT_RESULT_AS_JSON,
  powerShellArgs,
  toPowerShellLiteral,
} from '../../../electron/engine/probes/powershell';
import { HOSTILE_VALUES } from './hostile-values';
import {
  checkValueIsData,
  codeFromText,
  parsePowerShell,
  scriptOfArgs,
  syntaxProblems,
} from './powershell-grammar';

const TEMPLATE = '$value = __VALUE__\n[Console]::Out.WriteLine($value)\n';
const build = (value: string) => TEMPLATE.replace('__VALUE__', () => toPowerShellLiteral(value));

describe('toPowerShellLiteral', () => {
  it.each(HOSTILE_VALUES.map((value) => [JSON.stringify(value), value]))(
    'keeps %s one literal that reads back as itself',
    async (_label, value) => {
      const { problems } = await checkValueIsData({
        template: TEMPLATE,
        placeholder: '__VALUE__',
        script: build(value),
        value,
        variable: '$value',
        baseline: build('plain'),
      });
      expect(problems).toEqual([]);
    },
  );

  it('keeps any string one literal (generated strings, typographic quotes included)', async () => {
    const quoteHeavy = fc.string({
      unit: fc.constantFrom(
        "'",
        '\u2018',
        '\u2019',
        '\u201A',
        '\u201B',
        '"',
        '$',
        '`',
        ';',
        '\n',
        '(',
        ')',
        'a',
        ' ',
      ),
      maxLength: 40,
    });
    // NUL ends tree-sitter's input (not PowerShell's); no builder lets one through.
    const textWithoutNul = fc
      .string({ unit: 'binary', maxLength: 40 })
      .map((text) => text.replaceAll('\0', ''));
    await fc.assert(
      fc.asyncProperty(fc.oneof(quoteHeavy, textWithoutNul), async (value) => {
        const { problems } = await checkValueIsData({
          template: TEMPLATE,
          placeholder: '__VALUE__',
          script: build(value),
          value,
          variable: '$value',
          baseline: build('plain'),
        });
        expect(problems).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });
});

describe('the shared script parts', () => {
  it('PRINT_RESULT_AS_JSON parses and runs no text as code', async () => {
    const script = `$result = @{ a = 1 }\n${PRINT_RESULT_AS_JSON}\n`;
    const tree = await parsePowerShell(script);
    expect(syntaxProblems(tree)).toEqual([]);
    expect(codeFromText(script, tree)).toEqual([]);
  });

  it('powerShellArgs carries the script unchanged as -EncodedCommand', () => {
    const script = build("Bob's \u2019 é😀\n$(x)");
    expect(scriptOfArgs(powerShellArgs(script))).toBe(script);
  });
});
