import { existsSync } from 'node:fs';
import path from 'node:path';
import type { ProbeOutputs, ProbeResult } from '@contract/types';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { PROBE_CATALOG } from '../../../electron/engine/probes/probe-catalog';
import {
  collectProbeOutputs,
  isLiveHostSupported,
  type ProbeProgress,
} from '../../../electron/host/collect-probe-outputs';
import { type CommandRequest, runCommand } from '../../../electron/host/command-funnel';
import { liveHostAt } from '../../../electron/host/live-host';
import { makeTempDir, PRINT_ARGV, removeDir, writeStub } from './stub-tools';

const dirs: string[] = [];
async function tempDir(): Promise<string> {
  const dir = await makeTempDir();
  dirs.push(dir);
  return dir;
}

afterAll(async () => {
  await Promise.all(dirs.map(removeDir));
});

const DSREGCMD_HYBRID = `printf '%s\\n' '+---+' '| Device State |' '             AzureAdJoined : YES' \\
  '                DomainName : CONTOSO' '               Device Name : pc01.corp.contoso.com'`;
const NLTEST_OK = `${PRINT_ARGV}\nprintf '           DC: \\\\\\\\DC01.corp.contoso.com\\n      Address: \\\\\\\\10.0.0.4\\n'`;
const REG_WITH_OEMCP = `case "$*" in *OEMCP*) printf '    OEMCP    REG_SZ    850\\r\\n';; *) ${PRINT_ARGV};; esac`;
/** reg.exe answering the code page and the Tcpip Parameters key, whose Domain value is given. */
const regWithSuffix = (domain: string): string =>
  `case "$*" in *OEMCP*) printf '    OEMCP    REG_SZ    850\\r\\n';; ` +
  `*Tcpip*) printf '%s\\r\\n' 'HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Services\\Tcpip\\Parameters' ` +
  `'    Hostname    REG_SZ    PC01' '    Domain    REG_SZ    ${domain}';; *) ${PRINT_ARGV};; esac`;

/** A fake System32 with every tool of the catalog; overrides replace single tools. */
async function fakeSystem32(overrides: Record<string, string | null> = {}): Promise<string> {
  const dir = await tempDir();
  const bodies: Record<string, string | null> = {
    'reg.exe': REG_WITH_OEMCP,
    'dsregcmd.exe': DSREGCMD_HYBRID,
    'nltest.exe': NLTEST_OK,
    ...overrides,
  };
  for (const spec of PROBE_CATALOG) {
    const body = spec.executable in bodies ? bodies[spec.executable] : PRINT_ARGV;
    if (body !== null && body !== undefined) await writeStub(dir, spec.executable, body);
  }
  return dir;
}

/** Position of "probe:phase" in the progress events. */
function orderOf(events: readonly ProbeProgress[]): (key: string) => number {
  const order = events.map((event) => `${event.probeId}:${event.phase}`);
  return (key) => {
    const index = order.indexOf(key);
    expect(index, key).toBeGreaterThanOrEqual(0);
    return index;
  };
}

/** The domain the Entra Kerberos query searched, from its encoded script. */
function ldapDomainOf(result: ProbeResult | undefined): string | undefined {
  const script = Buffer.from(result?.command.at(-1) ?? '', 'base64').toString('utf16le');
  return /^\$domain = '([^']*)'$/m.exec(script)?.[1];
}

function countingRunner(): { runner: (request: CommandRequest) => Promise<ProbeResult>; files: string[] } {
  const files: string[] = [];
  return {
    files,
    runner: (request) => {
      files.push(path.basename(request.file));
      return runCommand(request);
    },
  };
}

describe('isLiveHostSupported', () => {
  it('is true only on Windows', () => {
    expect(isLiveHostSupported('win32')).toBe(true);
    expect(isLiveHostSupported('linux')).toBe(false);
    expect(isLiveHostSupported('darwin')).toBe(false);
  });
});

describe('collectProbeOutputs', () => {
  it('runs every probe, feeding the domain and DC to the dependent ones', async () => {
    const system32 = await fakeSystem32();
    const events: ProbeProgress[] = [];
    const { runner, files } = countingRunner();
    const outputs = await collectProbeOutputs({
      system32,
      runner,
      inputs: { share: '\\\\fs01.corp.contoso.com\\finance' },
      onProgress: (event) => events.push(event),
    });

    expect(Object.keys(outputs).sort()).toEqual(PROBE_CATALOG.map((spec) => spec.id).sort());
    for (const [id, result] of Object.entries(outputs)) expect(result?.error, id).toBeNull();
    expect(outputs['nltest-dsgetdc']?.command).toEqual([
      'nltest.exe',
      '/dsgetdc:corp.contoso.com',
      '/kdc',
      '/keylist',
    ]);
    expect(outputs['nltest-dsgetdc-kdc']?.command).toEqual([
      'nltest.exe',
      '/dsgetdc:corp.contoso.com',
      '/kdc',
    ]);
    expect(outputs['certutil-user-store']?.command).toEqual([
      'certutil.exe',
      '-user',
      '-silent',
      '-store',
      'my',
    ]);
    expect(outputs['time-offset']?.command).toEqual([
      'w32tm.exe',
      '/stripchart',
      '/computer:DC01.corp.contoso.com',
      '/samples:1',
      '/dataonly',
    ]);
    expect(outputs['entra-kerberos-object']?.command[0]).toBe('powershell.exe');
    // Two reg calls (the code page, the computer's DNS suffix), then one process per probe.
    expect(files).toHaveLength(2 + PROBE_CATALOG.length);
    // Those two, os-version, the three policy keys and the LogonUI key.
    expect(files.filter((file) => file === 'reg.exe')).toHaveLength(7);

    // Neither the environment nor the registry named the domain: dsregcmd did.
    const at = orderOf(events);
    expect(at('nltest-dsgetdc:start')).toBeGreaterThan(at('dsregcmd-status:done'));
    expect(at('nltest-dsgetdc-kdc:start')).toBeGreaterThan(at('dsregcmd-status:done'));
    expect(at('entra-kerberos-object:start')).toBeGreaterThan(at('dsregcmd-status:done'));
    expect(at('time-offset:start')).toBeGreaterThan(at('nltest-dsgetdc:done'));
    // klist lists the tickets after the share test, so the cifs ticket it caused is there.
    expect(at('klist-tickets:start')).toBeGreaterThan(at('share-access:done'));
    expect(events.filter((event) => event.phase === 'done' && event.result)).toHaveLength(
      PROBE_CATALOG.length,
    );
  });

  it('decodes every probe with the OEM code page it read once', async () => {
    const system32 = await fakeSystem32({ 'klist.exe': `printf 'R\\202pertoire\\n'` });
    const { runner, files } = countingRunner();
    const outputs = await collectProbeOutputs({
      system32,
      runner,
      probes: ['klist-tickets', 'klist-cloud-debug'],
    });
    expect(outputs['klist-tickets']?.stdout).toBe('Répertoire\n');
    expect(outputs['klist-cloud-debug']?.stdout).toBe('Répertoire\n');
    expect(files).toEqual(['reg.exe', 'klist.exe', 'klist.exe']);
  });

  it('runs independent probes in parallel', async () => {
    const slow = `sleep 0.5\n${PRINT_ARGV}`;
    const system32 = await fakeSystem32({ 'klist.exe': slow, 'whoami.exe': slow });
    const startedAt = performance.now();
    const outputs = await collectProbeOutputs({
      system32,
      codePage: 437,
      probes: ['klist-tickets', 'klist-cloud-debug', 'whoami-user', 'whoami-groups'],
    });
    const elapsed = performance.now() - startedAt;
    const ran = Object.entries(outputs);
    expect(ran).toHaveLength(4);
    for (const [, result] of ran) expect(result?.durationMs).toBeGreaterThanOrEqual(450);
    expect(elapsed).toBeLessThan(1_500);
  });

  it('takes about the slowest chain, not the sum', async () => {
    const slow = (body: string): string => `sleep 0.4\n${body}`;
    const system32 = await fakeSystem32({
      'dsregcmd.exe': slow(DSREGCMD_HYBRID),
      'nltest.exe': slow(NLTEST_OK),
      'w32tm.exe': slow(PRINT_ARGV),
      'klist.exe': slow(PRINT_ARGV),
      'WindowsPowerShell\\v1.0\\powershell.exe': slow(PRINT_ARGV),
    });
    const events: ProbeProgress[] = [];
    const startedAt = performance.now();
    const outputs = await collectProbeOutputs({
      system32,
      codePage: 437,
      onProgress: (event) => events.push(event),
    });
    const elapsed = performance.now() - startedAt;
    // Without an instant source of the domain, dsregcmd -> nltest -> w32tm is 3 x 0.4 s; the
    // sum of the slow probes is 9 x 0.4 s.
    expect(elapsed).toBeGreaterThanOrEqual(1_150);
    expect(elapsed).toBeLessThan(2_400);
    expect(outputs['time-offset']?.error).toBeNull();
    // The two nltest queries run side by side: each starts before the other is done.
    const order = events.map((event) => `${event.probeId}:${event.phase}`);
    expect(order.indexOf('nltest-dsgetdc-kdc:start')).toBeLessThan(order.indexOf('nltest-dsgetdc:done'));
    expect(order.indexOf('nltest-dsgetdc:start')).toBeLessThan(order.indexOf('nltest-dsgetdc-kdc:done'));
  });

  it('records the dependent probes as skipped when no source names an AD domain', async () => {
    const system32 = await fakeSystem32({
      'dsregcmd.exe': `echo '               Device Name : Win10-Client'`,
    });
    const { runner, files } = countingRunner();
    const outputs = await collectProbeOutputs({ system32, runner, codePage: 437 });
    const skip = (error: string): ProbeResult => ({
      command: [],
      exitCode: null,
      stdout: '',
      stderr: '',
      durationMs: 0,
      error,
    });
    const noDomain = skip('skipped: no AD domain found (USERDNSDOMAIN, primary DNS suffix, dsregcmd, klist)');
    expect(outputs['nltest-dsgetdc']).toEqual(noDomain);
    expect(outputs['nltest-dsgetdc-kdc']).toEqual(noDomain);
    expect(outputs['entra-kerberos-object']).toEqual(noDomain);
    expect(outputs['time-offset']).toEqual(skip('skipped: no domain controller found by nltest'));
    expect(files).not.toContain('nltest.exe');
    expect(files).not.toContain('powershell.exe');
    expect(files.filter((file) => file === 'w32tm.exe')).toHaveLength(1);
  });

  it('skips the time offset when neither nltest query finds a DC', async () => {
    const system32 = await fakeSystem32({
      'nltest.exe': `echo 'Getting DC name failed: Status = 1355 0x54b ERROR_NO_SUCH_DOMAIN'\nexit 1`,
    });
    const outputs = await collectProbeOutputs({ system32, codePage: 437, probes: ['time-offset'] });
    expect(Object.keys(outputs)).toEqual([
      'dsregcmd-status',
      'klist-tickets',
      'nltest-dsgetdc',
      'nltest-dsgetdc-kdc',
      'time-offset',
    ]);
    expect(outputs['nltest-dsgetdc']).toMatchObject({ exitCode: 1, error: null });
    expect(outputs['time-offset']?.error).toBe('skipped: no domain controller found by nltest');
  });

  it('adds the probes a requested probe needs', async () => {
    const system32 = await fakeSystem32();
    const outputs = await collectProbeOutputs({
      system32,
      codePage: 437,
      probes: ['entra-kerberos-object', 'share-access'],
    });
    expect(Object.keys(outputs)).toEqual([
      'dsregcmd-status',
      'klist-tickets',
      'whoami-user',
      'entra-kerberos-object',
      'share-access',
    ]);
    expect(outputs['share-access']?.error).toMatch(/^skipped/);
  });

  it('reports a missing tool as not-found and goes on', async () => {
    const system32 = await fakeSystem32({ 'wevtutil.exe': null });
    const outputs = await collectProbeOutputs({
      system32,
      codePage: 437,
      probes: ['events-udr', 'whoami-user'],
    });
    expect(outputs['events-udr']).toMatchObject({ error: 'not-found', exitCode: null });
    expect(outputs['events-udr']?.command[0]).toBe('wevtutil.exe');
    expect(outputs['whoami-user']?.error).toBeNull();
  });

  it('never throws, even with a throwing runner or progress listener', async () => {
    const system32 = await fakeSystem32();
    const outputs = await collectProbeOutputs({
      system32,
      probes: ['klist-tickets'],
      runner: () => Promise.reject(new Error('spawn exploded')),
      onProgress: () => {
        throw new Error('listener bug');
      },
    });
    expect(outputs['klist-tickets']).toMatchObject({ error: 'spawn exploded', exitCode: null });
  });
});

describe('the AD domain from an instant source', () => {
  const SIGNED_IN = { USERDNSDOMAIN: 'CORP.CONTOSO.COM', USERDOMAIN: 'CORP', COMPUTERNAME: 'PC01' };
  const slow = (seconds: number, body: string): string => `sleep ${seconds}\n${body}`;
  const KLIST_ENTRA_JOINED = `exec cat '${path.join(import.meta.dirname, '../../fixtures/samples/klist-02.txt')}'`;

  async function run(
    overrides: Record<string, string | null>,
    options: Partial<Parameters<typeof collectProbeOutputs>[0]> = {},
  ): Promise<{ outputs: ProbeOutputs; at: (key: string) => number; commands: string[][] }> {
    const system32 = await fakeSystem32(overrides);
    const events: ProbeProgress[] = [];
    const commands: string[][] = [];
    const outputs = await collectProbeOutputs({
      system32,
      codePage: 437,
      runner: (request) => {
        commands.push([path.basename(request.file), ...request.args]);
        return runCommand(request);
      },
      onProgress: (event) => events.push(event),
      ...options,
    });
    return { outputs, at: orderOf(events), commands };
  }

  it('starts both nltest queries and the Entra Kerberos query without waiting for dsregcmd', async () => {
    const { outputs, at } = await run(
      { 'dsregcmd.exe': slow(1, DSREGCMD_HYBRID) },
      { environment: SIGNED_IN },
    );
    for (const probe of ['nltest-dsgetdc', 'nltest-dsgetdc-kdc', 'entra-kerberos-object']) {
      expect(at(`${probe}:start`), probe).toBeLessThan(at('dsregcmd-status:done'));
    }
    // The time offset still measures against the DC nltest found, and is done before dsregcmd.
    expect(at('time-offset:start')).toBeGreaterThan(at('nltest-dsgetdc:done'));
    expect(at('time-offset:done')).toBeLessThan(at('dsregcmd-status:done'));
    expect(outputs['nltest-dsgetdc']?.command).toEqual([
      'nltest.exe',
      '/dsgetdc:corp.contoso.com',
      '/kdc',
      '/keylist',
    ]);
    expect(ldapDomainOf(outputs['entra-kerberos-object'])).toBe('corp.contoso.com');
    expect(outputs['time-offset']?.command).toContain('/computer:DC01.corp.contoso.com');
  });

  it("queries the device's domain from the registry and the user's domain from the environment", async () => {
    const { outputs, at, commands } = await run(
      { 'reg.exe': regWithSuffix('corp.contoso.com'), 'dsregcmd.exe': slow(1, DSREGCMD_HYBRID) },
      { environment: { USERDNSDOMAIN: 'EU.CONTOSO.COM', USERDOMAIN: 'EU', COMPUTERNAME: 'PC01' } },
    );
    expect(commands).toContainEqual([
      'reg.exe',
      'query',
      'HKLM\\SYSTEM\\CurrentControlSet\\Services\\Tcpip\\Parameters',
    ]);
    // nltest and the time offset use the device's domain; the Kerberos object is the user's.
    expect(outputs['nltest-dsgetdc-kdc']?.command).toEqual([
      'nltest.exe',
      '/dsgetdc:corp.contoso.com',
      '/kdc',
    ]);
    expect(ldapDomainOf(outputs['entra-kerberos-object'])).toBe('eu.contoso.com');
    expect(at('nltest-dsgetdc:start')).toBeLessThan(at('dsregcmd-status:done'));
    expect(at('entra-kerberos-object:start')).toBeLessThan(at('dsregcmd-status:done'));
  });

  it("starts nltest from the registry's suffix alone, and the Entra Kerberos query after the probes that name the user's domain", async () => {
    const { outputs, at } = await run({
      'reg.exe': regWithSuffix('corp.contoso.com'),
      'dsregcmd.exe': slow(1, DSREGCMD_HYBRID),
    });
    expect(at('nltest-dsgetdc:start')).toBeLessThan(at('dsregcmd-status:done'));
    // A local account, say: nothing instant names the user's domain, so the query waits.
    expect(at('entra-kerberos-object:start')).toBeGreaterThan(at('dsregcmd-status:done'));
    expect(at('entra-kerberos-object:start')).toBeGreaterThan(at('klist-tickets:done'));
    expect(at('entra-kerberos-object:start')).toBeGreaterThan(at('whoami-user:done'));
    expect(ldapDomainOf(outputs['entra-kerberos-object'])).toBe('corp.contoso.com');
  });

  it('falls back to dsregcmd when the instant sources are empty, without waiting for klist', async () => {
    // klist waits for a slow share test; dsregcmd's Device Name already names the domain.
    const { outputs, at } = await run(
      { 'WindowsPowerShell\\v1.0\\powershell.exe': slow(1, PRINT_ARGV) },
      { inputs: { share: '\\\\fs01.corp.contoso.com\\finance' } },
    );
    expect(at('nltest-dsgetdc:start')).toBeGreaterThan(at('dsregcmd-status:done'));
    expect(at('nltest-dsgetdc:start')).toBeLessThan(at('klist-tickets:start'));
    expect(at('klist-tickets:start')).toBeGreaterThan(at('share-access:done'));
    expect(outputs['nltest-dsgetdc']?.command[1]).toBe('/dsgetdc:corp.contoso.com');
  });

  it("falls back to klist's realm on an Entra joined device whose dsregcmd names no domain", async () => {
    const { outputs, at } = await run({
      'dsregcmd.exe': `echo '               Device Name : PC01'`,
      'klist.exe': slow(0.5, KLIST_ENTRA_JOINED),
    });
    expect(at('nltest-dsgetdc:start')).toBeGreaterThan(at('klist-tickets:done'));
    expect(outputs['nltest-dsgetdc']?.command[1]).toBe('/dsgetdc:za.tryhackme.com');
    expect(ldapDomainOf(outputs['entra-kerberos-object'])).toBe('za.tryhackme.com');
  });

  it('on an Entra joined device takes the domain from USERDNSDOMAIN, not from klist', async () => {
    const { outputs, at } = await run(
      {
        'dsregcmd.exe': `echo '               Device Name : PC01'`,
        'klist.exe': slow(1, KLIST_ENTRA_JOINED),
      },
      { environment: { USERDNSDOMAIN: 'ZA.TRYHACKME.COM', USERDOMAIN: 'ZA', COMPUTERNAME: 'PC01' } },
    );
    expect(at('nltest-dsgetdc:start')).toBeLessThan(at('klist-tickets:done'));
    expect(outputs['nltest-dsgetdc']?.command[1]).toBe('/dsgetdc:za.tryhackme.com');
  });

  it.each([
    ['a quote', "corp.contoso.com'"],
    ['a double quote', 'corp.contoso.com"'],
    ['a space and a second argument', 'corp.contoso.com /dsgetdc:evil.example'],
    ['a dollar sign', '$env:USERNAME'],
    ['PowerShell syntax', "x'; Start-Process calc; '"],
    ['a leading dash', '-corp.contoso.com'],
    ['a trailing space', 'corp.contoso.com '],
    ['a very long name', `${'a'.repeat(60)}.`.repeat(5).concat('com')],
    ['a control character', 'corp.contoso.com\n/keylist'],
    ['the Entra realm', 'KERBEROS.MICROSOFTONLINE.COM'],
  ])('refuses an environment value with %s and falls back to dsregcmd', async (_label, value) => {
    const { outputs, at, commands } = await run(
      {},
      { environment: { USERDNSDOMAIN: value, USERDOMAIN: value, COMPUTERNAME: 'PC01' } },
    );
    expect(at('nltest-dsgetdc:start')).toBeGreaterThan(at('dsregcmd-status:done'));
    expect(outputs['nltest-dsgetdc']?.command[1]).toBe('/dsgetdc:corp.contoso.com');
    expect(ldapDomainOf(outputs['entra-kerberos-object'])).toBe('corp.contoso.com');
    // No process received the value, whole or as part of an argument.
    for (const argv of commands) expect(argv.filter((arg) => arg.includes(value))).toEqual([]);
  });

  it('refuses a registry suffix that is not a host name and falls back to dsregcmd', async () => {
    const { outputs, at } = await run({ 'reg.exe': regWithSuffix('corp.contoso.com & calc.exe') });
    expect(at('nltest-dsgetdc:start')).toBeGreaterThan(at('dsregcmd-status:done'));
    expect(outputs['nltest-dsgetdc']?.command[1]).toBe('/dsgetdc:corp.contoso.com');
  });

  it('reads the registry only when a probe can use the domain', async () => {
    const { commands } = await run({}, { probes: ['whoami-user', 'time-status'] });
    expect(commands.filter(([file]) => file === 'reg.exe')).toEqual([]);
  });
});

describe('liveHostAt', () => {
  it("gives the probes the host's own environment, and none unless given", async () => {
    const system32 = await fakeSystem32();
    const environment = { USERDNSDOMAIN: 'EU.CONTOSO.COM', USERDOMAIN: 'EU', COMPUTERNAME: 'PC01' };
    const withEnvironment = await liveHostAt(system32, runCommand, environment).collect(
      ['nltest-dsgetdc'],
      {},
    );
    // No DNS suffix in this registry: the user's domain is the best instant answer.
    expect(withEnvironment['nltest-dsgetdc']?.command[1]).toBe('/dsgetdc:eu.contoso.com');
    const without = await liveHostAt(system32, runCommand).collect(['nltest-dsgetdc'], {});
    expect(without['nltest-dsgetdc']?.command[1]).toBe('/dsgetdc:corp.contoso.com');
  });
});

describe('klist and the share test', () => {
  it('runs klist alone when no share is given', async () => {
    const system32 = await fakeSystem32();
    const outputs = await collectProbeOutputs({ system32, codePage: 437, probes: ['klist-tickets'] });
    expect(Object.keys(outputs)).toEqual(['klist-tickets']);
  });

  it('runs the share test first when a share is given, so klist lists its ticket', async () => {
    const system32 = await fakeSystem32({
      'WindowsPowerShell\\v1.0\\powershell.exe': `sleep 0.3\n${PRINT_ARGV}`,
    });
    const events: ProbeProgress[] = [];
    const outputs = await collectProbeOutputs({
      system32,
      codePage: 437,
      probes: ['klist-tickets'],
      inputs: { share: '\\\\fs01\\finance' },
      onProgress: (event) => events.push(event),
    });
    expect(Object.keys(outputs)).toEqual(['klist-tickets', 'share-access']);
    const at = orderOf(events);
    expect(at('klist-tickets:start')).toBeGreaterThan(at('share-access:done'));
  });

  it('does not wait for a share test that cannot run (an invalid path)', async () => {
    const system32 = await fakeSystem32();
    const outputs = await collectProbeOutputs({
      system32,
      codePage: 437,
      probes: ['klist-tickets'],
      inputs: { share: 'C:\\not-a-share' },
    });
    expect(Object.keys(outputs)).toEqual(['klist-tickets']);
  });
});

describe('a planted tool in the working folder or on PATH', () => {
  const originalPath = process.env.PATH;
  afterEach(() => {
    process.env.PATH = originalPath;
  });

  async function plantedDir(): Promise<{ dir: string; marker: string }> {
    const dir = await tempDir();
    const marker = path.join(dir, 'planted-ran');
    await writeStub(dir, 'klist.exe', `touch '${marker}'\necho planted`);
    return { dir, marker };
  }

  it('is never run when System32 has the tool', async () => {
    const { dir, marker } = await plantedDir();
    const system32 = await fakeSystem32({ 'klist.exe': 'echo legit' });
    process.env.PATH = `${dir}${path.delimiter}${originalPath}`;
    const result = await runCommand({ file: path.join(system32, 'klist.exe'), args: [], cwd: dir });
    expect(result.stdout).toBe('legit\n');
    const outputs = await collectProbeOutputs({ system32, codePage: 437, probes: ['klist-tickets'] });
    expect(outputs['klist-tickets']?.stdout).toBe('legit\n');
    expect(existsSync(marker)).toBe(false);
  });

  it('is never run when System32 lacks the tool', async () => {
    const { dir, marker } = await plantedDir();
    const system32 = await fakeSystem32({ 'klist.exe': null });
    process.env.PATH = `${dir}${path.delimiter}${originalPath}`;
    const result = await runCommand({ file: path.join(system32, 'klist.exe'), args: [], cwd: dir });
    expect(result.error).toBe('not-found');
    const relative = await runCommand({ file: 'klist.exe', args: [], cwd: dir });
    expect(relative.error).toMatch(/^refused/);
    const outputs = await collectProbeOutputs({
      system32,
      codePage: 437,
      probes: ['klist-tickets', 'klist-cloud-debug'],
    });
    expect(outputs['klist-tickets']?.error).toBe('not-found');
    expect(outputs['klist-cloud-debug']?.error).toBe('not-found');
    expect(existsSync(marker)).toBe(false);
  });
});
