import { describe, expect, it } from 'vitest';
import {
  buildEntraKerberosScript,
  entraKerberosArgs,
} from '../../../electron/engine/probes/entra-kerberos-query';
import { powershellScript } from '../../../renderer/src/lib/powershell-script';

describe('the script behind a PowerShell probe', () => {
  it('is the script the app built, readable and copyable', () => {
    const argv = entraKerberosArgs({ domain: 'corp.contoso.com' });
    if (!argv) throw new Error('the query builds for a valid domain');
    expect(powershellScript(['powershell.exe', ...argv])).toBe(buildEntraKerberosScript('corp.contoso.com'));
  });

  it.each([
    [['powershell.exe', '-EncodedCommand', '<query for AzureADKerberos and krbtgt_AzureAD>']],
    [['powershell.exe', '-NoProfile']],
    [['powershell.exe', '-EncodedCommand', 'abc']],
    [['powershell.exe', '-EncodedCommand']],
    // Valid base64, but an odd number of bytes is no UTF-16 text.
    [['powershell.exe', '-EncodedCommand', btoa('abc')]],
  ])('is not shown for %j (a placeholder or no encoded command)', (argv) => {
    expect(powershellScript(argv)).toBeUndefined();
  });
});
