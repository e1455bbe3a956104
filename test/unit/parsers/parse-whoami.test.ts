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
const userFr = fixture('parsers/whoami-user-csv-fr-01.txt');
const userDe = fixture('parsers/whoami-user-csv-de-01.txt');
const userEs = fixture('parsers/whoami-user-csv-es-01.txt');
const groupsFr = fixture('parsers/whoami-groups-csv-fr-01.txt');
const groupsDe = fixture('parsers/whoami-groups-csv-de-01.txt');
const groupsEs = fixture('parsers/whoami-groups-csv-es-01.txt');
const tableFr = fixture('parsers/whoami-groups-table-fr-01.txt');
const DOMAIN = 'S-1-5-21-3623811015-3361044348-30300820';
const ENABLED_FR = 'Groupe obligatoire, Activé par défaut, Groupe activé';
const ENABLED_DE = 'Verbindliche Gruppe, Standardmäßig aktiviert, Aktivierte Gruppe';
const ENABLED_ES = 'Grupo obligatorio, Habilitado de manera predeterminada, Grupo habilitado';
const USERS = { all01, all03, userCsv, userFr, userDe, userEs };
const GROUPS = { all01, all03, groupsCsv, groupsFr, groupsDe, groupsEs, tableFr };

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

  it.each([
    ['French', userFr, 'contoso\\amelie.martin', `${DOMAIN}-1113`],
    ['German', userDe, 'contoso\\jürgen.weiß', `${DOMAIN}-1114`],
    ['Spanish', userEs, 'contoso\\lucía.gómez', `${DOMAIN}-1115`],
  ])('reads whoami /user /fo csv with %s headers', (_language, text, name, sid) => {
    const line = `"${name}","${sid}"`;
    expect(parseWhoamiUser(text)).toEqual({
      facts: { userName: { value: name, line }, sid: { value: sid, line } },
      recognized: true,
      problems: [],
    });
  });

  it('reads French /fo list output with a space before the colon', () => {
    const text =
      "INFORMATIONS UTILISATEUR\n------------------------\n\nNom d'utilisateur : contoso\\amelie.martin\nSID               : S-1-5-21-1-2-3-1113";
    expect(parseWhoamiUser(text).facts).toEqual({
      userName: { value: 'contoso\\amelie.martin', line: "Nom d'utilisateur : contoso\\amelie.martin" },
      sid: { value: 'S-1-5-21-1-2-3-1113', line: 'SID               : S-1-5-21-1-2-3-1113' },
    });
  });

  itReadsVariantsAlike(parseWhoamiUser, USERS);
  itIgnoresPadding(parseWhoamiUser, Object.values(USERS));

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

  it('reads French CSV groups of an elevated key-trust logon', () => {
    const { facts, recognized, problems } = parseWhoamiGroups(groupsFr);
    expect(recognized).toBe(true);
    expect(problems).toEqual([]);
    expect(facts.groups).toHaveLength(11);
    expect(facts.groups[1]).toEqual({
      name: 'BUILTIN\\Administrateurs',
      type: 'Alias',
      sid: 'S-1-5-32-544',
      attributes: `${ENABLED_FR}, Propriétaire du groupe`,
      line: `"BUILTIN\\Administrateurs","Alias","S-1-5-32-544","${ENABLED_FR}, Propriétaire du groupe"`,
    });
    expect(facts.groups.find((group) => group.sid === 'S-1-5-11')?.name).toBe(
      'AUTORITE NT\\Utilisateurs authentifiés',
    );
    expect(facts.groups.find((group) => group.sid === `${DOMAIN}-1604`)?.name).toBe(
      'CONTOSO\\Support, niveau 1',
    );
    expect(facts.groups.find((group) => group.sid === 'S-1-18-4')).toMatchObject({
      name: 'Identité d’approbation de clé',
      type: 'Groupe bien connu',
    });
    expect(facts.groups.at(-1)).toEqual({
      name: 'Etiquette obligatoire\\Niveau obligatoire élevé',
      type: 'Étiquette',
      sid: 'S-1-16-12288',
      line: '"Etiquette obligatoire\\Niveau obligatoire élevé","Étiquette","S-1-16-12288",""',
    });
  });

  it('reads German CSV groups (VORDEFINIERT, NT-AUTORITÄT, Domänen-Admins)', () => {
    const { facts } = parseWhoamiGroups(groupsDe);
    expect(facts.groups).toHaveLength(11);
    expect(facts.groups.map((group) => group.name).slice(0, 4)).toEqual([
      'Jeder',
      'VORDEFINIERT\\Administratoren',
      'VORDEFINIERT\\Benutzer',
      'NT-AUTORITÄT\\INTERAKTIV',
    ]);
    expect(facts.groups[1]?.sid).toBe('S-1-5-32-544');
    expect(facts.groups.find((group) => group.sid === `${DOMAIN}-512`)).toMatchObject({
      name: 'CONTOSO\\Domänen-Admins',
      type: 'Gruppe',
      attributes: ENABLED_DE,
    });
    expect(facts.groups.find((group) => group.sid === 'S-1-18-1')?.name).toBe(
      'Von der Authentifizierungsstelle bestätigte Identität',
    );
    expect(facts.groups.at(-1)).toMatchObject({
      name: 'Verbindliche Beschriftung\\Hohe Verbindlichkeitsstufe',
      type: 'Bezeichnung',
      sid: 'S-1-16-12288',
    });
    expect(facts.groups.at(-1)?.attributes).toBeUndefined();
  });

  it('reads Spanish CSV groups', () => {
    const { facts } = parseWhoamiGroups(groupsEs);
    expect(facts.groups).toHaveLength(11);
    expect(facts.groups.find((group) => group.sid === 'S-1-5-11')).toMatchObject({
      name: 'NT AUTHORITY\\Usuarios autentificados',
      type: 'Grupo conocido',
      attributes: ENABLED_ES,
    });
    expect(facts.groups.find((group) => group.sid === 'S-1-2-1')?.name).toBe(
      'INICIO DE SESIÓN EN LA CONSOLA',
    );
    expect(facts.groups.at(-1)).toMatchObject({
      name: 'Etiqueta obligatoria\\Nivel obligatorio alto',
      type: 'Etiqueta',
      sid: 'S-1-16-12288',
    });
  });

  it.each([
    ['French', groupsFr, ['S-1-18-4']],
    ['German', groupsDe, ['S-1-18-1']],
    ['Spanish', groupsEs, ['S-1-18-1', 'S-1-18-4']],
  ])('keeps the high integrity label and the S-1-18 SIDs in %s', (_language, text, logonSids) => {
    const found = sids(text);
    expect(found).toContain('S-1-16-12288');
    expect(found).toContain('S-1-5-32-544');
    expect(found.filter((sid) => sid.startsWith('S-1-18-'))).toEqual(logonSids);
  });

  it('reads the French /groups table (accented names, medium label without attributes)', () => {
    const { facts } = parseWhoamiGroups(tableFr);
    expect(facts.groups).toHaveLength(9);
    expect(facts.groups[4]).toEqual({
      name: 'AUTORITE NT\\Utilisateurs authentifiés',
      type: 'Groupe bien connu',
      sid: 'S-1-5-11',
      attributes: ENABLED_FR,
      line: `AUTORITE NT\\Utilisateurs authentifiés                 Groupe bien connu S-1-5-11     ${ENABLED_FR}`,
    });
    expect(facts.groups[7]).toMatchObject({
      name: 'Identité déclarée par une autorité d’authentification',
      type: 'Groupe bien connu',
      sid: 'S-1-18-1',
    });
    expect(facts.groups[8]).toEqual({
      name: 'Etiquette obligatoire\\Niveau obligatoire moyen',
      type: 'Étiquette',
      sid: 'S-1-16-8192',
      line: 'Etiquette obligatoire\\Niveau obligatoire moyen        Étiquette         S-1-16-8192',
    });
  });

  it('reads French /fo list groups with a space before the colon', () => {
    const text = [
      'Nom du groupe : Etiquette obligatoire\\Niveau obligatoire élevé',
      'Type          : Étiquette',
      'SID           : S-1-16-12288',
      'Attributs     :',
      'Nom du groupe : AUTORITE NT\\Utilisateurs authentifiés',
      'Type          : Groupe bien connu',
      'SID           : S-1-5-11',
      `Attributs     : ${ENABLED_FR}`,
    ].join('\n');
    const { groups } = parseWhoamiGroups(text).facts;
    expect(groups.map(({ name, type, sid, attributes }) => ({ name, type, sid, attributes }))).toEqual([
      {
        name: 'Etiquette obligatoire\\Niveau obligatoire élevé',
        type: 'Étiquette',
        sid: 'S-1-16-12288',
        attributes: undefined,
      },
      {
        name: 'AUTORITE NT\\Utilisateurs authentifiés',
        type: 'Groupe bien connu',
        sid: 'S-1-5-11',
        attributes: ENABLED_FR,
      },
    ]);
  });

  it('finds the SID column by its shape, not its position', () => {
    const text = [
      '"Gruppenname","SID","Attribute"',
      '"VORDEFINIERT\\Administratoren","S-1-5-32-544","Verbindliche Gruppe"',
      '"Gruppenname","Typ","Domäne","SID","Attribute"',
      '"Verbindliche Beschriftung\\Hohe Verbindlichkeitsstufe","Bezeichnung","","S-1-16-12288",""',
    ].join('\n');
    expect(
      parseWhoamiGroups(text).facts.groups.map(({ name, type, sid, attributes }) => ({
        name,
        type,
        sid,
        attributes,
      })),
    ).toEqual([
      {
        name: 'VORDEFINIERT\\Administratoren',
        type: undefined,
        sid: 'S-1-5-32-544',
        attributes: 'Verbindliche Gruppe',
      },
      {
        name: 'Verbindliche Beschriftung\\Hohe Verbindlichkeitsstufe',
        type: 'Bezeichnung',
        sid: 'S-1-16-12288',
        attributes: undefined,
      },
    ]);
  });

  it('returns on a 200 KB line', () => {
    for (const line of [
      `|${' '.repeat(200_000)}`,
      'a:'.repeat(100_000),
      '"a",'.repeat(50_000),
      `"a","${'S-1-5-'.repeat(30_000)}1"`,
      'S-1-5-21 '.repeat(20_000),
      `${'= '.repeat(100_000)}x`,
      `x${' '.repeat(200_000)}x`,
      'a@'.repeat(100_000),
    ]) {
      expectParsedShape(parseWhoamiUser(line));
      expectParsedShape(parseWhoamiGroups(line));
    }
  });

  itReadsVariantsAlike(parseWhoamiGroups, GROUPS);
  itReadsVariantsAlike(
    parseWhoamiGroups,
    GROUPS,
    [['the whole output indented', indent]],
    (result) => result.facts,
  );
  itIgnoresPadding(parseWhoamiGroups, Object.values(GROUPS));

  itDoesNotRecognize(
    parseWhoamiGroups,
    { 'the user-only output': userCsv, 'empty text': '', garbage: 'not whoami output' },
    { facts: { groups: [] } },
  );
});

describe('whoami parsers on damaged input', () => {
  itSurvivesDamagedText(
    [all01, all03, userCsv, groupsCsv, userFr, groupsFr, groupsDe, groupsEs, tableFr],
    [
      'S-1-5-21-1-2-3',
      'S-1-18-4',
      'S-1-16-12288',
      '"',
      '","',
      '=====',
      '----',
      'Label',
      'Alias',
      'Group Name',
      'Nom du groupe : ',
      'Étiquette',
    ],
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
