import { describe, expect, it } from 'vitest';
import { parseWhoamiGroups, parseWhoamiUser } from '../../../electron/engine/parsers/parse-whoami';
import {
  expectParsedShape,
  expectSourced,
  fixture,
  indent,
  itDoesNotRecognize,
  itIgnoresPadding,
  itReadsVariantsAlike,
  itSurvivesDamagedText,
  sample,
} from './text-mutations';

const all01 = sample('whoami-01.txt');
const all03 = sample('whoami-03.txt');
const userCsv = fixture('parsers/whoami-user-csv-01.txt');
const groupsCsv = fixture('parsers/whoami-groups-csv-rdp-01.txt');
const ENABLED = 'Mandatory group, Enabled by default, Enabled group';

const sids = (text: string) => parseWhoamiGroups(text).facts.groups.map((group) => group.sid);

describe('parseWhoamiUser', () => {
  it('reads the USER INFORMATION table of whoami /all (whoami-01)', () => {
    const line = 'inlanefreight\\jpinkman S-1-5-21-1225962538-3826430528-595808535-1106';
    expect(parseWhoamiUser(all01)).toEqual({
      facts: {
        userName: { value: 'inlanefreight\\jpinkman', line },
        sid: { value: 'S-1-5-21-1225962538-3826430528-595808535-1106', line },
      },
      recognized: true,
      problems: [],
    });
  });

  it('reads whoami-03 with its padded header rows', () => {
    const { facts } = parseWhoamiUser(all03);
    expect(facts.userName?.value).toBe('frizz\\w.webservice');
    expect(facts.sid?.value).toBe('S-1-5-21-2386970044-1145388522-2932701813-1120');
  });

  it('reads whoami /user /fo csv', () => {
    const line = '"contoso\\alice","S-1-5-21-1004336348-1177238915-682003330-1108"';
    expect(parseWhoamiUser(userCsv).facts).toEqual({
      userName: { value: 'contoso\\alice', line },
      sid: { value: 'S-1-5-21-1004336348-1177238915-682003330-1108', line },
    });
  });

  it('reads localized headers by SID, not by label', () => {
    const csv = '"Benutzername","SID"\n"contoso\\jürgen","S-1-5-21-1-2-3-1109"';
    expect(parseWhoamiUser(csv).facts.userName?.value).toBe('contoso\\jürgen');
    const table = [
      'INFORMATIONS UTILISATEUR',
      '------------------------',
      '',
      "Nom d'utilisateur SID",
      '================= ===================',
      'contoso\\rene     S-1-5-21-1-2-3-1110',
    ].join('\n');
    expect(parseWhoamiUser(table).facts.sid?.value).toBe('S-1-5-21-1-2-3-1110');
  });

  itReadsVariantsAlike(parseWhoamiUser, { all01, all03, userCsv });
  itIgnoresPadding(parseWhoamiUser, [all01, all03, userCsv]);

  it('reads /fo list output by position', () => {
    const text =
      'USER INFORMATION\n----------------\n\nUser Name: contoso\\alice\nSID:       S-1-5-21-1-2-3-1108';
    expect(parseWhoamiUser(text).facts).toEqual({
      userName: { value: 'contoso\\alice', line: 'User Name: contoso\\alice' },
      sid: { value: 'S-1-5-21-1-2-3-1108', line: 'SID:       S-1-5-21-1-2-3-1108' },
    });
  });

  it('does not read the group table as the user', () => {
    const result = parseWhoamiUser(groupsCsv);
    expect(result.recognized).toBe(false);
    expect(result.problems).toEqual(['no user name and SID found']);
  });
});

describe('parseWhoamiGroups', () => {
  it('reads the GROUP INFORMATION table of whoami-01 (key trust logon)', () => {
    const result = parseWhoamiGroups(all01);
    expect(result.recognized).toBe(true);
    expect(result.facts.groups).toHaveLength(12);
    expect(sids(all01)).toEqual(expect.arrayContaining(['S-1-18-1', 'S-1-18-4', 'S-1-18-5', 'S-1-5-65-1']));
    expect(result.facts.groups[8]).toEqual({
      name: 'Key trust identity',
      type: 'Well-known group',
      sid: 'S-1-18-4',
      attributes: ENABLED,
      line: `Key trust identity                          Well-known group S-1-18-4     ${ENABLED}`,
    });
    expect(result.facts.groups[11]).toEqual({
      name: 'Mandatory Label\\Medium Plus Mandatory Level',
      type: 'Label',
      sid: 'S-1-16-8448',
      line: 'Mandatory Label\\Medium Plus Mandatory Level Label            S-1-16-8448',
    });
  });

  it('reads whoami-03: high integrity label without attributes, no key trust SIDs', () => {
    const { facts } = parseWhoamiGroups(all03);
    expect(facts.groups).toHaveLength(10);
    expect(facts.groups.at(-1)).toMatchObject({
      name: 'Mandatory Label\\High Mandatory Level',
      type: 'Label',
      sid: 'S-1-16-12288',
    });
    expect(facts.groups.at(-1)?.attributes).toBeUndefined();
    expect(sids(all03)).toContain('S-1-18-1');
    expect(sids(all03)).not.toContain('S-1-18-4');
    expect(facts.groups.find((group) => group.sid === 'S-1-2-1')?.name).toBe('CONSOLE LOGON');
  });

  it('reads whoami /groups /fo csv of an RDP session', () => {
    const { facts } = parseWhoamiGroups(groupsCsv);
    expect(facts.groups).toHaveLength(12);
    expect(facts.groups.find((group) => group.sid === 'S-1-5-14')).toEqual({
      name: 'NT AUTHORITY\\REMOTE INTERACTIVE LOGON',
      type: 'Well-known group',
      sid: 'S-1-5-14',
      attributes: ENABLED,
      line: `"NT AUTHORITY\\REMOTE INTERACTIVE LOGON","Well-known group","S-1-5-14","${ENABLED}"`,
    });
    const label = facts.groups.at(-1);
    expect(label).toMatchObject({ sid: 'S-1-16-8192', type: 'Label' });
    expect(label?.attributes).toBeUndefined();
    expect(facts.groups.find((group) => group.sid === 'S-1-5-5-0-3614651')?.type).toBe('Logon ID');
  });

  it('reads a whoami /groups table pasted with collapsed alignment', () => {
    const text = [
      'Group Name Type SID Attributes',
      '========== ==== === ==========',
      'Everyone  Well-known group  S-1-1-0  Mandatory group, Enabled by default, Enabled group',
      'Mandatory Label\\Medium Mandatory Level Label S-1-16-8192',
    ].join('\n');
    const { facts } = parseWhoamiGroups(text);
    expect(facts.groups.map(({ name, type, sid }) => ({ name, type, sid }))).toEqual([
      { name: 'Everyone', type: 'Well-known group', sid: 'S-1-1-0' },
      { name: 'Mandatory Label\\Medium Mandatory Level Label', type: undefined, sid: 'S-1-16-8192' },
    ]);
  });

  it('reads /fo list groups (whoami /all /fo list), not taking the user for a group', () => {
    const text = [
      'User Name: contoso\\alice',
      'SID:       S-1-5-21-1-2-3-1108',
      'Group Name: Everyone',
      'Type:       Well-known group',
      'SID:        S-1-1-0',
      `Attributes: ${ENABLED}`,
      'Group Name: Mandatory Label\\Medium Mandatory Level',
      'Type:       Label',
      'SID:        S-1-16-8192',
      'Attributes:',
    ].join('\n');
    expect(parseWhoamiUser(text).facts.sid?.value).toBe('S-1-5-21-1-2-3-1108');
    const { groups } = parseWhoamiGroups(text).facts;
    expect(groups.map(({ name, type, sid, attributes }) => ({ name, type, sid, attributes }))).toEqual([
      { name: 'Everyone', type: 'Well-known group', sid: 'S-1-1-0', attributes: ENABLED },
      {
        name: 'Mandatory Label\\Medium Mandatory Level',
        type: 'Label',
        sid: 'S-1-16-8192',
        attributes: undefined,
      },
    ]);
  });

  itReadsVariantsAlike(parseWhoamiGroups, { all01, all03, groupsCsv });
  itReadsVariantsAlike(
    parseWhoamiGroups,
    { all01, all03, groupsCsv },
    [['the whole output indented', indent]],
    (result) => result.facts,
  );
  itIgnoresPadding(parseWhoamiGroups, [all01, all03, groupsCsv]);

  itDoesNotRecognize(
    parseWhoamiGroups,
    { 'the user-only output': userCsv, 'empty text': '', garbage: 'not whoami output' },
    { facts: { groups: [] } },
  );
});

describe('whoami parsers on damaged input', () => {
  itSurvivesDamagedText(
    [all01, all03, userCsv, groupsCsv],
    ['S-1-5-21-1-2-3', 'S-1-18-4', '"', '","', '=====', '----', 'Label', 'Alias', 'Group Name'],
    (text) => {
      const user = parseWhoamiUser(text);
      expectParsedShape(user);
      expectSourced(user.facts.userName, 'string');
      expectSourced(user.facts.sid, 'string');
      if (user.facts.sid) expect(user.facts.sid.value).toMatch(/^S-1-/i);
      const groups = parseWhoamiGroups(text);
      expectParsedShape(groups);
      for (const group of groups.facts.groups) {
        expect(group.sid).toMatch(/^S-1-\d+(-\d+)+$/i);
        expect(typeof group.name).toBe('string');
        expect(typeof group.line).toBe('string');
      }
    },
  );
});
