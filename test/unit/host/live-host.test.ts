import { existsSync } from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { type CommandRequest, runCommand } from '../../../electron/engine/host/command-funnel';
import {
  collectEvidence,
  isLiveHostSupported,
  type ProbeProgress,
} from '../../../electron/engine/host/live-host';
import { PROBE_CATALOG } from '../../../electron/engine/probes/probe-catalog';
import type { ProbeResult } from '../../../electron/engine/types';
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

describe('collectEvidence', () => {
  it('runs every probe, feeding the domain and DC to the dependent ones', async () => {
    const system32 = await fakeSystem32();
    const events: ProbeProgress[] = [];
    const { runner, files } = countingRunner();
    const evidence = await collectEvidence({
      system32,
      runner,
      inputs: { share: '\\\\fs01.corp.contoso.com\\finance' },
      onProgress: (event) => events.push(event),
    });

    expect(Object.keys(evidence).sort()).toEqual(PROBE_CATALOG.map((spec) => spec.id).sort());
    for (const [id, result] of Object.entries(evidence)) expect(result?.error, id).toBeNull();
    expect(evidence['nltest-dsgetdc']?.command).toEqual([
      'nltest.exe',
      '/dsgetdc:corp.contoso.com',
      '/kdc',
      '/keylist',
    ]);
    expect(evidence['nltest-dsgetdc-kdc']?.command).toEqual([
      'nltest.exe',
      '/dsgetdc:corp.contoso.com',
      '/kdc',
    ]);
    expect(evidence['certutil-user-store']?.command).toEqual(['certutil.exe', '-user', '-store', 'my']);
    expect(evidence['time-offset']?.command).toEqual([
      'w32tm.exe',
      '/stripchart',
      '/computer:DC01.corp.contoso.com',
      '/samples:1',
      '/dataonly',
    ]);
    expect(evidence['entra-kerberos-object']?.command[0]).toBe('powershell.exe');
    // One reg call for the code page, then one process per probe.
    expect(files).toHaveLength(1 + PROBE_CATALOG.length);
    // The code page, os-version, the three policy keys and the LogonUI key.
    expect(files.filter((file) => file === 'reg.exe')).toHaveLength(6);

    const order = events.map((event) => `${event.probeId}:${event.phase}`);
    const at = (key: string): number => order.indexOf(key);
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
    const evidence = await collectEvidence({
      system32,
      runner,
      probes: ['klist-tickets', 'klist-cloud-debug'],
    });
    expect(evidence['klist-tickets']?.stdout).toBe('Répertoire\n');
    expect(evidence['klist-cloud-debug']?.stdout).toBe('Répertoire\n');
    expect(files).toEqual(['reg.exe', 'klist.exe', 'klist.exe']);
  });

  it('runs independent probes in parallel', async () => {
    const slow = `sleep 0.5\n${PRINT_ARGV}`;
    const system32 = await fakeSystem32({ 'klist.exe': slow, 'whoami.exe': slow });
    const startedAt = performance.now();
    const evidence = await collectEvidence({
      system32,
      codePage: 437,
      probes: ['klist-tickets', 'klist-cloud-debug', 'whoami-user', 'whoami-groups'],
    });
    const elapsed = performance.now() - startedAt;
    // share-access comes along (klist waits for it) and is skipped at once: no share given.
    expect(evidence['share-access']?.error).toBe('skipped: no file share path given');
    const ran = Object.entries(evidence).filter(([id]) => id !== 'share-access');
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
    const evidence = await collectEvidence({
      system32,
      codePage: 437,
      onProgress: (event) => events.push(event),
    });
    const elapsed = performance.now() - startedAt;
    // dsregcmd -> nltest -> w32tm is 3 x 0.4 s; the sum of the slow probes is 9 x 0.4 s.
    expect(elapsed).toBeGreaterThanOrEqual(1_150);
    expect(elapsed).toBeLessThan(2_400);
    expect(evidence['time-offset']?.error).toBeNull();
    // The two nltest queries run side by side: each starts before the other is done.
    const order = events.map((event) => `${event.probeId}:${event.phase}`);
    expect(order.indexOf('nltest-dsgetdc-kdc:start')).toBeLessThan(order.indexOf('nltest-dsgetdc:done'));
    expect(order.indexOf('nltest-dsgetdc:start')).toBeLessThan(order.indexOf('nltest-dsgetdc-kdc:done'));
  });

  it('records the dependent probes as skipped when dsregcmd shows no AD domain', async () => {
    const system32 = await fakeSystem32({
      'dsregcmd.exe': `echo '               Device Name : Win10-Client'`,
    });
    const { runner, files } = countingRunner();
    const evidence = await collectEvidence({ system32, runner, codePage: 437 });
    const skip = (error: string): ProbeResult => ({
      command: [],
      exitCode: null,
      stdout: '',
      stderr: '',
      durationMs: 0,
      error,
    });
    expect(evidence['nltest-dsgetdc']).toEqual(skip('skipped: no AD domain found in dsregcmd output'));
    expect(evidence['nltest-dsgetdc-kdc']).toEqual(skip('skipped: no AD domain found in dsregcmd output'));
    expect(evidence['entra-kerberos-object']).toEqual(skip('skipped: no AD domain found in dsregcmd output'));
    expect(evidence['time-offset']).toEqual(skip('skipped: no domain controller found by nltest'));
    expect(files).not.toContain('nltest.exe');
    expect(files).not.toContain('powershell.exe');
    expect(files.filter((file) => file === 'w32tm.exe')).toHaveLength(1);
  });

  it('skips the time offset when neither nltest query finds a DC', async () => {
    const system32 = await fakeSystem32({
      'nltest.exe': `echo 'Getting DC name failed: Status = 1355 0x54b ERROR_NO_SUCH_DOMAIN'\nexit 1`,
    });
    const evidence = await collectEvidence({ system32, codePage: 437, probes: ['time-offset'] });
    expect(Object.keys(evidence)).toEqual([
      'dsregcmd-status',
      'klist-tickets',
      'nltest-dsgetdc',
      'nltest-dsgetdc-kdc',
      'time-offset',
      'share-access',
    ]);
    expect(evidence['nltest-dsgetdc']).toMatchObject({ exitCode: 1, error: null });
    expect(evidence['time-offset']?.error).toBe('skipped: no domain controller found by nltest');
  });

  it('adds the probes a requested probe needs', async () => {
    const system32 = await fakeSystem32();
    const evidence = await collectEvidence({
      system32,
      codePage: 437,
      probes: ['entra-kerberos-object', 'share-access'],
    });
    expect(Object.keys(evidence)).toEqual([
      'dsregcmd-status',
      'klist-tickets',
      'entra-kerberos-object',
      'share-access',
    ]);
    expect(evidence['share-access']?.error).toMatch(/^skipped/);
  });

  it('reports a missing tool as not-found and goes on', async () => {
    const system32 = await fakeSystem32({ 'wevtutil.exe': null });
    const evidence = await collectEvidence({
      system32,
      codePage: 437,
      probes: ['events-udr', 'whoami-user'],
    });
    expect(evidence['events-udr']).toMatchObject({ error: 'not-found', exitCode: null });
    expect(evidence['events-udr']?.command[0]).toBe('wevtutil.exe');
    expect(evidence['whoami-user']?.error).toBeNull();
  });

  it('never throws, even with a throwing runner or progress listener', async () => {
    const system32 = await fakeSystem32();
    const evidence = await collectEvidence({
      system32,
      probes: ['klist-tickets'],
      runner: () => Promise.reject(new Error('spawn exploded')),
      onProgress: () => {
        throw new Error('listener bug');
      },
    });
    expect(evidence['klist-tickets']).toMatchObject({ error: 'spawn exploded', exitCode: null });
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
    const evidence = await collectEvidence({ system32, codePage: 437, probes: ['klist-tickets'] });
    expect(evidence['klist-tickets']?.stdout).toBe('legit\n');
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
    const evidence = await collectEvidence({
      system32,
      codePage: 437,
      probes: ['klist-tickets', 'klist-cloud-debug'],
    });
    expect(evidence['klist-tickets']?.error).toBe('not-found');
    expect(evidence['klist-cloud-debug']?.error).toBe('not-found');
    expect(existsSync(marker)).toBe(false);
  });
});
