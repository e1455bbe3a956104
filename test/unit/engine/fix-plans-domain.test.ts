import { describe, expect, it } from 'vitest';
import { planFix } from '../../../electron/engine/fixes/fix-plans';

const shown = (domain: string | undefined) => {
  const [step] = planFix('rotate-entra-kerberos-key', domain === undefined ? {} : { domain });
  return step?.kind === 'show-command' ? step.text : '';
};

describe('admin commands shown for the Kerberos server object', () => {
  it('name the domain when it is a plain DNS name', () => {
    expect(shown('corp.contoso.com')).toBe(
      'Set-AzureADKerberosServer -Domain corp.contoso.com -UserPrincipalName <admin UPN> -RotateServerKey',
    );
  });

  it.each(['-RotateServerKey', 'corp.-x.com', 'a..b', 'x y', `${'a'.repeat(64)}.com`, ''])(
    'show a placeholder instead of %j, which a capture could carry to change the command',
    (domain) => {
      expect(shown(domain)).toContain('-Domain <AD domain> ');
    },
  );
});
