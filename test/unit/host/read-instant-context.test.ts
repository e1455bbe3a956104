import type { ProbeResult } from '@contract/types';
import { describe, expect, it } from 'vitest';
import type { CommandRequest } from '../../../electron/host/command-funnel';
import {
  domainsFromEnvironment,
  parseTcpipDomain,
  readInstantContext,
  TCPIP_PARAMETERS_ARGS,
} from '../../../electron/host/read-instant-context';

const HOSTILE_VALUES = [
  "corp.contoso.com'",
  'corp.contoso.com"',
  'corp.contoso.com /dsgetdc:evil.example',
  ' corp.contoso.com',
  'corp.contoso.com ',
  '$env:USERNAME',
  'corp$',
  "x'; Start-Process calc; '",
  '-corp',
  'corp.contoso.com\r\n/keylist',
  'corp\\contoso',
  'dömäin.de',
  `${'a'.repeat(60)}.`.repeat(5).concat('com'),
  'x'.repeat(100_000),
];

/** reg query output of the Tcpip Parameters key, with the given value lines. */
const tcpip = (...values: string[]): string =>
  [
    '',
    'HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Services\\Tcpip\\Parameters',
    '    NV Hostname    REG_SZ    PC01',
    ...values,
    '    SearchList    REG_SZ    ',
    '',
    'HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Services\\Tcpip\\Parameters\\Adapters',
    '',
  ].join('\r\n');

const answered = (stdout: string, error: ProbeResult['error'] = null): ProbeResult => ({
  command: ['reg.exe'],
  exitCode: error === null ? 0 : 1,
  stdout,
  stderr: '',
  durationMs: 20,
  error,
});

describe('domainsFromEnvironment', () => {
  it("takes the user's DNS domain from USERDNSDOMAIN, lower-cased", () => {
    expect(
      domainsFromEnvironment({ USERDNSDOMAIN: 'EU.CONTOSO.COM', USERDOMAIN: 'EU', COMPUTERNAME: 'PC01' }),
    ).toEqual({ userDnsDomain: 'eu.contoso.com', userDomain: 'eu.contoso.com' });
  });

  it('takes the NetBIOS USERDOMAIN when there is no USERDNSDOMAIN', () => {
    expect(domainsFromEnvironment({ USERDOMAIN: 'contoso', COMPUTERNAME: 'PC01' })).toEqual({
      userDomain: 'CONTOSO',
    });
  });

  it('finds no AD domain for an Entra user, a Microsoft account, a local account or a workgroup', () => {
    for (const USERDOMAIN of [
      'AzureAD',
      'MicrosoftAccount',
      'PC01',
      'WORKGROUP',
      'NT AUTHORITY',
      'BUILTIN',
    ]) {
      expect(domainsFromEnvironment({ USERDOMAIN, COMPUTERNAME: 'PC01' }), USERDOMAIN).toEqual({});
    }
    // The NetBIOS computer name is the first 15 characters of a longer host name.
    expect(
      domainsFromEnvironment({ USERDOMAIN: 'WORKSTATION-012', COMPUTERNAME: 'WORKSTATION-0123' }),
    ).toEqual({});
    expect(domainsFromEnvironment({ USERDNSDOMAIN: 'kerberos.microsoftonline.com' })).toEqual({});
    expect(domainsFromEnvironment({})).toEqual({});
    expect(domainsFromEnvironment({ USERDNSDOMAIN: '', USERDOMAIN: '' })).toEqual({});
  });

  it('refuses a NetBIOS USERDOMAIN longer than 15 characters or with dots', () => {
    expect(domainsFromEnvironment({ USERDOMAIN: 'ABCDEFGHIJKLMNOP' })).toEqual({});
    expect(domainsFromEnvironment({ USERDOMAIN: 'corp.contoso.com' })).toEqual({});
  });

  it.each(HOSTILE_VALUES.map((value) => [JSON.stringify(value.slice(0, 60)), value]))(
    'refuses %s',
    (_label, value) => {
      expect(domainsFromEnvironment({ USERDNSDOMAIN: value, USERDOMAIN: value })).toEqual({});
    },
  );
});

describe('parseTcpipDomain', () => {
  it('reads the primary DNS suffix in effect', () => {
    expect(
      parseTcpipDomain(
        tcpip('    Domain    REG_SZ    Corp.Contoso.com', '    NV Domain    REG_SZ    other.example'),
      ),
    ).toBe('corp.contoso.com');
  });

  it('takes NV Domain when Domain is empty', () => {
    expect(
      parseTcpipDomain(tcpip('    Domain    REG_SZ    ', '    NV Domain    REG_SZ    corp.contoso.com')),
    ).toBe('corp.contoso.com');
  });

  it('finds none on a device without a suffix, or in other output', () => {
    expect(
      parseTcpipDomain(tcpip('    Domain    REG_SZ    ', '    NV Domain    REG_SZ    ')),
    ).toBeUndefined();
    expect(parseTcpipDomain('')).toBeUndefined();
    expect(
      parseTcpipDomain('ERROR: The system was unable to find the specified registry key or value.'),
    ).toBeUndefined();
    // A Domain value under another key is not the computer's suffix.
    expect(
      parseTcpipDomain(
        'HKEY_LOCAL_MACHINE\\SOFTWARE\\Example\r\n    Domain    REG_SZ    corp.contoso.com\r\n',
      ),
    ).toBeUndefined();
  });

  // One line each; spaces around the data are reg's own column padding, so they are not tested here.
  it.each(
    HOSTILE_VALUES.filter((value) => !/[\r\n]/.test(value) && value.trim() === value).map((value) => [
      JSON.stringify(value.slice(0, 60)),
      value,
    ]),
  )('refuses %s', (_label, value) => {
    expect(parseTcpipDomain(tcpip(`    Domain    REG_SZ    ${value}`))).toBeUndefined();
  });
});

describe('readInstantContext', () => {
  const recording = (answer: (request: CommandRequest) => Promise<ProbeResult>) => {
    const requests: CommandRequest[] = [];
    return {
      requests,
      runner: (request: CommandRequest) => {
        requests.push(request);
        return answer(request);
      },
    };
  };

  it("queries the Tcpip key by reg.exe's System32 path, with a timeout", async () => {
    const { requests, runner } = recording(async () =>
      answered(tcpip('    Domain    REG_SZ    corp.contoso.com')),
    );
    const context = await readInstantContext({ system32: '/device/System32', runner, environment: {} });
    expect(context).toEqual({ domain: 'corp.contoso.com' });
    expect(requests).toHaveLength(1);
    expect(requests[0]?.file).toMatch(/System32[\\/]reg\.exe$/);
    expect(requests[0]?.args).toEqual([...TCPIP_PARAMETERS_ARGS]);
    expect(requests[0]?.timeoutMs).toBeLessThanOrEqual(5_000);
  });

  it("keeps the computer's suffix as the device's domain and USERDNSDOMAIN as the user's", async () => {
    const { runner } = recording(async () => answered(tcpip('    Domain    REG_SZ    corp.contoso.com')));
    const environment = { USERDNSDOMAIN: 'EU.CONTOSO.COM', USERDOMAIN: 'EU', COMPUTERNAME: 'PC01' };
    expect(await readInstantContext({ system32: '/s', runner, environment })).toEqual({
      domain: 'corp.contoso.com',
      userDomain: 'eu.contoso.com',
    });
  });

  it("takes USERDNSDOMAIN as the device's domain too when the computer has no suffix (Entra joined)", async () => {
    const { runner } = recording(async () => answered(tcpip('    Domain    REG_SZ    ')));
    const environment = { USERDNSDOMAIN: 'CORP.CONTOSO.COM', USERDOMAIN: 'CORP', COMPUTERNAME: 'PC01' };
    expect(await readInstantContext({ system32: '/s', runner, environment })).toEqual({
      domain: 'corp.contoso.com',
      userDomain: 'corp.contoso.com',
    });
  });

  it("never takes a NetBIOS USERDOMAIN as the device's domain", async () => {
    const { runner } = recording(async () => answered(''));
    const environment = { USERDOMAIN: 'CORP', COMPUTERNAME: 'PC01' };
    expect(await readInstantContext({ system32: '/s', runner, environment })).toEqual({ userDomain: 'CORP' });
  });

  it('uses the environment alone when reg fails, times out or cannot start', async () => {
    const environment = { USERDNSDOMAIN: 'CORP.CONTOSO.COM' };
    const expected = { domain: 'corp.contoso.com', userDomain: 'corp.contoso.com' };
    const timedOut = recording(async () =>
      answered(tcpip('    Domain    REG_SZ    evil.example'), 'timeout'),
    );
    expect(await readInstantContext({ system32: '/s', runner: timedOut.runner, environment })).toEqual(
      expected,
    );
    const denied = recording(async () => answered('', 'access-denied'));
    expect(await readInstantContext({ system32: '/s', runner: denied.runner, environment })).toEqual(
      expected,
    );
    const crashed = recording(() => Promise.reject(new Error('spawn failed')));
    expect(await readInstantContext({ system32: '/s', runner: crashed.runner, environment })).toEqual(
      expected,
    );
    expect(await readInstantContext({ system32: '/s', runner: crashed.runner, environment: {} })).toEqual({});
  });
});
