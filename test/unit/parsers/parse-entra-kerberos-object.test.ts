import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  MAX_TOKEN_GROUPS,
  parseEntraKerberosObject,
} from '../../../electron/engine/parsers/parse-entra-kerberos-object';
import {
  expectParsedShape,
  fixture,
  itReadsVariantsAlike,
  itSurvivesDamagedText,
  RUNS,
  toCrlf,
  valuesRead,
} from './text-mutations';

const present = fixture('parsers/entra-kerberos-object-01.json');
const absent = fixture('parsers/entra-kerberos-object-absent-01.json');
const failed = fixture('parsers/entra-kerberos-object-error-01.json');
const ps51 = fixture('parsers/entra-kerberos-object-ps51-01.txt');
const regularUser = fixture('parsers/entra-kerberos-object-user-01.json');
const domainAdmin = fixture('parsers/entra-kerberos-object-domain-admin-01.json');
const accountOperator = fixture('parsers/entra-kerberos-object-account-operators-01.json');
const userFailed = fixture('parsers/entra-kerberos-object-user-error-01.json');
const tokenGroupsFailed = fixture('parsers/entra-kerberos-object-tokengroups-error-01.json');

const CORP = 'S-1-5-21-1004336348-1177238915-682003330';
const EU = 'S-1-5-21-2811547166-3306178302-1401939770';
const COMPUTER = 'CN=AzureADKerberos,OU=Domain Controllers,DC=corp,DC=contoso,DC=com';
const KRBTGT = 'CN=krbtgt_AzureAD,CN=Users,DC=corp,DC=contoso,DC=com';
/** An output of the current script with the object part filled in and `rest` after it. */
const withObjects = (rest: string): string =>
  `{"domain":"corp.contoso.com","computer":{"distinguishedName":"${COMPUTER}"},"krbtgt":{"distinguishedName":"${KRBTGT}","keyVersion":3},${rest}}`;

describe('parseEntraKerberosObject', () => {
  it('reads both objects', () => {
    expect(parseEntraKerberosObject(present)).toEqual({
      facts: {
        domain: 'corp.contoso.com',
        computer: {
          distinguishedName: 'CN=AzureADKerberos,OU=Domain Controllers,DC=corp,DC=contoso,DC=com',
          whenCreated: '2024-02-01T10:00:00Z',
        },
        krbtgt: {
          distinguishedName: 'CN=krbtgt_AzureAD,CN=Users,DC=corp,DC=contoso,DC=com',
          pwdLastSet: '2025-09-01T10:00:00Z',
          keyVersion: 3,
        },
        line: present.trim(),
      },
      recognized: true,
      problems: [],
    });
  });

  it('reads searched-and-absent objects as null', () => {
    const { facts, recognized } = parseEntraKerberosObject(absent);
    expect(recognized).toBe(true);
    expect(facts.computer).toBeNull();
    expect(facts.krbtgt).toBeNull();
    expect(facts.failure).toBeUndefined();
  });

  it('reads a failed query as a failure, leaving the objects unknown rather than absent', () => {
    const { facts, recognized } = parseEntraKerberosObject(failed);
    expect(recognized).toBe(true);
    expect(facts.failure).toBe('The server is not operational.');
    expect(facts.domain).toBe('corp.contoso.com');
    expect('computer' in facts).toBe(false);
    expect('krbtgt' in facts).toBe(false);
  });

  it('reads Windows PowerShell 5.1 output: BOM, prompts, pretty JSON, /Date()/, FILETIME, string keyVersion', () => {
    const { facts, recognized, problems } = parseEntraKerberosObject(ps51);
    expect(recognized).toBe(true);
    expect(problems).toEqual([]);
    expect(facts.computer).toEqual({
      distinguishedName: 'CN=AzureADKerberos,OU=Domain Controllers,DC=corp,DC=contoso,DC=com',
      whenCreated: '2024-02-01T10:00:00.000Z',
    });
    expect(facts.krbtgt).toEqual({
      distinguishedName: 'CN=krbtgt_AzureAD,CN=Users,DC=corp,DC=contoso,DC=com',
      pwdLastSet: '2025-06-30T03:00:00.000Z',
      keyVersion: 3,
    });
    expect(facts.line.startsWith('{')).toBe(true);
    expect(facts.line.endsWith('}')).toBe(true);
  });

  it('accepts surrounding whitespace, CRLF, omitted optional fields and unknown properties', () => {
    const text = toCrlf(
      `\n\n  {"domain":"corp.contoso.com","computer":{"distinguishedName":"CN=AzureADKerberos","extra":1},"version":2}  \n`,
    );
    const { facts, recognized } = parseEntraKerberosObject(text);
    expect(recognized).toBe(true);
    expect(facts.computer).toEqual({ distinguishedName: 'CN=AzureADKerberos' });
    expect('krbtgt' in facts).toBe(false);
  });

  it('finds the JSON line among other lines with braces', () => {
    const text = `PS C:\\> $r = @{ a = 1 }\n${present}`;
    expect(parseEntraKerberosObject(text).facts.krbtgt?.keyVersion).toBe(3);
  });

  itReadsVariantsAlike(parseEntraKerberosObject, { present, absent, failed });
  // The evidence of pretty-printed JSON is the pasted block itself, line breaks included.
  itReadsVariantsAlike(parseEntraKerberosObject, { ps51 }, undefined, valuesRead);

  it.each([
    ['', /no JSON object/],
    ['not json', /no JSON object/],
    ['[1,2]', /no JSON object/],
    ['{"computer":{"whenCreated":"x"}}', /computer\.distinguishedName/],
    ['{"krbtgt":{"distinguishedName":"CN=x","keyVersion":"three"}}', /krbtgt\.keyVersion/],
    ['{"error":42}', /error/],
    ['{"domain":"x",', /no JSON object/],
  ])('rejects %j with a clear problem (%s)', (text, problem) => {
    const result = parseEntraKerberosObject(text);
    expect(result.recognized).toBe(false);
    expect(result.facts).toEqual({ line: '' });
    expect(result.problems[0]).toMatch(problem);
  });

  const vocabulary = [
    '{',
    '}',
    '[',
    ']',
    '"computer":',
    '"krbtgt":',
    '"user":',
    '"tokenGroups":',
    '"neverReveal":',
    '"dn":"CN=x"',
    '"sid":"S-1-5-32-544"',
    'null',
    '"error":"x"',
    '"keyVersion":3',
    ',',
  ];
  itSurvivesDamagedText(
    [present, absent, failed, ps51, regularUser, domainAdmin, userFailed],
    vocabulary,
    (text) => {
      const result = parseEntraKerberosObject(text);
      expectParsedShape(result);
      expect(typeof result.facts.line).toBe('string');
      if (result.facts.computer) expect(typeof result.facts.computer.distinguishedName).toBe('string');
      if (result.facts.krbtgt?.keyVersion !== undefined) {
        expect(Number.isInteger(result.facts.krbtgt.keyVersion)).toBe(true);
      }
      if (!result.recognized) expect(result.problems.length).toBeGreaterThan(0);
      const { user, neverReveal } = result.facts;
      if (user) expect(user.sid).toMatch(/^S-1-\d+(-\d+)*$/);
      for (const sid of user?.tokenGroups ?? []) expect(sid).toMatch(/^S-1-\d+(-\d+)*$/);
      expect((user?.tokenGroups ?? []).length).toBeLessThanOrEqual(MAX_TOKEN_GROUPS);
      for (const group of neverReveal ?? []) expect(typeof group.dn).toBe('string');
    },
    [
      fc.json().map((json) => `{"computer":${json}}`),
      fc.json().map((json) => `{"user":${json},"neverReveal":${json}}`),
      fc
        .json()
        .map((json) => withObjects(`"user":{"dn":"CN=a","sid":"S-1-5-21-1-2-3-1105","tokenGroups":${json}}`)),
    ],
  );
});

describe('parseEntraKerberosObject: replication policy and the user', () => {
  it('reads a regular user: the lists, the account and its groups', () => {
    expect(parseEntraKerberosObject(regularUser)).toEqual({
      facts: {
        domain: 'corp.contoso.com',
        computer: { distinguishedName: COMPUTER, whenCreated: '2024-02-01T10:00:00.0000000Z' },
        krbtgt: { distinguishedName: KRBTGT, pwdLastSet: '2025-09-01T10:00:00.0000000Z', keyVersion: 3 },
        neverReveal: [
          {
            dn: 'CN=Denied RODC Password Replication Group,CN=Users,DC=corp,DC=contoso,DC=com',
            sid: `${CORP}-572`,
          },
          { dn: 'CN=Account Operators,CN=Builtin,DC=corp,DC=contoso,DC=com', sid: 'S-1-5-32-548' },
          { dn: 'CN=Server Operators,CN=Builtin,DC=corp,DC=contoso,DC=com', sid: 'S-1-5-32-549' },
          { dn: 'CN=Backup Operators,CN=Builtin,DC=corp,DC=contoso,DC=com', sid: 'S-1-5-32-551' },
          { dn: 'CN=Administrators,CN=Builtin,DC=corp,DC=contoso,DC=com', sid: 'S-1-5-32-544' },
        ],
        revealOnDemand: [
          {
            dn: 'CN=Allowed RODC Password Replication Group,CN=Users,DC=corp,DC=contoso,DC=com',
            sid: `${CORP}-571`,
          },
        ],
        user: {
          dn: 'CN=Alice Martin,OU=Staff,DC=corp,DC=contoso,DC=com',
          sid: `${CORP}-1105`,
          tokenGroups: [`${CORP}-513`, 'S-1-5-32-545', `${CORP}-1108`],
          pwdLastSet: '2025-11-03T08:15:00.0000000Z',
          userAccountControl: 512,
        },
        line: regularUser.trim(),
      },
      recognized: true,
      problems: [],
    });
  });

  it('shows a Domain Admin through tokenGroups, and Domain Admins on the never-reveal list', () => {
    const { facts, recognized, problems } = parseEntraKerberosObject(domainAdmin);
    expect(recognized).toBe(true);
    expect(problems).toEqual([]);
    expect(facts.user?.tokenGroups).toEqual([
      `${CORP}-513`,
      `${CORP}-512`,
      `${CORP}-572`,
      'S-1-5-32-544',
      'S-1-5-32-545',
    ]);
    expect(facts.user?.adminCount).toBe(1);
    expect(facts.user?.userAccountControl).toBe(66048);
    expect(facts.neverReveal).toContainEqual({
      dn: 'CN=Domain Admins,CN=Users,DC=corp,DC=contoso,DC=com',
      sid: `${CORP}-512`,
    });
    expect(facts.neverReveal).toContainEqual({
      dn: 'CN=Administrators,CN=Builtin,DC=corp,DC=contoso,DC=com',
      sid: 'S-1-5-32-544',
    });
    // A group of another forest whose SID could not be resolved stays listed, without SID.
    expect(facts.neverReveal?.at(-1)).toEqual({
      dn: 'CN=Tier0 Admins,OU=Groups,DC=fabrikam,DC=com',
      sid: null,
    });
    expect(facts.neverReveal).toHaveLength(10);
    // An empty allow list is read as empty, not as unknown.
    expect(facts.revealOnDemand).toEqual([]);
  });

  it('shows Account Operators, which no workstation token carries, in a child domain', () => {
    const { facts, problems } = parseEntraKerberosObject(accountOperator);
    expect(problems).toEqual([]);
    expect(facts.domain).toBe('eu.contoso.com');
    expect(facts.user).toEqual({
      dn: 'CN=Carla Rossi,OU=Helpdesk,DC=eu,DC=contoso,DC=com',
      sid: `${EU}-2204`,
      tokenGroups: [`${EU}-513`, 'S-1-5-32-548', 'S-1-5-32-545', `${EU}-3101`],
      adminCount: 1,
      pwdLastSet: '2025-12-01T09:30:00.0000000Z',
      userAccountControl: 512,
    });
    expect(facts.neverReveal?.map((group) => group.sid)).toContain('S-1-5-32-548');
  });

  it('keeps the objects and lists when the user lookup failed, the user unknown rather than absent', () => {
    const { facts, recognized, problems } = parseEntraKerberosObject(userFailed);
    expect(recognized).toBe(true);
    expect(problems).toEqual([]);
    expect(facts.userError).toBe('A referral was returned from the server.');
    expect('user' in facts).toBe(false);
    expect(facts.computer?.distinguishedName).toBe(COMPUTER);
    expect(facts.krbtgt?.keyVersion).toBe(3);
    expect(facts.neverReveal).toHaveLength(5);
    expect(facts.failure).toBeUndefined();
  });

  it('keeps the account when only its tokenGroups could not be read: groups unknown, not none', () => {
    const { facts, problems } = parseEntraKerberosObject(tokenGroupsFailed);
    expect(problems).toEqual([]);
    expect(facts.user).toEqual({
      dn: 'CN=Alice Martin,OU=Staff,DC=corp,DC=contoso,DC=com',
      sid: `${CORP}-1105`,
      pwdLastSet: '2025-11-03T08:15:00.0000000Z',
      userAccountControl: 512,
    });
    expect(facts.userError).toBe('tokenGroups: The directory service is unavailable.');
    expect('neverReveal' in facts).toBe(false);
    expect('revealOnDemand' in facts).toBe(false);
  });

  it('reads a user searched and not found in the domain as null', () => {
    const { facts } = parseEntraKerberosObject(withObjects('"user":null,"userError":null,"error":null'));
    expect(facts.user).toBeNull();
    expect(facts.userError).toBeUndefined();
  });

  it('reads the user as unknown when the whole query failed', () => {
    const { facts } = parseEntraKerberosObject(
      '{"domain":"corp.contoso.com","computer":null,"krbtgt":null,"neverReveal":null,"revealOnDemand":null,"user":null,"userError":null,"error":"The server is not operational."}',
    );
    expect(facts.failure).toBe('The server is not operational.');
    expect('user' in facts).toBe(false);
    expect('neverReveal' in facts).toBe(false);
  });

  it('reads older outputs without the new fields exactly as before', () => {
    for (const text of [present, absent, failed, ps51]) {
      const { facts } = parseEntraKerberosObject(text);
      for (const key of ['neverReveal', 'revealOnDemand', 'user', 'userError']) {
        expect(key in facts, key).toBe(false);
      }
    }
  });

  it('drops values that are not SIDs from tokenGroups, keeps the rest and says so', () => {
    const text = withObjects(
      `"user":{"dn":"CN=Alice","sid":"${CORP}-1105","tokenGroups":["${CORP}-513","Domain Admins",42,null,"S-1-5-32-544","S-1-5-21-x","s-1-5-32-548"]}`,
    );
    const { facts, recognized, problems } = parseEntraKerberosObject(text);
    expect(recognized).toBe(true);
    expect(facts.user?.tokenGroups).toEqual([`${CORP}-513`, 'S-1-5-32-544', 'S-1-5-32-548']);
    expect(problems).toEqual(['user.tokenGroups: 4 value(s) that are not SIDs were dropped']);
    expect(facts.computer?.distinguishedName).toBe(COMPUTER);
  });

  it('reads at most 5000 token groups', () => {
    const sids = Array.from({ length: 6000 }, (_, index) => `"${CORP}-${100000 + index}"`);
    const text = withObjects(
      `"user":{"dn":"CN=Alice","sid":"${CORP}-1105","tokenGroups":[${sids.join(',')}]}`,
    );
    const { facts, problems } = parseEntraKerberosObject(text);
    expect(facts.user?.tokenGroups).toHaveLength(5000);
    expect(facts.user?.tokenGroups?.at(-1)).toBe(`${CORP}-104999`);
    expect(problems).toEqual(['user.tokenGroups: 6000 entries, only the first 5000 were read']);
  });

  it('drops a damaged user or list without losing the object facts', () => {
    const text = withObjects(
      `"neverReveal":"CN=Domain Admins","revealOnDemand":[{"dn":""},{"sid":"S-1-5-32-544"},{"dn":"CN=G","sid":"not a sid"}],"user":{"dn":"CN=Alice","sid":"alice"},"userError":7`,
    );
    const { facts, recognized, problems } = parseEntraKerberosObject(text);
    expect(recognized).toBe(true);
    expect(facts.computer?.distinguishedName).toBe(COMPUTER);
    expect(facts.krbtgt?.keyVersion).toBe(3);
    expect('neverReveal' in facts).toBe(false);
    expect(facts.revealOnDemand).toEqual([{ dn: 'CN=G', sid: null }]);
    expect('user' in facts).toBe(false);
    expect(problems).toEqual([
      'neverReveal: not a list; ignored',
      'revealOnDemand: 2 entry(ies) without a group DN were dropped',
      'revealOnDemand: 1 value(s) that are not SIDs were read as unresolved',
      'userError: not a string; ignored',
      'user: no DN and SID; the account was not read',
    ]);
  });

  it('reads numbers printed as text and a FILETIME pwdLastSet, as a hand run in PowerShell 5.1 may print them', () => {
    const text = withObjects(
      `"user":{"dn":"CN=Alice","sid":"${CORP}-1105","tokenGroups":{"value":["${CORP}-512"],"Count":1},"adminCount":"1","pwdLastSet":133957260000000000,"userAccountControl":"512"}`,
    );
    const { facts, problems } = parseEntraKerberosObject(text);
    expect(problems).toEqual([]);
    expect(facts.user).toEqual({
      dn: 'CN=Alice',
      sid: `${CORP}-1105`,
      tokenGroups: [`${CORP}-512`],
      adminCount: 1,
      pwdLastSet: '2025-06-30T03:00:00.000Z',
      userAccountControl: 512,
    });
  });

  itReadsVariantsAlike(parseEntraKerberosObject, { regularUser, domainAdmin, userFailed });

  // SIDs as Windows prints them: S-1-5-21-<3 domain numbers>-<RID> or S-1-5-32-<RID>.
  const sidArb = fc.oneof(
    fc
      .tuple(fc.nat(0xffffffff), fc.nat(0xffffffff), fc.nat(0xffffffff), fc.nat(0xffffffff))
      .map((parts) => `S-1-5-21-${parts.join('-')}`),
    fc.integer({ min: 544, max: 580 }).map((rid) => `S-1-5-32-${rid}`),
  );
  // Never a SID: starts with something else than "S-1-".
  const notSidArb = fc.oneof(
    fc.string().map((text) => `x${text}`),
    fc.constantFrom('Domain Admins', 'S-1-', 'S-1-5-21-1-2-x', ''),
  );

  it('keeps exactly the SIDs of tokenGroups, in order, whatever else the list holds', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.oneof(
            sidArb.map((sid) => ({ sid })),
            notSidArb.map((junk) => ({ junk })),
          ),
        ),
        (items) => {
          const values = items.map((item) => ('sid' in item ? item.sid : item.junk));
          const text = withObjects(
            `"user":{"dn":"CN=Alice","sid":"${CORP}-1105","tokenGroups":${JSON.stringify(values)}}`,
          );
          const { facts, recognized, problems } = parseEntraKerberosObject(text);
          const expected = items.flatMap((item) => ('sid' in item ? [item.sid] : []));
          expect(recognized).toBe(true);
          expect(facts.user?.tokenGroups).toEqual(expected);
          expect(problems.length > 0).toBe(expected.length < values.length);
          expect(facts.krbtgt?.keyVersion).toBe(3);
        },
      ),
      RUNS,
    );
  });

  it('never loses the object facts to whatever the new fields hold', () => {
    const field = fc.constantFrom('neverReveal', 'revealOnDemand', 'user', 'userError');
    fc.assert(
      fc.property(fc.dictionary(field, fc.jsonValue()), (extra) => {
        const text = withObjects(JSON.stringify(extra).slice(1, -1) || '"error":null');
        const { facts, recognized } = parseEntraKerberosObject(text);
        expect(recognized).toBe(true);
        expect(facts.computer).toEqual({ distinguishedName: COMPUTER });
        expect(facts.krbtgt).toEqual({ distinguishedName: KRBTGT, keyVersion: 3 });
      }),
      RUNS,
    );
  });
});
