// The file-share test: the script powershell.exe receives, read back from argv and parsed by
// the real grammar. The path is typed by a person, so it must reach the script as data or
// not at all.

import { validateUncPath } from '@contract/validate-unc-path';
import { describe, expect, it } from 'vitest';
import {
  buildShareAccessScript,
  SHARE_ACCESS_SCRIPT_TEMPLATE,
  shareAccessArgs,
} from '../../../electron/engine/probes/share-access-query';
import { HOSTILE_UNC_PATHS } from '../../fixtures/hostile-unc-paths';
import { HOSTILE_VALUES } from './hostile-values';
import {
  checkValueIsData,
  codeFromText,
  parsePowerShell,
  scriptOfArgs,
  syntaxProblems,
} from './powershell-grammar';

const PLACEHOLDER = '__PATH_LITERAL__';
const BASELINE = buildShareAccessScript('\\\\fs01\\share') ?? '';

function scriptFor(share: string): string | null {
  const args = shareAccessArgs({ share });
  return args === null ? null : scriptOfArgs(args);
}

/** Either the validation refused the path, or it is one literal PowerShell reads back as the path. */
async function refusedOrData(share: string): Promise<'refused' | 'data'> {
  const script = scriptFor(share);
  const checked = validateUncPath(share);
  if (script === null) {
    expect(checked.ok).toBe(false);
    return 'refused';
  }
  if (!checked.ok) throw new Error('a script was built for a path the validation refuses');
  const { problems } = await checkValueIsData({
    template: SHARE_ACCESS_SCRIPT_TEMPLATE,
    placeholder: PLACEHOLDER,
    script,
    value: checked.path,
    variable: '$path',
    baseline: BASELINE,
  });
  expect(problems).toEqual([]);
  return 'data';
}

describe('the share access script', () => {
  it('parses without errors and runs no text as code', async () => {
    const script = scriptFor('\\\\fs01.corp.contoso.com\\Finance\\Q4');
    expect(script).not.toBeNull();
    const tree = await parsePowerShell(script ?? '');
    expect(syntaxProblems(tree)).toEqual([]);
    expect(codeFromText(script ?? '', tree)).toEqual([]);
  });

  // Paths the validation lets through that still carry characters PowerShell cares about:
  // the typographic quotes above all, which end a single-quoted string in PowerShell.
  it.each([
    '\\\\fs01\\Bob\u2019s files',
    '\\\\fs01\\a\u2019 + calc + \u2019',
    '\\\\fs01\\\u2018quoted\u2019\\\u201Alow\u201B',
    '\\\\fs01\\share #not a comment',
    '\\\\fs01\\share@home\\a+b~c',
    '\\\\fs01\\ünïcödé 😀\\Q4 2024',
    '\\\\fs01\\share\\',
  ])('takes %s as one literal that reads back as the path', async (share) => {
    expect(await refusedOrData(share)).toBe('data');
  });

  it.each(HOSTILE_UNC_PATHS.map((path) => [JSON.stringify(path), path]))(
    'refuses the path %s: no script, no process',
    (_label, share) => {
      expect(buildShareAccessScript(share)).toBeNull();
      expect(shareAccessArgs({ share })).toBeNull();
    },
  );

  it.each(HOSTILE_VALUES.map((value) => [JSON.stringify(value), value]))(
    'refuses a share name built to break out (%s) or keeps it as data',
    async (_label, value) => {
      for (const share of [`\\\\fs01\\${value}`, `\\\\fs01\\share\\${value}`, `\\\\fs01\\sh${value}are`]) {
        expect(['refused', 'data']).toContain(await refusedOrData(share));
      }
    },
  );
});
