// The mutations the expert cases rest on do exactly what their names say, on the real outputs.
import { describe, expect, it } from 'vitest';
import {
  addGroups,
  captureFrom,
  dropLine,
  groupsFromTable,
  replace,
  sample,
  scenario,
  setValue,
  withoutTickets,
  withSection,
} from './capture-builder';

const HYBRID = scenario('healthy-hybrid');
const stdout = (id: 'dsregcmd-status' | 'klist-tickets' | 'whoami-groups'): string =>
  HYBRID.probes[id]?.stdout ?? '';

describe('capture builder', () => {
  it('changes only the probes named, and leaves out a probe given null', () => {
    const built = captureFrom(HYBRID, { 'klist-tickets': null, 'time-offset': 'x' });
    expect(built.probes['klist-tickets']).toBeUndefined();
    expect(built.probes['time-offset']?.stdout).toBe('x');
    expect(built.probes['dsregcmd-status']).toEqual(HYBRID.probes['dsregcmd-status']);
    expect(HYBRID.probes['klist-tickets']).toBeDefined();
  });

  it('sets one dsregcmd value, keeping its alignment and telling OnPremTgt from OnPremTGT', () => {
    const changed = setValue('OnPremTgt', 'NO')(stdout('dsregcmd-status'));
    expect(changed).toContain('                 OnPremTgt : NO');
    expect(changed).toContain('                 OnPremTGT : YES');
    expect(() => setValue('NoSuchLabel', 'NO')(changed)).toThrow();
    expect(dropLine('NgcKeyId')(changed)).not.toContain('NgcKeyId');
  });

  it('copies token groups from a real whoami /all table as CSV rows', () => {
    expect(groupsFromTable(sample('whoami-01.txt'), 'S-1-18-4', 'S-1-5-65-1')).toEqual([
      '"Key trust identity","Well-known group","S-1-18-4","Mandatory group, Enabled by default, Enabled group"',
      '"NT AUTHORITY\\This Organization Certificate","Well-known group","S-1-5-65-1","Mandatory group, Enabled by default, Enabled group"',
    ]);
    expect(groupsFromTable(sample('whoami-03.txt'), 'S-1-16-12288')).toEqual([
      '"Mandatory Label\\High Mandatory Level","Label","S-1-16-12288",""',
    ]);
    const rows = addGroups('"G","Group","S-1-5-21-1-2-3-512",""')(stdout('whoami-groups'))
      .split('\n')
      .filter((line) => line !== '');
    // Before the mandatory label row, which whoami prints last.
    expect(rows.slice(-2)).toEqual([
      '"G","Group","S-1-5-21-1-2-3-512",""',
      '"Mandatory Label\\Medium Mandatory Level","Label","S-1-16-8192",""',
    ]);
  });

  it('empties the ticket cache and counts what is left', () => {
    const one = withoutTickets('krbtgt/')(stdout('klist-tickets'));
    expect(one).toContain('Cached Tickets: (2)');
    expect(one).not.toMatch(/Server: krbtgt/);
    expect(one).toMatch(/^#0>\tClient: alice @ CORP\.CONTOSO\.COM\n\tServer: cifs\//m);
    const none = withoutTickets('ldap/')(withoutTickets('cifs/')(one));
    expect(none).toContain('Cached Tickets: (0)');
    expect(none).not.toContain('#0>');
  });

  it('replaces one dsregcmd section by the same section of another output', () => {
    const sso = replace('AzureAdPrt : NO', 'AzureAdPrt : YES')(sample('dsregcmd-status-06.txt'));
    const changed = withSection(sso)(stdout('dsregcmd-status'));
    expect(changed).toContain('AcquirePrtDiagnostics : PRESENT');
    expect(changed).not.toContain('AzureAdPrtUpdateTime');
    expect(changed).toContain('| Diagnostic Data ');
    expect(changed).toContain('NgcSet : YES');
  });
});
