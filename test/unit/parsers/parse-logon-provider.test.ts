import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type LogonProviderKind,
  logonProviderKind,
  parseLogonProvider,
} from '../../../electron/engine/parsers/parse-logon-provider';
import {
  ALIGNMENT_VARIANTS,
  expectParsedShape,
  expectSourced,
  fixture,
  itDoesNotRecognize,
  itIgnoresPadding,
  itReadsVariantsAlike,
  itSurvivesDamagedText,
  RUNS,
  valuesRead,
} from './text-mutations';

const pin = fixture('parsers/logonui-pin-01.txt');
const passwordWithSubkeys = fixture('parsers/logonui-password-s-01.txt');
const TEXTS = { pin, passwordWithSubkeys };

const KEY = 'HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Authentication\\LogonUI';
const withProvider = (clsid: string): string => `${KEY}\n    LastLoggedOnProvider    REG_SZ    ${clsid}\n`;

describe('parseLogonProvider on the fixtures', () => {
  it('reads a Hello PIN sign-in by a domain user', () => {
    const result = parseLogonProvider(pin);
    expect(result.recognized).toBe(true);
    expect(result.problems).toEqual([]);
    expect(result.facts).toEqual({
      lastProvider: {
        value: '{D6886603-9D2F-4EB2-B667-1971041FA96B}',
        line: 'LastLoggedOnProvider    REG_SZ    {D6886603-9D2F-4EB2-B667-1971041FA96B}',
      },
      kind: 'pin',
      lastUser: { value: 'CORP\\alice.martin', line: 'LastLoggedOnUser    REG_SZ    CORP\\alice.martin' },
      lastSamUser: {
        value: 'CORP\\alice.martin',
        line: 'LastLoggedOnSAMUser    REG_SZ    CORP\\alice.martin',
      },
      lastUserSid: {
        value: 'S-1-5-21-1004336348-1177238915-682003330-1108',
        line: 'LastLoggedOnUserSID    REG_SZ    S-1-5-21-1004336348-1177238915-682003330-1108',
      },
    });
  });

  it('reads the LogonUI key itself, not the per-user tiles of its subkeys (pasted with /s)', () => {
    const { facts } = parseLogonProvider(passwordWithSubkeys);
    // UserTile says PIN for this user and face for another: the last sign-in was a password.
    expect(facts.lastProvider?.value).toBe('{60b78e88-ead8-445c-9cfd-0b87f74ea6cd}');
    expect(facts.kind).toBe('password');
    expect(facts.lastUser?.value).toBe('AzureAD\\DavidKim');
    expect(facts.lastUserSid?.value).toBe('S-1-12-1-2783216587-1294021541-3489206690-1867452319');
  });
});

describe('parseLogonProvider credential provider table', () => {
  it.each<[string, LogonProviderKind]>([
    ['{D6886603-9D2F-4EB2-B667-1971041FA96B}', 'pin'],
    ['{BEC09223-B018-416D-A0AC-523971B639F5}', 'biometric'],
    ['{8AF662BF-65A0-4D0A-A540-A338A999D36F}', 'biometric'],
    ['{C885AA15-1764-4293-B82A-0586ADD46B35}', 'biometric'],
    ['{60B78E88-EAD8-445C-9CFD-0B87F74EA6CD}', 'password'],
    ['{6f45dc1e-5384-457a-bc13-2cd81b0d28ed}', 'password'],
    ['{8FD7E19C-3BF7-489B-A72C-846AB3678C96}', 'smart-card'],
    ['{1ee7337f-85ac-45e2-a23c-37c753209769}', 'smart-card'],
    ['{94596c7e-3744-41ce-893e-bbf09122f76a}', 'smart-card'],
    ['{F8A1793B-7873-4046-B2A7-1F318747F427}', 'fido2'],
    // Web sign-in, the Windows 8 convenience PIN and an unknown provider are none of the above.
    ['{C5D7540A-CD51-453B-B22B-05305BA03F07}', 'other'],
    ['{cb82ea12-9f71-446d-89e1-8d0924e1256e}', 'other'],
    ['{00000000-0000-0000-0000-000000000000}', 'other'],
  ])('%s is %s', (clsid, kind) => {
    const { facts } = parseLogonProvider(withProvider(clsid));
    expect(facts.kind).toBe(kind);
    // The value stays exactly as printed.
    expect(facts.lastProvider?.value).toBe(clsid);
  });

  it('compares case-insensitively, with or without braces', () => {
    expect(logonProviderKind('d6886603-9d2f-4eb2-b667-1971041fa96b')).toBe('pin');
    expect(logonProviderKind('{d6886603-9d2f-4eb2-b667-1971041fa96b}')).toBe('pin');
    expect(logonProviderKind('  {F8A1793B-7873-4046-B2A7-1F318747F427}  ')).toBe('fido2');
    expect(logonProviderKind('not a guid')).toBe('other');
    expect(logonProviderKind('')).toBe('other');
  });

  it('is the same kind in any letter case', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(
          'D6886603-9D2F-4EB2-B667-1971041FA96B',
          'BEC09223-B018-416D-A0AC-523971B639F5',
          '60B78E88-EAD8-445C-9CFD-0B87F74EA6CD',
          '8FD7E19C-3BF7-489B-A72C-846AB3678C96',
          'F8A1793B-7873-4046-B2A7-1F318747F427',
        ),
        fc.array(fc.boolean(), { minLength: 36, maxLength: 36 }),
        fc.boolean(),
        (clsid, lower, braces) => {
          const mixed = [...clsid].map((char, i) => (lower[i] ? char.toLowerCase() : char)).join('');
          const printed = braces ? `{${mixed}}` : mixed;
          expect(logonProviderKind(printed)).toBe(logonProviderKind(clsid));
        },
      ),
      RUNS,
    );
  });
});

describe('parseLogonProvider partial and missing values', () => {
  it('reads values pasted without their key line', () => {
    const { facts, recognized } = parseLogonProvider(
      'LastLoggedOnProvider    REG_SZ    {BEC09223-B018-416D-A0AC-523971B639F5}\nLastLoggedOnUser REG_SZ CORP\\bob',
    );
    expect(recognized).toBe(true);
    expect(facts.kind).toBe('biometric');
    expect(facts.lastUser?.value).toBe('CORP\\bob');
  });

  it('says so when the key has no LastLoggedOnProvider (nobody signed in at the screen yet)', () => {
    const result = parseLogonProvider(`${KEY}\n    ShowTabletKeyboard    REG_DWORD    0x0\n`);
    expect(result.recognized).toBe(true);
    expect(result.facts).toEqual({});
    expect(result.problems).toEqual(['no LastLoggedOnProvider value in the LogonUI key']);
  });

  it('leaves an empty LastLoggedOnProvider unset', () => {
    const result = parseLogonProvider(`${KEY}\n    LastLoggedOnProvider    REG_SZ\n`);
    expect(result.facts.lastProvider).toBeUndefined();
    expect(result.facts.kind).toBeUndefined();
  });
});

describe('parseLogonProvider on what is not reg output', () => {
  itDoesNotRecognize(parseLogonProvider, ['hello world', 'LastLoggedOnProvider = {D6886603}', 'klist'], {
    facts: {},
  });

  it('does not throw on a non-string', () => {
    expect(parseLogonProvider(undefined as unknown as string).recognized).toBe(false);
  });
});

describe('parseLogonProvider layout tolerance', () => {
  itReadsVariantsAlike(parseLogonProvider, TEXTS);
  itReadsVariantsAlike(parseLogonProvider, TEXTS, ALIGNMENT_VARIANTS, valuesRead);
  itIgnoresPadding(parseLogonProvider, Object.values(TEXTS));
});

describe('parseLogonProvider properties', () => {
  const KINDS: LogonProviderKind[] = ['pin', 'biometric', 'password', 'smart-card', 'fido2', 'other'];

  itSurvivesDamagedText(
    Object.values(TEXTS),
    ['LastLoggedOnProvider', 'REG_SZ', '    ', KEY, '{D6886603-9D2F-4EB2-B667-1971041FA96B}', '\\UserTile'],
    (text) => {
      const result = parseLogonProvider(text);
      expectParsedShape(result);
      expectSourced(result.facts.lastProvider, 'string');
      expectSourced(result.facts.lastUser, 'string');
      expectSourced(result.facts.lastSamUser, 'string');
      expectSourced(result.facts.lastUserSid, 'string');
      // A kind exactly when there is a provider.
      expect(result.facts.kind === undefined).toBe(result.facts.lastProvider === undefined);
      if (result.facts.kind !== undefined) expect(KINDS).toContain(result.facts.kind);
    },
  );

  it.each([
    ['spaces', ' '.repeat(200_000)],
    ['" = " repeated', ' = '.repeat(70_000)],
    ['a huge value name', `${'LastLoggedOnProvider'.repeat(10_000)}    REG_SZ    x`],
    ['a huge GUID', `    LastLoggedOnProvider    REG_SZ    {${'{'.repeat(200_000)}`],
  ])('reads a 200 KB single line (%s) quickly', (_name, line) => {
    for (const text of [line, `${KEY}\n${line}`]) {
      const startedAt = performance.now();
      expectParsedShape(parseLogonProvider(text));
      expect(performance.now() - startedAt).toBeLessThan(500);
    }
  });
});
