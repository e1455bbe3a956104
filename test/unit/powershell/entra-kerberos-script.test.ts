// The Entra Kerberos server query: the script powershell.exe receives, read back from argv
// and parsed by the real grammar. The domain comes from command output, so it must reach
// the script as data or not at all.
import { describe, expect, it } from 'vitest';
import {
  buildEntraKerberosScript,
  ENTRA_KERBEROS_SCRIPT_TEMPLATE,
  entraKerberosArgs,
} from '../../../electron/engine/probes/entra-kerberos-query';
import { HOSTILE_VALUES } from './hostile-values';
import {
  checkValueIsData,
  codeFromText,
  parsePowerShell,
  scriptOfArgs,
  syntaxProblems,
} from './powershell-grammar';

const PLACEHOLDER = '__DOMAIN_LITERAL__';

function scriptFor(domain: string): string | null {
  const args = entraKerberosArgs({ domain });
  return args === null ? null : scriptOfArgs(args);
}

// Odd but valid: NetBIOS, one letter, digits only, hyphens inside, a 63-character label,
// punycode, 253 characters in all.
const UNUSUAL_DOMAINS = [
  'CONTOSO',
  'a',
  '123.456',
  'corp-1.contoso-eu.com',
  `${'a'.repeat(63)}.com`,
  'xn--bcher-kva.example',
  Array.from({ length: 4 }, () => 'b'.repeat(62))
    .join('.')
    .slice(0, 253),
];

describe('the Entra Kerberos query script', () => {
  it('parses without errors and runs no text as code', async () => {
    const script = scriptFor('contoso.com');
    expect(script).not.toBeNull();
    const tree = await parsePowerShell(script ?? '');
    expect(syntaxProblems(tree)).toEqual([]);
    expect(codeFromText(script ?? '', tree)).toEqual([]);
  });

  it.each(UNUSUAL_DOMAINS)('takes the valid domain %s as one literal, nowhere else', async (domain) => {
    const script = scriptFor(domain);
    expect(script).not.toBeNull();
    const { problems } = await checkValueIsData({
      template: ENTRA_KERBEROS_SCRIPT_TEMPLATE,
      placeholder: PLACEHOLDER,
      script: script ?? '',
      value: domain,
      variable: '$domain',
      baseline: buildEntraKerberosScript('contoso.com') ?? '',
    });
    expect(problems).toEqual([]);
  });

  const hostileDomains = [
    ...HOSTILE_VALUES,
    ...HOSTILE_VALUES.map((value) => `contoso.com${value}`),
    'contoso.com\u0000',
    '-contoso.com',
    'contoso..com',
    'contoso.com ',
    'a'.repeat(254),
  ];

  it.each(hostileDomains.map((domain) => [JSON.stringify(domain), domain]))(
    'refuses the domain %s: no script, no process',
    (_label, domain) => {
      expect(buildEntraKerberosScript(domain)).toBeNull();
      expect(entraKerberosArgs({ domain })).toBeNull();
      // A bad user domain refuses the run rather than quietly using the device's.
      expect(entraKerberosArgs({ domain: 'contoso.com', userDomain: domain })).toBeNull();
    },
  );
});
