import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { FIX_IDS, type FixId, type ProbeResult } from '@contract/types';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildFactSet } from '../../../electron/engine/facts/fact-set';
import { FIX_CATALOG } from '../../../electron/engine/fixes/fix-catalog';
import { planFix } from '../../../electron/engine/fixes/fix-plans';
import { parseCertutilDeleteHello } from '../../../electron/engine/parsers/parse-certutil-delete-hello';
import { runCommand } from '../../../electron/host/command-funnel';
import { runGuardedFix } from '../../../electron/host/fixes/run-guarded-fix';
import { makeTempDir, removeDir, writeStub } from './stub-tools';

const samplePath = (name: string) => path.join(import.meta.dirname, '../../fixtures/samples', name);
const TOOLS = ['certutil.exe', 'dsregcmd.exe', 'klist.exe', 'rundll32.exe', 'gpupdate.exe', 'eventvwr.exe'];

let system32: string;
let log: string;

beforeAll(async () => {
  system32 = await makeTempDir('whfb-fix-');
  log = path.join(system32, 'calls.log');
  // Each stub appends "<tool> <argv as JSON>" to the log: what really reached the process.
  for (const tool of TOOLS) {
    await writeStub(
      system32,
      tool,
      `printf '%s' '${tool}' >> '${log}'; for a in "$@"; do printf ' [%s]' "$a" >> '${log}'; done; echo >> '${log}'; echo ok`,
    );
  }
  await writeStub(system32, 'failing\\dsregcmd.exe', 'echo "Access is denied." >&2; exit 5');
});
afterAll(async () => {
  await removeDir(system32);
});

async function calls(): Promise<string[]> {
  try {
    const text = await readFile(log, 'utf8');
    await import('node:fs/promises').then((fs) => fs.writeFile(log, ''));
    return text.split('\n').filter(Boolean);
  } catch {
    return [];
  }
}

const probe = (stdout: string): ProbeResult => ({
  command: ['whoami.exe'],
  exitCode: 0,
  stdout,
  stderr: '',
  durationMs: 1,
  error: null,
});
const USER = '"User Name","SID"\n"contoso\\alice","S-1-5-21-1004336348-1177238915-682003330-1107"\n';
const SYSTEM = '"User Name","SID"\n"nt authority\\system","S-1-5-18"\n';
const GROUPS = (label: string) =>
  `"Group Name","Type","SID","Attributes"\n"Everyone","Well-known group","S-1-1-0","Mandatory group, Enabled by default, Enabled group"\n"Mandatory Label\\\\Level","Label","${label}",""\n`;
const who = (user: string, label = 'S-1-16-8192') =>
  buildFactSet({ 'whoami-user': probe(user), 'whoami-groups': probe(GROUPS(label)) });

const asAlice = { acknowledged: true, userName: 'CONTOSO\\Alice' };
const options = (openSettings: (uri: string) => Promise<void> = async () => {}) => ({
  system32,
  runner: runCommand,
  openSettings,
  context: { domain: 'corp.contoso.com', gpoConfigured: true },
});

const EXPECTED_ARGV: Partial<Record<FixId, string[]>> = {
  'delete-hello-container': ['certutil.exe [-deletehellocontainer]'],
  'refresh-prt': ['dsregcmd.exe [/refreshprt]'],
  'purge-tickets': ['klist.exe [purge]'],
  'lock-and-sign-in-with-pin': ['rundll32.exe [user32.dll,LockWorkStation]'],
  'sync-device-policy': ['gpupdate.exe [/target:computer] [/force]'],
  'open-event-log': ['eventvwr.exe [/c:Microsoft-Windows-User Device Registration/Admin]'],
};

describe('fix actions through stub executables', () => {
  it.each(FIX_IDS.map((id) => [id]))('%s runs exactly its fixed argv, nothing else', async (id) => {
    await calls();
    const opened: string[] = [];
    const attempt = await runGuardedFix(
      id,
      who(USER),
      asAlice,
      options(async (uri) => void opened.push(uri)),
    );
    expect(await calls()).toEqual(EXPECTED_ARGV[id] ?? []);
    const runsSomething = planFix(id).some(
      (step) => step.kind !== 'show-command' && step.kind !== 'guidance',
    );
    expect(attempt.outcome).toBe(runsSomething ? 'done' : 'shown');
    expect(opened).toEqual(id === 'sync-device-policy' ? ['ms-settings:workplace'] : []);
  });

  it('sync-device-policy runs gpupdate only when Group Policy delivers Hello', async () => {
    await calls();
    await runGuardedFix('sync-device-policy', who(USER), undefined, {
      ...options(),
      context: { gpoConfigured: false },
    });
    expect(await calls()).toEqual([]);
  });

  it('fills the domain into the admin commands, and never a hostile one', () => {
    expect(planFix('rotate-entra-kerberos-key', { domain: 'corp.contoso.com' })).toMatchObject([
      {
        kind: 'show-command',
        text: 'Set-AzureADKerberosServer -Domain corp.contoso.com -UserPrincipalName <admin UPN> -RotateServerKey',
      },
    ]);
    expect(planFix('create-entra-kerberos-server', { domain: 'x; Remove-Item C:\\' })).toMatchObject([
      {
        kind: 'show-command',
        text: 'Set-AzureADKerberosServer -Domain <AD domain> -UserPrincipalName <admin UPN>',
      },
    ]);
  });

  it('reports a tool that fails, with its output, as failed', async () => {
    const attempt = await runGuardedFix('refresh-prt', who(USER), undefined, {
      ...options(),
      system32: path.join(system32, 'failing'),
    });
    expect(attempt).toMatchObject({ outcome: 'failed', message: expect.stringContaining('exit code 5') });
    expect(attempt.output).toContain('Access is denied.');
  });
});

describe('delete-hello-container guardrails', () => {
  it.each([
    ['as SYSTEM', who(SYSTEM), asAlice, /runs as SYSTEM/],
    ['elevated', who(USER, 'S-1-16-12288'), asAlice, /elevated/],
    [
      'as another account than the one signed in at the device',
      buildFactSet({
        'whoami-user': probe(USER),
        'whoami-groups': probe(GROUPS('S-1-16-8192')),
        'logonui-last-provider': probe(
          'HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Authentication\\LogonUI\n' +
            '    LastLoggedOnProvider    REG_SZ    {D6886603-9D2F-4EB2-B667-1971041FA96B}\n' +
            '    LastLoggedOnUser    REG_SZ    CONTOSO\\bob\n' +
            '    LastLoggedOnUserSID    REG_SZ    S-1-5-21-1004336348-1177238915-682003330-1190\n',
        ),
      }),
      asAlice,
      /does not run as the user signed in/,
    ],
    ['without confirmation', who(USER), undefined, /explicit confirmation/],
    [
      'with the box not ticked',
      who(USER),
      { acknowledged: false, userName: 'contoso\\alice' },
      /explicit confirmation/,
    ],
    [
      'confirmed for another user',
      who(USER),
      { acknowledged: true, userName: 'contoso\\bob' },
      /names "contoso\\bob"/,
    ],
    ['when whoami could not be read', buildFactSet({}), asAlice, /whoami could not be read/],
    [
      'when the token groups could not be read (elevation unknown)',
      buildFactSet({ 'whoami-user': probe(USER) }),
      asAlice,
      /whoami \/groups could not be read/,
    ],
  ])('is refused %s, and certutil never runs', async (_case, facts, confirmation, reason) => {
    await calls();
    const attempt = await runGuardedFix('delete-hello-container', facts, confirmation, options());
    expect(attempt.outcome).toBe('refused');
    expect(attempt.message).toMatch(reason);
    expect(await calls()).toEqual([]);
  });

  it('says what it costs before anyone confirms', () => {
    const info = FIX_CATALOG['delete-hello-container'];
    expect(info.destructive).toBe(true);
    expect(info.cost).toMatch(/passkeys/);
    expect(info.cost).toMatch(/new PIN/);
  });

  it('only destructive fixes need a confirmation', async () => {
    const destructive = FIX_IDS.filter((id) => FIX_CATALOG[id].destructive);
    expect(destructive).toEqual(['delete-hello-container']);
  });
});

describe('certutil output', () => {
  it('reads the real sample: completed, with its sign-out request', () => {
    const parsed = parseCertutilDeleteHello(
      readFileSync(samplePath('certutil-deletehellocontainer-01.txt'), 'utf8'),
    );
    expect(parsed.recognized).toBe(true);
    expect(parsed.facts).toMatchObject({
      completed: true,
      signOutLine: 'Sign out now to complete this task.',
    });
  });

  it("passes certutil's own sign-out request on to the person", async () => {
    const dir = await makeTempDir('whfb-certutil-');
    await writeStub(
      dir,
      'certutil.exe',
      `printf 'Sign out now to complete this task.\\r\\nCertUtil: -DeleteHelloContainer command completed successfully.\\r\\n'`,
    );
    const attempt = await runGuardedFix('delete-hello-container', who(USER), asAlice, {
      ...options(),
      system32: dir,
    });
    expect(attempt.outcome).toBe('done');
    expect(attempt.message).toMatch(/deleted\. Windows says: "Sign out now to complete this task\."/);
    await removeDir(dir);
  });

  it('never throws on other text', () => {
    fc.assert(
      fc.property(fc.string(), (text) => typeof parseCertutilDeleteHello(text).recognized === 'boolean'),
    );
  });
});
