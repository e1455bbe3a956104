import { PROBE_IDS, type ProbeId } from '@contract/types';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findProbeSpec, PROBE_CATALOG } from '../../../electron/engine/probes/probe-catalog';
import type { ProbeContext } from '../../../electron/engine/probes/probe-context';
import { runCommand } from '../../../electron/host/command-funnel';
import { resolveSystemExecutable } from '../../../electron/host/system-paths';
import { productCommands } from '../../fixtures/probe-commands';
import { makeTempDir, PRINT_ARGV, removeDir, writeStub } from './stub-tools';

const CONTEXT: ProbeContext = {
  domain: 'contoso.com',
  dcName: 'DC01.contoso.com',
  share: '\\\\fs01\\finance',
};

/** PRODUCT.md's table, one argv element per entry. */
const EXPECTED = Object.fromEntries(
  Object.entries(productCommands('contoso.com', 'DC01.contoso.com')).map(([id, [exe, ...args]]) => [
    id,
    [exe, args],
  ]),
) as Partial<Record<ProbeId, [string, string[]]>>;

describe('PROBE_CATALOG', () => {
  it('has one spec per probe id except the one an administrator pastes', () => {
    expect(PROBE_CATALOG.map((spec) => spec.id).sort()).toEqual(
      PROBE_IDS.filter((id) => id !== 'entra-kerberos-server-admin').sort(),
    );
  });

  it('builds exactly the argv of PRODUCT.md', () => {
    for (const [id, [executable, args]] of Object.entries(EXPECTED)) {
      const spec = findProbeSpec(id as ProbeId);
      expect(spec?.executable, id).toBe(executable);
      expect(spec?.args(CONTEXT), id).toEqual(args);
    }
  });

  it('runs PowerShell by its System32 path for the Entra Kerberos query', () => {
    const spec = findProbeSpec('entra-kerberos-object');
    expect(spec?.executable).toBe('WindowsPowerShell\\v1.0\\powershell.exe');
    expect(spec?.args(CONTEXT)?.slice(0, 5)).toEqual([
      '-NoProfile',
      '-NonInteractive',
      '-ExecutionPolicy',
      'Bypass',
      '-EncodedCommand',
    ]);
  });

  it('declares what the dependent probes need, and when the instant context is enough', () => {
    const nltest = findProbeSpec('nltest-dsgetdc');
    // dsregcmd's Device Name first, then klist's realm, as adDomain ranks them.
    expect(nltest?.needs).toEqual(['dsregcmd-status', 'klist-tickets']);
    expect(nltest?.ready?.({ domain: 'corp.contoso.com' })).toBe(true);
    // A NetBIOS name alone waits: klist's realm would be the DNS name.
    expect(nltest?.ready?.({ domain: 'CORP' })).toBe(false);
    expect(nltest?.ready?.({ userDomain: 'eu.contoso.com' })).toBe(false);
    // The query without /keylist waits for the same probes, so both nltest runs start together.
    expect(findProbeSpec('nltest-dsgetdc-kdc')?.needs).toEqual(nltest?.needs);
    expect(findProbeSpec('nltest-dsgetdc-kdc')?.ready).toBe(nltest?.ready);
    // The DC nltest found now, never an instant guess.
    expect(findProbeSpec('time-offset')?.needs).toEqual(['nltest-dsgetdc', 'nltest-dsgetdc-kdc']);
    expect(findProbeSpec('time-offset')?.ready).toBeUndefined();
    const ldap = findProbeSpec('entra-kerberos-object');
    expect(ldap?.needs).toEqual(['klist-tickets', 'whoami-user', 'dsregcmd-status']);
    expect(ldap?.ready?.({ userDomain: 'eu.contoso.com' })).toBe(true);
    // The device's domain alone does not say which domain the user's object is in.
    expect(ldap?.ready?.({ domain: 'corp.contoso.com' })).toBe(false);
  });

  it('makes klist wait for the share test only when there is a share', () => {
    const klist = findProbeSpec('klist-tickets');
    expect(klist?.needs).toBeUndefined();
    expect(klist?.after?.({})).toEqual([]);
    expect(klist?.after?.({ share: '\\\\fs01\\finance' })).toEqual(['share-access']);
  });

  it('cannot run the dependent probes without a valid context', () => {
    const hostile: ProbeContext[] = [
      {},
      { domain: 'contoso.com /dsgetdc:evil.com', dcName: 'dc01 /computer:evil' },
      { domain: "x'; Start-Process calc; '", dcName: 'dc01&calc' },
      { domain: '-foo', dcName: '"quoted"' },
    ];
    for (const context of hostile) {
      for (const id of [
        'nltest-dsgetdc',
        'nltest-dsgetdc-kdc',
        'time-offset',
        'entra-kerberos-object',
      ] as const) {
        expect(findProbeSpec(id)?.args(context), `${id} ${JSON.stringify(context)}`).toBeNull();
      }
    }
    const noDomain = 'no AD domain found (USERDNSDOMAIN, primary DNS suffix, dsregcmd, klist)';
    expect(findProbeSpec('nltest-dsgetdc')?.skipReason).toBe(noDomain);
    expect(findProbeSpec('nltest-dsgetdc-kdc')?.skipReason).toBe(noDomain);
    expect(findProbeSpec('entra-kerberos-object')?.skipReason).toBe(noDomain);
    expect(findProbeSpec('time-offset')?.skipReason).toBe('no domain controller found by nltest');
  });

  it('asks nltest for any KDC in the second query, without the /keylist requirement', () => {
    expect(findProbeSpec('nltest-dsgetdc-kdc')?.args(CONTEXT)).toEqual(['/dsgetdc:contoso.com', '/kdc']);
    expect(findProbeSpec('nltest-dsgetdc-kdc')?.args(CONTEXT)).not.toContain('/keylist');
    expect(findProbeSpec('nltest-dsgetdc-kdc')?.timeoutMs).toBe(findProbeSpec('nltest-dsgetdc')?.timeoutMs);
  });

  it('runs the certificate store and LogonUI probes with fixed argv and no context', () => {
    for (const id of ['certutil-user-store', 'logonui-last-provider'] as const) {
      const spec = findProbeSpec(id);
      expect(spec?.needs, id).toBeUndefined();
      expect(spec?.args({}), id).toEqual(spec?.args(CONTEXT));
    }
    // Only the LogonUI key's own values: with /s its UserTile subkey would list every user's provider.
    expect(findProbeSpec('logonui-last-provider')?.args({})).not.toContain('/s');
  });

  it('gives every probe a timeout', () => {
    for (const spec of PROBE_CATALOG) expect(spec.timeoutMs).toBeGreaterThanOrEqual(5_000);
    const timeouts = Object.fromEntries(PROBE_CATALOG.map((spec) => [spec.id, spec.timeoutMs]));
    expect(timeouts).toMatchObject({
      'dsregcmd-status': 30_000,
      'nltest-dsgetdc': 30_000,
      'nltest-dsgetdc-kdc': 30_000,
      'entra-kerberos-object': 30_000,
      'share-access': 30_000,
      'klist-tickets': 15_000,
      'time-offset': 15_000,
    });
  });
});

describe('every spec through a real process', () => {
  let system32: string;
  beforeAll(async () => {
    system32 = await makeTempDir();
    const executables = new Set(PROBE_CATALOG.map((spec) => spec.executable));
    for (const executable of executables) await writeStub(system32, executable, PRINT_ARGV);
  });
  afterAll(async () => {
    await removeDir(system32);
  });

  it('delivers each argv element intact to the tool', async () => {
    for (const spec of PROBE_CATALOG) {
      const args = spec.args(CONTEXT);
      expect(args, spec.id).not.toBeNull();
      if (args === null) continue;
      const file = resolveSystemExecutable(system32, spec.executable);
      const result = await runCommand({ file, args, timeoutMs: spec.timeoutMs });
      expect(result.error, spec.id).toBeNull();
      expect(result.stdout.split('\n').slice(0, -1), spec.id).toEqual(args);
      expect(result.command[0], spec.id).toBe(spec.executable.split('\\').at(-1));
    }
  });
});
