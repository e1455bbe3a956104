// The fixes run no PowerShell on this device; two of them show an administrator a
// PowerShell command to run elsewhere, with the AD domain filled in from command output.
// Copied and pasted, it must parse, and the domain must be a plain argument or be left out.

import { FIX_IDS } from '@contract/types';
import { describe, expect, it } from 'vitest';
import { planFix } from '../../../electron/engine/fixes/fix-plans';
import { HOSTILE_VALUES } from './hostile-values';
import { codeFromText, parsePowerShell, syntaxProblems } from './powershell-grammar';

const ADMIN_FIXES = ['create-entra-kerberos-server', 'rotate-entra-kerberos-key'] as const;

function shownCommand(id: (typeof ADMIN_FIXES)[number], domain?: string): string {
  const step = planFix(id, domain === undefined ? {} : { domain }).find((s) => s.kind === 'show-command');
  if (step?.kind !== 'show-command') throw new Error(`${id} shows no command`);
  return step.text;
}

/** The command as the administrator runs it: the sign-in name filled in where it says so. */
function filledIn(text: string): string {
  return text.replace('<admin UPN>', "'admin@contoso.com'");
}

describe('the commands shown to an administrator', () => {
  it('are the only PowerShell among the fixes', () => {
    const showing = FIX_IDS.filter((id) =>
      planFix(id, { domain: 'contoso.com' }).some((s) => s.kind === 'show-command'),
    );
    expect(showing.sort()).toEqual([...ADMIN_FIXES].sort());
  });

  it.each(
    ADMIN_FIXES.flatMap((id) => ['contoso.com', 'CONTOSO', 'eu.corp-1.contoso.com'].map((d) => [id, d])),
  )(
    '%s with %s parses, runs no text as code and passes the domain as the -Domain argument',
    async (id, domain) => {
      const text = filledIn(shownCommand(id as (typeof ADMIN_FIXES)[number], domain));
      const tree = await parsePowerShell(text);
      expect(syntaxProblems(tree)).toEqual([]);
      expect(codeFromText(text, tree)).toEqual([]);
      const elements = tree.rootNode.descendantsOfType('command_elements')[0]?.namedChildren ?? [];
      const words = elements.filter((node) => node !== null && node.type !== 'command_argument_sep');
      const domainIndex = words.findIndex((node) => node?.text === '-Domain');
      expect(words[domainIndex + 1]?.type).toBe('generic_token');
      expect(words[domainIndex + 1]?.text).toBe(domain);
    },
  );

  it.each(ADMIN_FIXES.flatMap((id) => HOSTILE_VALUES.map((value) => [id, JSON.stringify(value), value])))(
    '%s leaves a hostile domain (%s) out and shows a placeholder',
    (id, _label, value) => {
      for (const domain of [value, `contoso.com${value}`]) {
        const text = shownCommand(id as (typeof ADMIN_FIXES)[number], domain);
        expect(text).toContain('-Domain <AD domain>');
        expect(text).not.toContain(value);
      }
    },
  );
});
